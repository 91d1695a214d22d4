package dev.cfbuilds.client;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.client.errors.OutcomeUnknownException;
import dev.cfbuilds.client.errors.TriggerChoiceException;
import dev.cfbuilds.client.errors.UnknownWorkerException;
import dev.cfbuilds.client.internal.ReadApi;
import dev.cfbuilds.client.internal.WorkerNames;
import dev.cfbuilds.client.internal.WriteApi;
import dev.cfbuilds.client.internal.WriteArguments;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildResponse;
import dev.cfbuilds.generated.model.CreateBuildRequest;
import dev.cfbuilds.generated.model.TriggerListResponse;
import dev.cfbuilds.generated.model.WorkerTrigger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Worker's build triggers, and starting a build from one, in one account. Get one from {@link
 * CloudflareBuildsClient#triggers()}.
 *
 * <p>Starting a build needs a token with the Workers CI Write permission. The request is not
 * idempotent and the API offers no idempotency key, so it is sent again only when Cloudflare surely
 * did nothing with it (a 429, or a refused connection); any other failure after it was written
 * throws an {@link OutcomeUnknownException} saying how to check whether the build started. Every
 * request goes through the client's rate budget. Thread-safe.
 */
public final class TriggersResource {
  private final CloudflareBuildsClient client;
  private final ReadApi read;
  private final WriteApi write;
  private final WorkerNames names;
  private final String account;

  TriggersResource(
      CloudflareBuildsClient client,
      ReadApi read,
      WriteApi write,
      WorkerNames names,
      String account) {
    this.client = client;
    this.read = read;
    this.write = write;
    this.names = names;
    this.account = account;
  }

  /**
   * Returns {@code worker}'s build triggers as the API lists them, deleted ones included.
   *
   * @param worker a Worker name or tag
   * @throws IllegalArgumentException if {@code worker} is empty or not a name or tag; nothing is
   *     sent
   * @throws UnknownWorkerException if no Worker has that name; no Builds request is sent
   * @throws CloudflareException if a request fails
   */
  public List<WorkerTrigger> list(String worker) {
    String checked = WorkerNames.check(worker, "worker");
    client.checkOpen();
    return listOf(names.tagOf(account, checked));
  }

  /**
   * Returns the trigger to build {@code source} of {@code worker} from: the one named {@code
   * trigger}, or if that is null the Worker's only trigger, or else the one whose branch filters
   * let the branch build (it matches a pattern of {@code branch_includes} and none of {@code
   * branch_excludes}; {@code *} matches any text). Deleted triggers are never chosen.
   *
   * @param trigger a trigger's name or UUID, or null to choose as above
   * @throws IllegalArgumentException if an argument is not valid; nothing is sent
   * @throws TriggerChoiceException if no trigger, or more than one, fits; it lists the triggers
   * @throws CloudflareException if a request fails
   */
  public WorkerTrigger choose(String worker, BuildSource source, String trigger) {
    String checked = WorkerNames.check(worker, "worker");
    CloudflareBuildsClient.requireNonNull(source, "source");
    String named = trigger == null ? null : WriteArguments.trigger(trigger);
    client.checkOpen();
    return TriggerChoice.choose(checked, listOf(names.tagOf(account, checked)), source, named);
  }

  /**
   * Starts a build of {@code source} of {@code worker} from the trigger {@link #choose} picks with
   * no trigger named, and returns it.
   *
   * @see #startBuild(String, BuildSource, String)
   */
  public Build startBuild(String worker, BuildSource source) {
    return startBuild(worker, source, null);
  }

  /**
   * Starts a build of {@code source} of {@code worker} from the trigger {@link #choose} picks, and
   * returns the new build: its {@code build_uuid} always, and every other property only if the API
   * sent it (older revisions send {@code created_on} alone).
   *
   * @param worker a Worker name or tag
   * @param source the branch or commit to build
   * @param trigger a trigger's name or UUID, or null to choose one as {@link #choose} does
   * @throws IllegalArgumentException if an argument is not valid; nothing is sent
   * @throws TriggerChoiceException if no trigger, or more than one, fits; no build is started
   * @throws OutcomeUnknownException if the build may have started, but no answer says so
   * @throws dev.cfbuilds.client.errors.PermissionDeniedException if the token lacks Workers CI
   *     Write
   * @throws CloudflareException if a request fails
   */
  public Build startBuild(String worker, BuildSource source, String trigger) {
    return start(choose(worker, source, trigger), source, WriteArguments.printable(worker));
  }

  /**
   * Starts a build of {@code source} from {@code trigger}, one of a Worker's triggers as {@link
   * #list} or {@link #choose} returned it, and returns the new build as {@link #startBuild(String,
   * BuildSource, String)} does.
   *
   * @throws IllegalArgumentException if {@code trigger} has no UUID; nothing is sent
   */
  public Build startBuild(WorkerTrigger trigger, BuildSource source) {
    CloudflareBuildsClient.requireNonNull(trigger, "trigger");
    CloudflareBuildsClient.requireNonNull(source, "source");
    if (trigger.getTriggerUuid() == null) {
      throw new IllegalArgumentException("trigger has no trigger_uuid");
    }
    client.checkOpen();
    return start(
        trigger,
        source,
        trigger.getExternalScriptId() != null
            ? WriteArguments.printable(trigger.getExternalScriptId())
            : "the Worker");
  }

  /** Starts the build; {@code worker} names the Worker in messages. */
  private Build start(WorkerTrigger trigger, BuildSource source, String worker) {
    String effect =
        "started a build of "
            + worker
            + " ("
            + source
            + ") from trigger \""
            + WriteArguments.printable(String.valueOf(trigger.getTriggerName()))
            + "\"";
    String check = "`cfbuilds list " + worker + "` or client.builds().list(\"" + worker + "\", 5)";
    CreateBuildRequest body =
        CreateBuildRequest.builder()
            .branch(source.branch())
            .commitHash(source.commitHash())
            .build();
    BuildResponse response =
        write.send(
            write.triggers().createManualBuild(account, trigger.getTriggerUuid(), body),
            r -> ReadApi.Envelope.builds(r.getSuccess(), r.getErrors()),
            effect,
            check);
    Build build = response.getResult();
    if (build == null || build.getBuildUuid() == null) {
      throw new MalformedResponseException(
          "The API accepted a build of "
              + worker
              + " but returned no build_uuid in \"result\": the build most likely started."
              + " Check with "
              + check,
          200,
          null);
    }
    return build;
  }

  private List<WorkerTrigger> listOf(String tag) {
    TriggerListResponse body =
        read.execute(
            read.workers().listTriggersByScript(account, tag),
            r -> ReadApi.Envelope.builds(r.getSuccess(), r.getErrors()));
    List<WorkerTrigger> out = new ArrayList<>();
    if (body.getResult() != null) {
      for (WorkerTrigger trigger : body.getResult()) {
        if (trigger != null) {
          out.add(trigger);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }
}
