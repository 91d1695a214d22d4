package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.ACCOUNT_ID;
import static dev.cfbuilds.contract.SpecResources.API_TOKEN;
import static dev.cfbuilds.contract.SpecResources.BUILD_UUID;
import static dev.cfbuilds.contract.SpecResources.EMAIL;
import static dev.cfbuilds.contract.SpecResources.GLOBAL_API_KEY;
import static dev.cfbuilds.contract.SpecResources.VERSION_ID;
import static dev.cfbuilds.contract.SpecResources.WORKER_TAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.cfbuilds.client.BuildSource;
import dev.cfbuilds.client.BuildsLookup;
import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.contract.OperationCalls.OperationCall;
import dev.cfbuilds.generated.CollectionFormats.CSVParams;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.api.WorkersApi;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildLogs;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.LatestBuildsResponse;
import dev.cfbuilds.generated.model.LogLine;
import dev.cfbuilds.model.runtime.LosslessModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * The client path: the hand-written client decodes the sample as the models do, and every request
 * it puts on the wire, as MockWebServer records it, is valid against the spec; and each generated
 * Retrofit call puts its operation's path and query on the wire and decodes its example.
 */
class ClientContractTest {
  private static final OpenApiInteractionValidator VALIDATOR = SpecResources.validator();

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void clientReturnsEveryFieldOfTheSampleBuild() throws IOException {
    server.enqueue(json(SpecResources.sampleForVersionId()));
    Build expected = SpecResources.sampleBuild();

    Map<String, Build> builds;
    try (CloudflareBuildsClient client = tokenClient()) {
      builds = client.getBuildsByVersionIds(ACCOUNT_ID, List.of(VERSION_ID));
    }

    assertThat(builds).containsOnlyKeys(VERSION_ID);
    assertThat(builds.get(VERSION_ID))
        .usingRecursiveComparison()
        .withStrictTypeChecking()
        .isEqualTo(expected);
    // Only the raw-JSON store (nothing unknown), the unused object shape of the environment
    // variable (the sample sends a string) and the properties newer than the reference page's
    // sample stay null.
    assertThat(builds.get(VERSION_ID))
        .usingRecursiveAssertion()
        .ignoringFieldsMatchingRegexes(SampleDecodingTest.NEWER_THAN_THE_SAMPLE)
        .ignoringFields("raw")
        .ignoringFieldsMatchingRegexes(".*environmentVariable")
        .hasNoNullFields();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void everyGeneratedCallSendsItsTargetAndDecodesItsExample(OperationCall call) throws Exception {
    String example = SpecResources.read(SpecResources.exampleFile(call.operationId(), "200"));
    server.enqueue(json(example));

    Response<?> response = call.call().apply(tokenRetrofit()).execute();
    RecordedRequest recorded = server.takeRequest();

    assertThat(recorded.getMethod()).isEqualTo(call.method());
    assertThat(recorded.getTarget()).isEqualTo(call.target());
    assertThat(recorded.getBody() == null ? "" : recorded.getBody().utf8()).isEqualTo(call.body());
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_TOKEN);
    assertThat(response.body())
        .isInstanceOf(LosslessModel.class)
        .isEqualTo(SpecResources.decode(example, response.body().getClass()));
    assertThat(((LosslessModel) response.body())._mismatchedPaths()).isEmpty();
  }

  static Stream<OperationCall> calls() {
    return OperationCalls.all().stream();
  }

  @Test
  void firstPageOfLogsIsAskedForWithoutACursor() throws Exception {
    server.enqueue(json(SpecResources.read(SpecResources.exampleFile("getBuildLogs", "200"))));

    buildsApi().getBuildLogs(ACCOUNT_ID, UUID.fromString(BUILD_UUID), null).execute();

    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/client/v4/accounts/" + ACCOUNT_ID + "/builds/builds/" + BUILD_UUID + "/logs");
  }

