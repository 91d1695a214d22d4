package dev.cfbuilds.contract;

import static dev.cfbuilds.contract.SpecResources.SAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfbuilds.contract.SpecResources.SpecExample;
import dev.cfbuilds.generated.model.ApiError;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.BuildTriggerMetadata;
import dev.cfbuilds.generated.model.BuildTriggerSource;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResult;
import dev.cfbuilds.generated.model.EnvironmentVariableValue;
import dev.cfbuilds.generated.model.ProviderType;
import dev.cfbuilds.generated.model.PullRequest;
import dev.cfbuilds.generated.model.RepoConnection;
import dev.cfbuilds.generated.model.ResultInfo;
import dev.cfbuilds.generated.model.Trigger;
import dev.cfbuilds.model.runtime.LosslessModel;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Payload ↔ models: the sample decodes into the generated models, every field typed, and back
 * again.
 */
class SampleDecodingTest {
  private static final OffsetDateTime SAMPLE_TIME =
      OffsetDateTime.of(2019, 12, 27, 18, 11, 19, 117_000_000, ZoneOffset.UTC);
  private static final UUID SAMPLE_UUID = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

  /**
   * The model fields of properties that the reference page's sample predates ({@code deploy_hook},
   * {@code preview_url}, {@code pull_request.closed_on}), as regular expressions: they stay null
   * when the sample is decoded.
   */
  static final String[] NEWER_THAN_THE_SAMPLE = {".*deployHook", ".*previewUrl", ".*closedOn"};

