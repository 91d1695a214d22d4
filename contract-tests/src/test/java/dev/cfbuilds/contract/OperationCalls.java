package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ACCOUNT_ID;
import static dev.cfbuilds.contract.SpecResources.BASE_PATH;
import static dev.cfbuilds.contract.SpecResources.BUILD_UUID;
import static dev.cfbuilds.contract.SpecResources.OTHER_WORKER_TAG;
import static dev.cfbuilds.contract.SpecResources.TRIGGER_UUID;
import static dev.cfbuilds.contract.SpecResources.VERSION_ID;
import static dev.cfbuilds.contract.SpecResources.WORKER_NAME;
import static dev.cfbuilds.contract.SpecResources.WORKER_TAG;

import dev.cfbuilds.generated.CollectionFormats.CSVParams;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.api.TriggersApi;
import dev.cfbuilds.generated.api.WorkerDeploymentsApi;
import dev.cfbuilds.generated.api.WorkerScriptApi;
import dev.cfbuilds.generated.api.WorkersApi;
import dev.cfbuilds.generated.model.CreateBuildRequest;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * One call of every operation of the spec through the generated Retrofit interfaces, with valid
 * arguments, and the request target each must put on the wire: the table the request, client and
 * Prism checks loop over.
 */
final class OperationCalls {
  /** An opaque log cursor, as a previous page of logs returns it. */
  static final String CURSOR = "eyJsaW5lIjoyNTAsInRpbWVzdGFtcCI6MTc5NjM3NTU2MX0";

  private static final String ACCOUNT = BASE_PATH + "/accounts/" + ACCOUNT_ID;

  private OperationCalls() {}

  /** The body of the request that starts a build. */
  static final String CREATE_BUILD_BODY = "{\"branch\":\"main\"}";

  /**
   * One operation's call: {@code call} makes it on a Retrofit; {@code method}, {@code target} (the
   * path and query) and {@code body} (empty for none) are what it must send.
   */
  record OperationCall(
      String operationId,
      Function<Retrofit, Call<?>> call,
      String method,
      String target,
      String body) {
    OperationCall(String operationId, Function<Retrofit, Call<?>> call, String target) {
      this(operationId, call, "GET", target, "");
    }

    @Override
    public String toString() {
      return operationId;
    }
  }

  /** Returns one call of each operation of the spec. */
  static List<OperationCall> all() {
    return List.of(
        new OperationCall(
            "getBuildsByVersionIds",
            retrofit ->
                builds(retrofit).getBuildsByVersionIds(ACCOUNT_ID, new CSVParams(VERSION_ID)),
            ACCOUNT + "/builds/builds?version_ids=" + VERSION_ID),
        new OperationCall(
            "getLatestBuildsByScripts",
            retrofit ->
                builds(retrofit)
                    .getLatestBuildsByScripts(
                        ACCOUNT_ID, new CSVParams(WORKER_TAG, OTHER_WORKER_TAG)),
            ACCOUNT
                + "/builds/builds/latest?external_script_ids="
                + WORKER_TAG
                + ","
                + OTHER_WORKER_TAG),
        new OperationCall(
            "getBuildByUuid",
            retrofit -> builds(retrofit).getBuildByUuid(ACCOUNT_ID, UUID.fromString(BUILD_UUID)),
            ACCOUNT + "/builds/builds/" + BUILD_UUID),
        new OperationCall(
            "getBuildLogs",
            retrofit ->
                builds(retrofit).getBuildLogs(ACCOUNT_ID, UUID.fromString(BUILD_UUID), CURSOR),
            ACCOUNT + "/builds/builds/" + BUILD_UUID + "/logs?cursor=" + CURSOR),
        new OperationCall(
            "listBuildsByScript",
            retrofit ->
                retrofit
                    .create(WorkersApi.class)
                    .listBuildsByScript(ACCOUNT_ID, WORKER_TAG, 2, 200),
            ACCOUNT + "/builds/workers/" + WORKER_TAG + "/builds?page=2&per_page=200"),
        new OperationCall(
            "worker-deployments-list-deployments",
            retrofit ->
                retrofit
                    .create(WorkerDeploymentsApi.class)
                    .workerDeploymentsListDeployments(ACCOUNT_ID, WORKER_NAME),
            ACCOUNT + "/workers/scripts/" + WORKER_NAME + "/deployments"),
        new OperationCall(
            "worker-script-list-workers",
            retrofit ->
                retrofit
                    .create(WorkerScriptApi.class)
                    .workerScriptListWorkers(ACCOUNT_ID, "production:yes,staging:no"),
            // Retrofit escapes the label filter's ':' and ',', which the server reads back.
            ACCOUNT + "/workers/scripts?tags=production%3Ayes%2Cstaging%3Ano"),
        new OperationCall(
            "listTriggersByScript",
            retrofit ->
                retrofit.create(WorkersApi.class).listTriggersByScript(ACCOUNT_ID, WORKER_TAG),
            ACCOUNT + "/builds/workers/" + WORKER_TAG + "/triggers"),
        new OperationCall(
            "createManualBuild",
            retrofit ->
                retrofit
                    .create(TriggersApi.class)
                    .createManualBuild(
                        ACCOUNT_ID,
                        UUID.fromString(TRIGGER_UUID),
                        CreateBuildRequest.builder().branch("main").build()),
            "POST",
            ACCOUNT + "/builds/triggers/" + TRIGGER_UUID + "/builds",
            CREATE_BUILD_BODY),
        new OperationCall(
            "cancelBuildByUuid",
            retrofit -> builds(retrofit).cancelBuildByUuid(ACCOUNT_ID, UUID.fromString(BUILD_UUID)),
            "PUT",
            ACCOUNT + "/builds/builds/" + BUILD_UUID + "/cancel",
            ""));
  }

  /** Returns the call of {@code operationId}. */
  static OperationCall of(String operationId) {
    return all().stream()
        .filter(call -> call.operationId().equals(operationId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no call of " + operationId));
  }

  private static BuildsApi builds(Retrofit retrofit) {
    return retrofit.create(BuildsApi.class);
  }
}
