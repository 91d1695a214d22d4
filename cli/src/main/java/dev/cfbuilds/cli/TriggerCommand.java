package dev.cfbuilds.cli;

import dev.cfbuilds.client.BuildSource;
import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.TriggersResource;
import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.client.errors.TriggerChoiceException;
import dev.cfbuilds.client.errors.UnknownWorkerException;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.WorkerTrigger;
import dev.cfbuilds.redis.RedisStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Starts a build of a Worker from a branch or a commit, prints its UUID, and with {@code --wait}
 * waits for it to stop, with {@code --logs} printing its log as it is written: one step for CI.
 *
 * <p>The build UUID goes to standard output, log lines too; what the command does and errors go to
 * standard error.
 */
@Command(
    name = "trigger",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Start a build of a Worker from a branch or a commit, and print the build's UUID.",
      "",
      "Without --trigger, the build starts from the Worker's only trigger, or from the one whose "
          + "branch filters match the branch. The request is sent once: if it fails in a way "
          + "that leaves open whether the build started, the message says how to check. Needs a "
          + "token with Workers CI Write."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {ApiAccess.ENVIRONMENT_HELP},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK + ":the build started (with --wait: and succeeded)",
      ExitCodes.API_ERROR + ":API or network error, or the build may have started",
      ExitCodes.USAGE + ":usage error, or no one trigger fits (the triggers are listed)",
      ExitCodes.MISSING + ":no such Worker",
      ExitCodes.BUILD_FAILED + ":with --wait: the build ended other than success",
      ExitCodes.WAIT_TIMED_OUT + ":with --wait: the wait timed out"
    })
final class TriggerCommand implements Callable<Integer> {
  /** How long {@code --logs} waits when {@code --wait} is not given. */
  static final Duration DEFAULT_LOGS_WAIT = Duration.ofMinutes(10);

  /** The first wait between polls of {@code --wait}; each next is 1.5 times longer. */
  static final Duration FIRST_POLL = Duration.ofSeconds(1);

  /** The longest wait between polls of {@code --wait}. */
  static final Duration MAX_POLL = Duration.ofSeconds(15);

  private final CliContext context;

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORKER", description = "The Worker's name or tag.")
  private String worker;

  @Option(names = "--branch", paramLabel = "BRANCH", description = "Build the head of BRANCH.")
  private String branch;

  @Option(names = "--commit", paramLabel = "SHA", description = "Build the commit SHA.")
  private String commit;