  static Stream<SpecExample> examples() {
    return SpecResources.specExamples(SpecResources.specTree()).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleDecodesIntoItsModelWithNothingMismatchedAndWritesBackUnchanged(
      SpecExample example) throws IOException {
    String json = SpecResources.read(example.file());

    Object decoded = SpecResources.decode(json, SpecResources.modelClass(example.schema()));

    assertThat(((LosslessModel) decoded)._mismatchedPaths()).isEmpty();
    assertThat(((LosslessModel) decoded)._additionalProperties()).isEmpty();
    assertThat(SpecResources.jsonTree(SpecResources.encode(decoded)))
        .isEqualTo(SpecResources.jsonTree(json));
  }

  @Test
  void sampleDecodesIntoEveryFieldOfTheModels() throws IOException {
    BuildsByVersionIdsResponse decoded = SpecResources.decode(SpecResources.read(SAMPLE));

    assertMatchesSample(decoded);
    // The sample fills every field the models have, so nothing above compared null with null;
    // only the raw-JSON store (empty: nothing unknown), the object shape of the environment
    // variable (the sample sends the string shape) and the properties newer than the sample stay
    // null.
    assertThat(decoded)
        .usingRecursiveAssertion()
        .ignoringFieldsMatchingRegexes(NEWER_THAN_THE_SAMPLE)
        .ignoringFields("raw")
        .ignoringFieldsMatchingRegexes(".*environmentVariable")
        .hasNoNullFields();
    assertThat(decoded._mismatchedPaths()).isEmpty();
  }

  @Test
  void fieldCheckFailsWhenADecodedValueDiffersFromTheSample() throws IOException {
    BuildsByVersionIdsResponse decoded =
        SpecResources.decode(
            SpecResources.sampleWith("\"status\": \"running\"", "\"status\": \"queued\""));

    assertThatThrownBy(() -> assertMatchesSample(decoded))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("result.builds.foo.status")
        .hasMessageContaining("queued");
  }

  @Test
  void malformedUuidIsKeptAsTextAndReportedByItsJsonPath() throws IOException {
    String broken =
        SpecResources.read(SAMPLE)
            .replace(
                "\"build_uuid\": \"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e\"",
                "\"build_uuid\": \"not-a-uuid\"");

    BuildsByVersionIdsResponse decoded = SpecResources.decode(broken);

    Build build = decoded.getResult().getBuilds().get("foo");
    assertThat(build.getBuildUuid()).isNull();
    assertThat(build._buildUuid().rawJson()).contains("not-a-uuid");
    assertThat(decoded._mismatchedPaths()).containsExactly("$.result.builds.foo.build_uuid");
    assertRoundTrips(broken);
  }

  @Test
  void sampleSurvivesARoundTripThroughTheModels() {
    assertRoundTrips(SpecResources.read(SAMPLE));
  }

  @Test
  void roundTripKeepsAFieldTheSpecDoesNotKnow() {
    assertRoundTrips(
        SpecResources.read(SAMPLE)
            .replace(
                "\"build_outcome\": \"success\",",
                "\"build_outcome\": \"success\", \"build_number\": 7,"));
  }

  @Test
  void roundTripNoticesAChangedValue() {
    assertThatThrownBy(
            () ->
                assertRoundTrips(
                    SpecResources.read(SAMPLE),
                    decoded -> {
                      Build foo = decoded.getResult().getBuilds().get("foo");
                      Build changed = foo.toBuilder().buildOutcome(BuildOutcome.FAIL).build();
                      return decoded.toBuilder()
                          .result(
                              decoded.getResult().toBuilder()
                                  .builds(Map.of("foo", changed))
                                  .build())
                          .build();
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("fail");
  }

  /** Asserts that {@code json} → models → JSON gives the same JSON, key order aside. */
  private static void assertRoundTrips(String json) {
    assertRoundTrips(json, decoded -> decoded);
  }

  /** As {@link #assertRoundTrips(String)}, with {@code change} applied to the decoded models. */
  private static void assertRoundTrips(
      String json, UnaryOperator<BuildsByVersionIdsResponse> change) {
    String reencoded;
    try {
      reencoded = SpecResources.encode(change.apply(SpecResources.decode(json)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(SpecResources.jsonTree(reencoded))
        .as("the JSON after a round trip through the models")
        .isEqualTo(SpecResources.jsonTree(json));
  }

  /** Asserts every field against the sample printed on Cloudflare's reference page. */
  private static void assertMatchesSample(BuildsByVersionIdsResponse decoded) {
    RepoConnection repoConnection =
        RepoConnection.builder()
            .createdOn(SAMPLE_TIME)
            .deletedOn(SAMPLE_TIME)
            .modifiedOn(SAMPLE_TIME)
            .providerAccountId("cloudflare")
            .providerAccountName("Cloudflare")
            .providerType(ProviderType.GITHUB)
            .repoConnectionUuid(SAMPLE_UUID)
            .repoId("workers-sdk")
            .repoName("workers-sdk")
            .build();
    Trigger trigger =
        Trigger.builder()
            .branchExcludes(List.of("string"))
            .branchIncludes(List.of("main"))
            .buildCachingEnabled(false)
            .buildCommand("npm run build")
            .createdOn(SAMPLE_TIME)
            .deletedOn(SAMPLE_TIME)
            .deployCommand("npx wrangler deploy")
            .externalScriptId("my-worker")
            .modifiedOn(SAMPLE_TIME)
            .pathExcludes(List.of("*.md"))
            .pathIncludes(List.of("*"))
            .repoConnection(repoConnection)
            .rootDirectory("/")
            .triggerName("Production Deploy")
            .triggerUuid(SAMPLE_UUID)
            .build();
    BuildTriggerMetadata metadata =
        BuildTriggerMetadata.builder()
            .author("developer@cloudflare.com")
            .branch("main")
            .buildCommand("npm run build")
            .buildTokenName("My Build Token")
            .buildTokenUuid(SAMPLE_UUID)
            .buildTriggerSource(BuildTriggerSource.PUSH)
            .commitHash("abc123def456")
            .commitMessage("Add new feature")
            .deployCommand("npx wrangler deploy")
            .environmentVariables(Map.of("foo", EnvironmentVariableValue.ofString("string")))
            .providerAccountName("Cloudflare")
            .providerType(ProviderType.GITHUB)
            .repoName("workers-sdk")
            .rootDirectory("/")
            .build();
    Build build =
        Build.builder()
            .buildOutcome(BuildOutcome.SUCCESS)
            .buildTriggerMetadata(metadata)
            .buildUuid(SAMPLE_UUID)
            .createdOn(SAMPLE_TIME)
            .initializingOn(SAMPLE_TIME)
            .modifiedOn(SAMPLE_TIME)
            .pullRequest(
                PullRequest.builder()
                    .createdOn(SAMPLE_TIME)
                    .pullRequestUrl(
                        URI.create("https://github.com/cloudflare/workers-sdk/pull/123"))
                    .build())
            .runningOn(SAMPLE_TIME)
            .status(BuildStatus.RUNNING)
            .stoppedOn(SAMPLE_TIME)
            .trigger(trigger)
            .build();
    BuildsByVersionIdsResponse expected =
        BuildsByVersionIdsResponse.builder()
            .errors(List.of(ApiError.builder().code(12000).message("Not found").build()))
            .messages(List.of("string"))
            .result(BuildsByVersionIdsResult.builder().builds(Map.of("foo", build)).build())
            .success(true)
            .resultInfo(
                ResultInfo.builder()
                    .count(25)
                    .page(1)
                    .perPage(50)
                    .totalCount(150)
                    .totalPages(3)
                    .build())
            .build();

    // Field by field, types included: a UUID is not a String. Date-times and URIs are stored as
    // their text (StoredAsText), so their getters are compared too.
    assertThat(decoded)
        .usingRecursiveComparison()
        .withStrictTypeChecking()
        .ignoringCollectionOrder()
        .isEqualTo(expected);
    Build decodedBuild = decoded.getResult().getBuilds().get("foo");
    assertThat(decodedBuild.getCreatedOn()).isEqualTo(SAMPLE_TIME);
    assertThat(decodedBuild.getTrigger().getRepoConnection().getDeletedOn()).isEqualTo(SAMPLE_TIME);
    assertThat(decodedBuild.getPullRequest().getPullRequestUrl())
        .isEqualTo(URI.create("https://github.com/cloudflare/workers-sdk/pull/123"));
  }
}
