package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ACCOUNT_ID;
import static dev.cfbuilds.contract.SpecResources.API_TOKEN;
import static dev.cfbuilds.contract.SpecResources.EMAIL;
import static dev.cfbuilds.contract.SpecResources.GLOBAL_API_KEY;
import static dev.cfbuilds.contract.SpecResources.versionIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.cfbuilds.contract.OperationCalls.OperationCall;
import dev.cfbuilds.generated.CollectionFormats.CSVParams;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.api.TriggersApi;
import dev.cfbuilds.generated.api.WorkerDeploymentsApi;
import dev.cfbuilds.generated.api.WorkersApi;
import dev.cfbuilds.generated.model.CreateBuildRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * Spec ↔ request: what the generated Retrofit interfaces put on the wire for every operation, as
 * MockWebServer records it, is a valid request of the spec, per Atlassian's validator; and the
 * validator does reject requests that break the spec's limits.
 */
class RequestValidationTest {
  private static final OpenApiInteractionValidator VALIDATOR = SpecResources.validator();
  private static final Map<String, String> TOKEN = Map.of("Authorization", "Bearer " + API_TOKEN);
  private static final Map<String, String> EMAIL_AND_KEY =
      Map.of("X-Auth-Email", EMAIL, "X-Auth-Key", GLOBAL_API_KEY);

  private static final String NO_CREDENTIALS =
      "GET on path '/client/v4/accounts/"
          + ACCOUNT_ID
          + "/builds/builds' requires security parameters. None found.";

  @StartStop private final MockWebServer server = new MockWebServer();

  static Stream<OperationCall> calls() {
    return OperationCalls.all().stream();
  }