  @Option(
      names = "--trigger",
      paramLabel = "NAME_OR_UUID",
      description = "Build from this trigger of the Worker, named or by UUID.")
  private String trigger;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      description =
          "Wait up to DURATION (such as 90s, 10m, 1h) until the build stops. Exit 4 if it "
              + "ended other than success, 5 if the wait timed out.",
      converter = DurationConverter.class)
  private Duration wait;

  @Option(
      names = "--logs",
      description =
          "Print the build's log lines as they are written while waiting; implies --wait 10m.")
  private boolean logs;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Log lines as table (time and message), json (one object a line) or csv.")
  private OutputFormat format = OutputFormat.TABLE;

  @Mixin private ApiAccess apiAccess;

  @Option(
      names = "--demo",
      description =
          "Ask an embedded stub of the Cloudflare API on 127.0.0.1, with a dummy token, "
              + "instead of Cloudflare. Its builds run for a few seconds; a branch whose name "
              + "contains \"fail\" fails.")
  private boolean demo;

  TriggerCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    worker = WorkerArgument.check(worker, "WORKER");
    BuildSource source = source();
    Duration waitFor = wait != null ? wait : logs ? DEFAULT_LOGS_WAIT : null;
    if (!demo) {
      return run(
          source,
          apiAccess.accountId(context.env()),
          apiAccess.environment(context.env()),
          waitFor);
    }
    PrintWriter err = spec.commandLine().getErr();
    try (DemoApi api = DemoApi.start(true)) {
      err.println("demo: asking a stub of the Cloudflare API at " + api.baseUrl());
      Map<String, String> env = api.environment();
      return run(source, apiAccess.accountIdOr(DemoApi.ACCOUNT_ID), env, waitFor);
    } catch (IOException e) {
      err.println("cfbuilds: cannot start the demo API: " + e.getMessage());
      return ExitCodes.API_ERROR;
    }
  }

  /** Returns the branch or commit to build, or fails with a usage error before any request. */
  private BuildSource source() {
    if ((branch == null) == (commit == null)) {
      throw new UsageException(
          branch == null
              ? "give --branch BRANCH or --commit SHA"
              : "give --branch BRANCH or --commit SHA, not both");
    }
    try {
      return branch != null ? BuildSource.branch(branch) : BuildSource.commit(commit);
    } catch (IllegalArgumentException e) {
      throw new UsageException((branch != null ? "--branch: " : "--commit: ") + e.getMessage());
    }
  }

  private int run(BuildSource source, String account, Map<String, String> env, Duration waitFor) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CloudflareBuildsClient.Builder builder = CloudflareBuildsClient.builder().fromEnv(env);
    try (RedisStore shared = apiAccess.share(builder, context.env());
        CloudflareBuildsClient client = builder.build()) {
      TriggersResource triggers = client.triggers(account);
      WorkerTrigger chosen = triggers.choose(worker, source, trigger);
      err.println(
          "starting a build of "
              + worker
              + " ("
              + source
              + ") from trigger \""
              + chosen.getTriggerName()
              + "\"");
      err.flush();
      // By the trigger's UUID with the Worker as given, so that a message names the Worker so.
      Build started = triggers.startBuild(worker, source, chosen.getTriggerUuid().toString());
      String uuid = started.getBuildUuid().toString();
      out.println(uuid);
      out.flush();
      if (waitFor == null) {
        return ExitCodes.OK;
      }
      Build ended =
          logs ? followLogs(client, account, uuid, waitFor) : poll(client, account, uuid, waitFor);
      if (ended == null) {
        err.println("cfbuilds: build " + uuid + " had not stopped after " + waitFor);
        return ExitCodes.WAIT_TIMED_OUT;
      }
      BuildOutcome outcome = ended.getBuildOutcome();
      if (outcome == BuildOutcome.SUCCESS) {
        err.println("build " + uuid + " succeeded");
        return ExitCodes.OK;
      }
      err.println(
          "cfbuilds: build "
              + uuid
              + " ended "
              + (outcome != null ? outcome.value() : ended._buildOutcome())
              + ", not success");
      return ExitCodes.BUILD_FAILED;
    } catch (TriggerChoiceException | IllegalArgumentException e) {
      err.println("cfbuilds: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (UnknownWorkerException | NotFoundException e) {
      err.println("cfbuilds: " + e.getMessage());
      return ExitCodes.MISSING;
    } catch (CloudflareException e) {
      err.println("cfbuilds: " + e.getMessage());
      return ExitCodes.API_ERROR;
    }
  }

  /**
   * Prints the build's log as it is written until it stops; returns null if {@code waitFor} passes
   * first.
   */
  private Build followLogs(
      CloudflareBuildsClient client, String account, String uuid, Duration waitFor) {
    LogLinePrinter printer = new LogLinePrinter(spec.commandLine().getOut(), format);
    ExecutorService follower = Executors.newSingleThreadExecutor();
    Future<Build> following =
        follower.submit(() -> client.builds(account).followLogs(uuid, printer::print));
    try {
      return following.get(waitFor.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      following.cancel(true);
      return null;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      following.cancel(true);
      return null;
    } finally {
      follower.shutdownNow();
    }
  }

  /** Reads the build until it stops; returns null if {@code waitFor} passes first. */
  private static Build poll(
      CloudflareBuildsClient client, String account, String uuid, Duration waitFor) {
    long deadline = System.nanoTime() + waitFor.toNanos();
    Duration pause = FIRST_POLL;
    while (true) {
      Build build = client.builds(account).get(uuid);
      if (build.getStatus() == BuildStatus.STOPPED) {
        return build;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      try {
        Thread.sleep(Math.min(pause.toMillis(), TimeUnit.NANOSECONDS.toMillis(left) + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      pause = Duration.ofMillis(Math.min(pause.toMillis() * 3 / 2, MAX_POLL.toMillis()));
    }
  }
}