  @Test
  void cursorReachesTheServerUnchangedWhateverItsCharacters() throws Exception {
    String cursor = "a+b/c=d&e f%";
    server.enqueue(json(SpecResources.read(SpecResources.exampleFile("getBuildLogs", "200"))));

    buildsApi().getBuildLogs(ACCOUNT_ID, UUID.fromString(BUILD_UUID), cursor).execute();

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().queryParameter("cursor")).isEqualTo(cursor);
    assertThat(recorded.getUrl().queryParameterNames()).containsExactly("cursor");
  }

  @Test
  void listOfBuildsWithoutPagingParametersSendsNoQuery() throws Exception {
    server.enqueue(
        json(SpecResources.read(SpecResources.exampleFile("listBuildsByScript", "200"))));

    tokenRetrofit()
        .create(WorkersApi.class)
        .listBuildsByScript(ACCOUNT_ID, SpecResources.WORKER_TAG, null, null)
        .execute();

    assertThat(server.takeRequest().getTarget())
        .isEqualTo(
            "/client/v4/accounts/"
                + ACCOUNT_ID
                + "/builds/workers/"
                + SpecResources.WORKER_TAG
                + "/builds");
  }

  @Test
  void logLinesDecodeAsATimeNumberAndAMessageString() throws Exception {
    server.enqueue(json(SpecResources.read(SpecResources.exampleFile("getBuildLogs", "200"))));

    BuildLogs logs =
        buildsApi()
            .getBuildLogs(ACCOUNT_ID, UUID.fromString(BUILD_UUID), null)
            .execute()
            .body()
            .getResult();

    assertThat(logs.getTruncated()).isTrue();
    assertThat(logs.getCursor()).isEqualTo(OperationCalls.CURSOR);
    assertThat(logs.getLines()).hasSize(6);
    LogLine first = logs.getLines().get(0);
    assertThat(first.getTimestamp()).isEqualByComparingTo("1796375523");
    assertThat(first.getMessage()).isEqualTo("Initializing build environment...");
    assertThat(logs._mismatchedPaths()).isEmpty();
  }

  @Test
  void runningBuildHasANullOutcomeAndNoMismatch() throws Exception {
    server.enqueue(
        json(SpecResources.read(SpecResources.exampleFile("getLatestBuildsByScripts", "200"))));

    LatestBuildsResponse latest =
        buildsApi()
            .getLatestBuildsByScripts(
                ACCOUNT_ID, new CSVParams(SpecResources.WORKER_TAG, SpecResources.OTHER_WORKER_TAG))
            .execute()
            .body();

    Build running = latest.getResult().getBuilds().get(SpecResources.OTHER_WORKER_TAG);
    assertThat(running.getStatus()).isEqualTo(BuildStatus.RUNNING);
    assertThat(running.getBuildOutcome()).isNull();
    assertThat(running.getStoppedOn()).isNull();
    assertThat(latest._mismatchedPaths()).isEmpty();
  }

  @Test
  void clientRequestWithAnApiTokenIsValidAgainstTheSpec() throws Exception {
    server.enqueue(json(SpecResources.sampleForVersionId()));
    try (CloudflareBuildsClient client = tokenClient()) {
      client.getBuildsByVersionIds(ACCOUNT_ID, List.of(VERSION_ID));
    }

    RecordedRequest recorded = server.takeRequest();

    assertThat(recorded.getTarget())
        .isEqualTo(
            "/client/v4/accounts/" + ACCOUNT_ID + "/builds/builds?version_ids=" + VERSION_ID);
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_TOKEN);
    assertThat(messages(recorded)).isEmpty();
  }

  @Test
  void clientRequestWithEmailAndGlobalKeyIsValidAgainstTheSpec() throws Exception {
    server.enqueue(json(SpecResources.sampleForVersionId()));
    try (CloudflareBuildsClient client =
        CloudflareBuildsClient.builder()
            .apiKey(EMAIL, GLOBAL_API_KEY)
            .baseUrl(server.url("/client/v4/").toString())
            .build()) {
      client.getBuildsByVersionIds(ACCOUNT_ID, List.of(VERSION_ID));
    }

    RecordedRequest recorded = server.takeRequest();

    assertThat(recorded.getHeaders().get("X-Auth-Email")).isEqualTo(EMAIL);
    assertThat(recorded.getHeaders().get("X-Auth-Key")).isEqualTo(GLOBAL_API_KEY);
    assertThat(recorded.getHeaders().get("Authorization")).isNull();
    assertThat(messages(recorded)).isEmpty();
  }

  @Test
  void clientSplitsTwentyOneVersionIdsIntoRequestsTheSpecAccepts() throws Exception {
    List<String> ids = SpecResources.versionIds(21);
    String noBuilds = "{\"errors\":[],\"messages\":[],\"result\":{\"builds\":{}},\"success\":true}";
    server.enqueue(json(noBuilds));
    server.enqueue(json(noBuilds));
    try (CloudflareBuildsClient client = tokenClient()) {
      client.getBuildsByVersionIds(ACCOUNT_ID, ids);
    }

    List<String> sentIds = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      RecordedRequest recorded = server.takeRequest();
      assertThat(messages(recorded)).as("request %d", i + 1).isEmpty();
      sentIds.addAll(List.of(recorded.getUrl().queryParameter("version_ids").split(",")));
    }
    assertThat(sentIds).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void clientReturnsABuildWithAMalformedValueAndTheLookupReportsItsPath() {
    server.enqueue(
        json(
            SpecResources.sampleForVersionId()
                .replace(
                    "\"running_on\":\"2019-12-27T18:11:19.117Z\"",
                    "\"running_on\":\"yesterday\"")));

    BuildsLookup lookup;
    try (CloudflareBuildsClient client = tokenClient()) {
      lookup = client.lookupBuildsByVersionIds(ACCOUNT_ID, List.of(VERSION_ID));
    }

    assertThat(lookup.isComplete()).isTrue();
    Build build = lookup.builds().get(VERSION_ID);
    assertThat(build.getRunningOn()).isNull();
    assertThat(build._runningOn().rawJson()).contains("yesterday");
    assertThat(lookup.mismatchedProperties())
        .containsExactly("$.result.builds." + VERSION_ID + ".running_on");
  }

  @Test
  void clientReportsBuildsThatAreNotAnObjectAsMalformed() {
    server.enqueue(
        json("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"builds\":[]}}"));

    try (CloudflareBuildsClient client = tokenClient()) {
      assertThatThrownBy(() -> client.getBuildsByVersionIds(ACCOUNT_ID, List.of(VERSION_ID)))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageEndingWith(
              " returned a body that is not the expected JSON: $.result.builds is not an object");
    }
  }

  @Test
  void clientStartsABuildOfACommitWithRequestsTheSpecAccepts() throws Exception {
    String commit = "cd60eada0effb2b5696ae5d45196d71a3a4d769d";
    server.enqueue(
        json(SpecResources.read(SpecResources.exampleFile("listTriggersByScript", "200"))));
    server.enqueue(json(SpecResources.read(SpecResources.exampleFile("createManualBuild", "200"))));
    Build build;
    try (CloudflareBuildsClient client = tokenClient()) {
      build =
          client
              .triggers(ACCOUNT_ID)
              .startBuild(WORKER_TAG, BuildSource.commit(commit), "Deploy production");
    }

    RecordedRequest list = server.takeRequest();
    RecordedRequest post = server.takeRequest();

    assertThat(messages(list)).isEmpty();
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getBody().utf8()).isEqualTo("{\"commit_hash\":\"" + commit + "\"}");
    assertThat(messages(post)).isEmpty();
    assertThat(build.getBuildUuid()).hasToString("9c1d3f5e-2a4b-4c6d-8e0f-1a2b3c4d5e6f");
  }

  @Test
  void clientReadsTheNewBuildFromAnAnswerThatIsAWholeBuild() throws Exception {
    server.enqueue(
        json(SpecResources.read(SpecResources.exampleFile("listTriggersByScript", "200"))));
    server.enqueue(json(SpecResources.read(SpecResources.exampleFile("getBuildByUuid", "200"))));
    Build build;
    try (CloudflareBuildsClient client = tokenClient()) {
      build = client.triggers(ACCOUNT_ID).startBuild(WORKER_TAG, BuildSource.branch("main"));
    }

    assertThat(build.getBuildUuid()).hasToString(BUILD_UUID);
    assertThat(build._mismatchedPaths()).isEmpty();
  }

  @Test
  void clientCancelsWithARequestTheSpecAccepts() throws Exception {
    server.enqueue(json(SpecResources.read(SpecResources.exampleFile("cancelBuildByUuid", "200"))));
    try (CloudflareBuildsClient client = tokenClient()) {
      client.builds(ACCOUNT_ID).cancel(BUILD_UUID);
    }

    RecordedRequest put = server.takeRequest();

    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(messages(put)).isEmpty();
  }

  private Retrofit tokenRetrofit() {
    return SpecResources.retrofit(
        server.url("/client/v4/"), Map.of("Authorization", "Bearer " + API_TOKEN));
  }

  private BuildsApi buildsApi() {
    return tokenRetrofit().create(BuildsApi.class);
  }

  private CloudflareBuildsClient tokenClient() {
    return CloudflareBuildsClient.builder()
        .apiToken(API_TOKEN)
        .baseUrl(server.url("/client/v4/").toString())
        .build();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static List<String> messages(RecordedRequest recorded) {
    return VALIDATOR
        .validateRequest(SpecResources.asValidatorRequest(recorded))
        .getMessages()
        .stream()
        .map(ValidationReport.Message::getMessage)
        .toList();
  }
}