  @Test
  void callTableCoversEveryOperationOfTheSpec() {
    assertThat(calls().map(OperationCall::operationId))
        .containsExactlyInAnyOrderElementsOf(SpecResources.operationIds(SpecResources.specTree()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void everyOperationsRequestWithAnApiTokenIsValid(OperationCall call) throws Exception {
    assertThat(messages(validate(send(TOKEN, call)))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void everyOperationsRequestWithEmailAndGlobalKeyIsValid(OperationCall call) throws Exception {
    assertThat(messages(validate(send(EMAIL_AND_KEY, call)))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void everyOperationsRequestWithoutCredentialsIsRejected(OperationCall call) throws Exception {
    RecordedRequest recorded = send(Map.of(), call);

    assertThat(messages(validate(recorded)))
        .containsExactly(
            recorded.getMethod()
                + " on path '"
                + recorded.getUrl().encodedPath()
                + "' requires security parameters. None found.");
  }

  @Test
  void requestWithTwentyOneWorkerTagsIsRejected() throws Exception {
    List<String> tags =
        IntStream.range(0, 21).mapToObj(i -> String.format(Locale.ROOT, "%032x", i)).toList();

    RecordedRequest recorded =
        send(
            TOKEN,
            "getLatestBuildsByScripts",
            retrofit ->
                retrofit
                    .create(BuildsApi.class)
                    .getLatestBuildsByScripts(ACCOUNT_ID, new CSVParams(tags)));

    assertThat(messages(validate(recorded)))
        .containsExactly(
            "Parameter 'external_script_ids' accepts a maximum of 20 items. Found 21.");
  }

  @Test
  void requestForMoreThanTwoHundredBuildsAPageIsRejected() throws Exception {
    assertThat(messages(validate(sendListBuilds(1, 201))))
        .containsExactly(
            "Numeric instance is greater than the required maximum (maximum: 200, found: 201)");
  }

  @Test
  void requestForPageZeroIsRejected() throws Exception {
    assertThat(messages(validate(sendListBuilds(0, 50))))
        .containsExactly(
            "Numeric instance is lower than the required minimum (minimum: 1, found: 0)");
  }

  @Test
  void requestWithAWorkerNameThatIsNotAScriptNameIsRejected() throws Exception {
    RecordedRequest recorded =
        send(
            TOKEN,
            "worker-deployments-list-deployments",
            retrofit ->
                retrofit
                    .create(WorkerDeploymentsApi.class)
                    .workerDeploymentsListDeployments(ACCOUNT_ID, "Checkout-API"));

    assertThat(messages(validate(recorded)))
        .containsExactly(
            "ECMA 262 regex \"^[a-z0-9_][a-z0-9-_]*$\" does not match input string"
                + " \"Checkout-API\"");
  }

  @Test
  void requestWithAnApiTokenIsValid() throws Exception {
    assertThat(validate(send(TOKEN, versionIds(2))).getMessages()).isEmpty();
  }

  @Test
  void requestWithEmailAndGlobalKeyIsValid() throws Exception {
    assertThat(validate(send(EMAIL_AND_KEY, versionIds(2))).getMessages()).isEmpty();
  }

  @Test
  void requestWithTwentyVersionIdsIsValid() throws Exception {
    RecordedRequest recorded = send(TOKEN, versionIds(20));

    assertThat(recorded.getUrl().queryParameter("version_ids")).hasSize(20 * 36 + 19);
    assertThat(validate(recorded).getMessages()).isEmpty();
  }

  @Test
  void versionIdsGoOnTheWireAsOneCommaSeparatedParameter() throws Exception {
    List<String> ids = versionIds(2);

    RecordedRequest recorded = send(TOKEN, ids);

    assertThat(recorded.getTarget())
        .isEqualTo(
            "/client/v4/accounts/"
                + ACCOUNT_ID
                + "/builds/builds?version_ids="
                + ids.get(0)
                + ","
                + ids.get(1));
  }

  @Test
  void requestWithTwentyOneVersionIdsIsRejected() throws Exception {
    assertThat(messages(validate(send(TOKEN, versionIds(21)))))
        .containsExactly("Parameter 'version_ids' accepts a maximum of 20 items. Found 21.");
  }

  @Test
  void requestWithAVersionIdThatIsNotAUuidIsRejected() throws Exception {
    assertThat(messages(validate(send(TOKEN, List.of("not-a-uuid")))))
        .containsExactly("Input string \"not-a-uuid\" is not a valid UUID");
  }

  @Test
  void requestWithoutCredentialsIsRejected() throws Exception {
    assertThat(messages(validate(send(Map.of(), versionIds(1))))).containsExactly(NO_CREDENTIALS);
  }

  @Test
  void requestWithEmailButNoGlobalKeyIsRejected() throws Exception {
    assertThat(messages(validate(send(Map.of("X-Auth-Email", EMAIL), versionIds(1)))))
        .containsExactly(NO_CREDENTIALS);
  }

  @Test
  void requestWithATokenThatIsNotBearerIsRejected() throws Exception {
    assertThat(messages(validate(send(Map.of("Authorization", "Token abc"), versionIds(1)))))
        .containsExactly(
            "GET on path '/client/v4/accounts/"
                + ACCOUNT_ID
                + "/builds/builds' has invalid security parameters.");
  }

  private RecordedRequest sendListBuilds(int page, int perPage) throws Exception {
    return send(
        TOKEN,
        "listBuildsByScript",
        retrofit ->
            retrofit
                .create(WorkersApi.class)
                .listBuildsByScript(ACCOUNT_ID, SpecResources.WORKER_TAG, page, perPage));
  }

  @Test
  void requestToStartABuildOfNeitherABranchNorACommitIsRejected() throws Exception {
    RecordedRequest recorded =
        send(
            TOKEN,
            "createManualBuild",
            retrofit ->
                retrofit
                    .create(TriggersApi.class)
                    .createManualBuild(
                        ACCOUNT_ID,
                        UUID.fromString(SpecResources.TRIGGER_UUID),
                        CreateBuildRequest.builder().build()));

    assertThat(recorded.getBody().utf8()).isEqualTo("{}");
    assertThat(messages(validate(recorded))).isNotEmpty();
  }

  private RecordedRequest send(Map<String, String> headers, OperationCall call) throws Exception {
    return send(headers, call.operationId(), call.call());
  }

  /**
   * Makes a call of a generated API against the MockWebServer, which answers with the operation's
   * 200 example, and returns what the server received.
   */
  private RecordedRequest send(
      Map<String, String> headers, String operationId, Function<Retrofit, Call<?>> call)
      throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(SpecResources.read(SpecResources.exampleFile(operationId, "200")))
            .build());
    Retrofit retrofit = SpecResources.retrofit(server.url("/client/v4/"), headers);
    assertThat(call.apply(retrofit).execute().code()).isEqualTo(200);
    return server.takeRequest();
  }

  /**
   * Calls the generated {@link BuildsApi} against the MockWebServer and returns what it received.
   */
  private RecordedRequest send(Map<String, String> headers, List<String> versionIds)
      throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(SpecResources.read(SpecResources.SAMPLE))
            .build());
    BuildsApi api = SpecResources.buildsApi(server.url("/client/v4/"), headers);
    assertThat(api.getBuildsByVersionIds(ACCOUNT_ID, new CSVParams(versionIds)).execute().code())
        .isEqualTo(200);
    return server.takeRequest();
  }

  private static ValidationReport validate(RecordedRequest recorded) {
    return VALIDATOR.validateRequest(SpecResources.asValidatorRequest(recorded));
  }

  private static List<String> messages(ValidationReport report) {
    return report.getMessages().stream().map(ValidationReport.Message::getMessage).toList();
  }
}
