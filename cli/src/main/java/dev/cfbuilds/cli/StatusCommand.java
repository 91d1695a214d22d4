package dev.cfbuilds.cli;

import dev.cfbuilds.client.BuildsResource;
import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.LatestBuilds;
import dev.cfbuilds.client.LiveDeployment;
import dev.cfbuilds.client.WorkersResource;
import dev.cfbuilds.client.errors.UnknownWorkerException;
import dev.cfbuilds.generated.model.Build;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cfbuilds status [WORKER…]}: with no Worker, the latest build of every Worker in the
 * account; with Workers, what is live on each and from which builds, and a newer build if one is
 * building or has failed.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Show the latest build of every Worker, or what is live on the Workers given.",
      "",
      "With no WORKER: one row per Worker in the account, with its latest build's status, "
          + "outcome, branch@commit and age (latest builds are asked "
          + BuildsResource.MAX_WORKERS_PER_REQUEST
          + " Workers to a request).",
      "With WORKERs: each version of the live deployment with its share of traffic, its build's "
          + "outcome, branch@commit and author, the deployment's message, and the latest build "
          + "when it is newer than what is live.",
      "",
      "A WORKER is a name or a tag: exactly 32 hex digits is a tag; anything else starting with "
          + WorkerArgument.TAG_LIKE_DIGITS
          + " or more hex digits is refused as a mistyped tag; a name is lower-case letters, "
          + "digits, - and _."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {ApiAccess.ENVIRONMENT_HELP},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK + ":ok",
      ExitCodes.API_ERROR + ":API or network error",
      ExitCodes.USAGE + ":usage error or bad WORKER; nothing was sent",
      ExitCodes.MISSING + ":no Worker has that name or tag"
    })
final class StatusCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "WORKER", arity = "0..*", description = "Worker names or tags.")
  private List<String> workers = new ArrayList<>();

  @Mixin private ReadOptions options;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Set<String> checked = new LinkedHashSet<>();
    for (int i = 0; i < workers.size(); i++) {
      checked.add(WorkerArgument.check(workers.get(i), "WORKER argument " + (i + 1)));
    }
    OutputFormat format = options.format(context);
    return options.run(
        spec,
        context,
        null,
        (client, account) ->
            checked.isEmpty()
                ? everyWorker(client, account, format)
                : live(client, account, List.copyOf(checked), format));
  }

  private int everyWorker(CloudflareBuildsClient client, String account, OutputFormat format) {
    SortedMap<String, String> all = client.workers(account).list();
    LatestBuilds latest =
        all.isEmpty()
            ? new LatestBuilds(Map.of(), List.of())
            : client.builds(account).latest(all.keySet());
    Map<String, Build> byWorker = new LinkedHashMap<>();
    all.keySet().forEach(name -> byWorker.put(name, latest.builds().get(name)));
    StatusOutput.everyWorker(byWorker, all, format, Instant.now(), out());
    return ExitCodes.OK;
  }

  private int live(
      CloudflareBuildsClient client, String account, List<String> asked, OutputFormat format) {
    WorkersResource workersApi = client.workers(account);
    SortedMap<String, String> all = workersApi.list();
    // Every Worker is looked up in the account's list before any Builds request.
    List<String> names = new ArrayList<>();
    for (String worker : asked) {
      names.add(nameOf(worker, all));
    }
    Set<String> distinct = new LinkedHashSet<>(names);
    Map<String, LiveDeployment> live = workersApi.live(distinct);
    LatestBuilds latest = client.builds(account).latest(distinct);
    Map<String, StatusOutput.Live> shown = new LinkedHashMap<>();
    for (String name : distinct) {
      LiveDeployment deployment = live.get(name);
      shown.put(
          name,
          new StatusOutput.Live(
              all.get(name), deployment, newerThanLive(latest.builds().get(name), deployment)));
    }
    StatusOutput.live(shown, format, Instant.now(), out());
    return ExitCodes.OK;
  }

  /** Returns the name of {@code worker} (a checked name or tag) in the account's Workers. */
  private static String nameOf(String worker, SortedMap<String, String> all) {
    if (all.containsKey(worker)) {
      return worker;
    }
    for (Map.Entry<String, String> entry : all.entrySet()) {
      if (entry.getValue().equals(worker)) {
        return entry.getKey();
      }
    }
    throw new UnknownWorkerException(
        "no Worker "
            + (worker.matches("[0-9a-f]{32}") ? "with tag " : "named ")
            + "\""
            + worker
            + "\" in the account",
        worker);
  }

  /**
   * Returns {@code latest} if it built none of the live versions and was created after the newest
   * build that did (or after the deployment, when no live version has a dated build), else null.
   */
  static Build newerThanLive(Build latest, LiveDeployment live) {
    if (latest == null) {
      return null;
    }
    OffsetDateTime newestLive = null;
    if (live != null) {
      for (LiveDeployment.Version version : live.versions()) {
        Build build = version.build();
        if (build == null) {
          continue;
        }
        if (Objects.equals(build.getBuildUuid(), latest.getBuildUuid())) {
          return null;
        }
        if (build.getCreatedOn() != null
            && (newestLive == null || build.getCreatedOn().isAfter(newestLive))) {
          newestLive = build.getCreatedOn();
        }
      }
      if (newestLive == null && live.deployment() != null) {
        newestLive = live.deployment().getCreatedOn();
      }
    }
    if (newestLive == null || latest.getCreatedOn() == null) {
      return latest;
    }
    return latest.getCreatedOn().isAfter(newestLive) ? latest : null;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
