package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Types;
import dev.cfbuilds.generated.model.ApiError;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.BuildTriggerMetadata;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.generated.model.EnvironmentVariable;
import dev.cfbuilds.generated.model.EnvironmentVariableValue;
import dev.cfbuilds.generated.model.ProviderType;
import dev.cfbuilds.generated.model.ResultInfo;
import dev.cfbuilds.generated.model.Trigger;
import java.io.EOFException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LosslessModelTest {
  private static final JsonAdapter<Build> BUILD = ApiWiring.moshi().adapter(Build.class);
  private static final JsonAdapter<BuildsByVersionIdsResponse> ENVELOPE =
      ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);
  private static final JsonAdapter<Object> TREE = ApiWiring.moshi().adapter(Object.class);

  @Test
  void keepsUnknownPropertiesAtEveryLevelAndWritesThemBack() throws IOException {
    String json =
        "{\"x_new\":{\"a\":[1,null,\"b\"]},\"trigger\":{\"x_flag\":true,"
            + "\"repo_connection\":{\"x_list\":[]}}}";

    Build build = BUILD.fromJson(json);

    assertThat(build._additionalProperties())
        .containsExactly(Map.entry("x_new", Map.of("a", java.util.Arrays.asList(1.0, null, "b"))));
    assertThat(build.getTrigger()._additionalProperties()).containsEntry("x_flag", true);
    assertThat(build.getTrigger().getRepoConnection()._additionalProperties())
        .containsEntry("x_list", List.of());
    assertRoundTrip(BUILD, json);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"build_uuid\":true}",
        "{\"build_uuid\":\"1-2-3-4-5\"}",
        "{\"created_on\":12}",
        "{\"created_on\":\"yesterday\"}",
        "{\"status\":{\"a\":1}}",
        "{\"trigger\":\"main\"}",
        "{\"trigger\":{\"branch_includes\":\"main\"}}",
        "{\"trigger\":{\"build_caching_enabled\":\"yes\"}}",
        "{\"pull_request\":[1,2]}",
        "{\"pull_request\":{\"pull_request_url\":\"not a uri\"}}",
        "{\"build_trigger_metadata\":{\"environment_variables\":[\"a\"]}}",
        "{\"build_trigger_metadata\":{\"environment_variables\":{\"A\":5}}}",
        "{\"build_trigger_metadata\":{\"branch\":{\"name\":\"main\"}}}"
      })
  void keepsAValueOfTheWrongTypeAsRawJsonAndWritesItBack(String json) throws IOException {
    Build build = BUILD.fromJson(json);

    assertThat(build._mismatchedPaths()).hasSize(1);
    assertRoundTrip(BUILD, json);
  }

  @Test
  void elementThatDoesNotFitIsNullInTheTypedListAndTheRestAreTyped() throws IOException {
    String json = "{\"trigger\":{\"path_includes\":[\"*\",3,\"src/**\"]}}";

    Build build = BUILD.fromJson(json);

    assertThat(build.getTrigger().getPathIncludes()).containsExactly("*", null, "src/**");
    assertThat(build.getTrigger()._mismatchedProperties()).isEmpty();
    assertThat(build._mismatchedPaths()).containsExactly("$.trigger.path_includes[1]");
    assertRoundTrip(BUILD, json);
  }

  @Test
  void buildThatIsNotAnObjectCostsNoOtherBuild() throws IOException {
    String json =
        "{\"success\":true,\"result\":{\"builds\":{\"bad\":\"x\",\"good\":{\"status\":\"queued\"}}}}";

    BuildsByVersionIdsResponse response = ENVELOPE.fromJson(json);

    Map<String, Build> builds = response.getResult().getBuilds();
    assertThat(builds.get("good").getStatus()).isEqualTo(BuildStatus.QUEUED);
    assertThat(builds).containsEntry("bad", null);
    assertThat(response._mismatchedPaths()).containsExactly("$.result.builds.bad");
    assertRoundTrip(ENVELOPE, json);
  }

  @Test
  void typedGetterOfAMismatchedPropertyIsNullAndItsRawValueReachable() throws IOException {
    Trigger trigger =
        BUILD
            .fromJson("{\"trigger\":{\"build_caching_enabled\":\"yes\",\"trigger_name\":\"t\"}}")
            .getTrigger();

    assertThat(trigger.getBuildCachingEnabled()).isNull();
    assertThat(trigger.getTriggerName()).isEqualTo("t");
    assertThat(trigger._buildCachingEnabled().isMismatched()).isTrue();
    assertThat(trigger._buildCachingEnabled().rawJson()).contains("yes");
    assertThat(trigger._triggerName().known()).contains("t");
    assertThat(trigger._mismatchedProperties()).containsExactly("build_caching_enabled");
    assertThat(trigger._additionalProperties()).isEmpty();
  }

  @Test
  void reportsEachMismatchByJsonPathWithoutItsValue() throws IOException {
    BuildsByVersionIdsResponse response =
        ENVELOPE.fromJson(
            "{\"success\":true,\"result\":{\"builds\":{\"v1\":{\"created_on\":\"s3cr3t\","
                + "\"trigger\":{\"path_includes\":\"*\"}}}},\"result_info\":{\"count\":\"x\"}}");

    assertThat(response._mismatchedPaths())
        .containsExactlyInAnyOrder(
            "$.result.builds.v1.created_on",
            "$.result.builds.v1.trigger.path_includes",
            "$.result_info.count");
  }

  @Test
  void readsBothShapesOfEnvironmentVariablesAndWritesEachBackInItsShape() throws IOException {
    String json =
        "{\"environment_variables\":{\"PLAIN\":\"v\",\"OBJ\":{\"is_secret\":false,"
            + "\"created_on\":\"2024-01-02T03:04:05Z\",\"value\":\"w\"},"
            + "\"SECRET\":{\"is_secret\":true,\"created_on\":\"2024-01-02T03:04:05Z\",\"value\":null}}}";
    JsonAdapter<BuildTriggerMetadata> adapter =
        ApiWiring.moshi().adapter(BuildTriggerMetadata.class);

    Map<String, EnvironmentVariableValue> variables =
        adapter.fromJson(json).getEnvironmentVariables();

    assertThat(variables.get("PLAIN").getString()).isEqualTo("v");
    assertThat(variables.get("PLAIN").getEnvironmentVariable()).isNull();
    EnvironmentVariable object = variables.get("OBJ").getEnvironmentVariable();
    assertThat(object.getValue()).isEqualTo("w");
    assertThat(object.getIsSecret()).isFalse();
    assertThat(object.getCreatedOn()).isEqualTo(OffsetDateTime.parse("2024-01-02T03:04:05Z"));
    EnvironmentVariable secret = variables.get("SECRET").getEnvironmentVariable();
    assertThat(secret.getIsSecret()).isTrue();
    assertThat(secret.getValue()).isNull();
    assertRoundTrip(adapter, json);
  }

  @Test
  void neverShowsEnvironmentVariableValuesOrRawValuesInToString() throws IOException {
    BuildTriggerMetadata metadata =
        ApiWiring.moshi()
            .adapter(BuildTriggerMetadata.class)
            .fromJson(
                "{\"environment_variables\":{\"A\":\"plain-secret\",\"B\":{\"value\":\"obj-secret\"}},"
                    + "\"x_token\":\"raw-secret\",\"branch\":7}");

    String text =
        metadata
            + " "
            + metadata.getEnvironmentVariables()
            + " "
            + metadata.getEnvironmentVariables().get("B").getEnvironmentVariable();

    assertThat(text).doesNotContain("plain-secret", "obj-secret", "raw-secret", "7");
    assertThat(metadata.toString())
        .contains("environmentVariables=<redacted>", "_raw=[x_token, branch]");
  }

  @Test
  void keepsTheTextOfAnUnknownEnumValue() throws IOException {
    String json = "{\"provider_type\":\"gitlab\"}";
    BuildTriggerMetadata metadata =
        ApiWiring.moshi().adapter(BuildTriggerMetadata.class).fromJson(json);

    assertThat(metadata.getProviderType()).isEqualTo(ProviderType.UNKNOWN);
    assertThat(metadata._providerType().known()).contains(ProviderType.UNKNOWN);
    assertThat(metadata._providerType().rawJson()).contains("gitlab");
    assertThat(metadata._mismatchedProperties()).isEmpty();
    assertThat(ApiWiring.moshi().adapter(BuildTriggerMetadata.class).toJson(metadata))
        .isEqualTo(json);
  }

  @Test
  void writesExplicitNullsBackAndLeavesAbsentPropertiesOut() throws IOException {
    String json = "{\"build_outcome\":null,\"trigger\":{\"branch_includes\":[null,\"a\"]}}";

    Build build = BUILD.fromJson(json);

    assertThat(build.getBuildOutcome()).isNull();
    assertThat(build._buildOutcome().isNull()).isTrue();
    assertThat(build._status().isAbsent()).isTrue();
    assertThat(build._rawProperties()).containsEntry("build_outcome", null);
    assertThat(BUILD.toJson(build)).isEqualTo(json);
  }

  @Test
  void keepsTheTextOfValuesThatParseButWriteBackDifferently() throws IOException {
    String json =
        "{\"build_uuid\":\"182BD5E5-6E1A-4FE4-A799-AA6D9A6AB26E\","
            + "\"created_on\":\"2019-12-27T18:11:19.100+00:00\"}";

    Build build = BUILD.fromJson(json);

    assertThat(build.getBuildUuid())
        .isEqualTo(UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"));
    assertThat(build.getCreatedOn()).isEqualTo(OffsetDateTime.parse("2019-12-27T18:11:19.1Z"));
    assertThat(build._mismatchedProperties()).isEmpty();
    assertThat(BUILD.toJson(build)).isEqualTo(json);
  }

  @Test
  void readsANumberSentAsAStringAndWritesItBackAsAString() throws IOException {
    JsonAdapter<ResultInfo> adapter = ApiWiring.moshi().adapter(ResultInfo.class);
    String json = "{\"count\":\"25\",\"page\":1.5,\"per_page\":3000000000}";

    ResultInfo info = adapter.fromJson(json);

    assertThat(info.getCount()).isEqualTo(25);
    assertThat(info.getPage()).isNull();
    assertThat(info.getPerPage()).isNull();
    assertThat(info._mismatchedProperties()).containsExactly("page", "per_page");
    assertRoundTrip(adapter, json);
  }

  @Test
  void builderSetterDropsTheRawValueItReplaces() throws IOException {
    Build build =
        BUILD.fromJson("{\"created_on\":\"yesterday\"}").toBuilder()
            .createdOn(OffsetDateTime.parse("2024-01-02T03:04:05Z"))
            .build();

    assertThat(build._rawProperties()).isEmpty();
    assertThat(BUILD.toJson(build)).isEqualTo("{\"created_on\":\"2024-01-02T03:04:05Z\"}");
  }

  @Test
  void modelsWithDifferentRawValuesAreNotEqual() throws IOException {
    assertThat(BUILD.fromJson("{\"x\":1}")).isNotEqualTo(BUILD.fromJson("{\"x\":2}"));
    assertThat(BUILD.fromJson("{\"x\":1}")).isEqualTo(BUILD.fromJson("{\"x\":1}"));
    assertThat(BUILD.fromJson("{\"x\":1}").hashCode())
        .isEqualTo(BUILD.fromJson("{\"x\":1}").hashCode());
  }

  @Test
  void listOfModelsKeepsEachElementsUnknownProperties() throws IOException {
    JsonAdapter<List<ApiError>> adapter =
        ApiWiring.moshi().adapter(Types.newParameterizedType(List.class, ApiError.class));
    String json = "[{\"code\":1,\"x\":\"y\"},{\"message\":\"m\"}]";

    assertThat(adapter.fromJson(json).get(0)._additionalProperties()).containsEntry("x", "y");
    assertRoundTrip(adapter, json);
  }

  @Test
  void stillFailsOnABodyThatIsNotJson() {
    assertThatThrownBy(() -> ENVELOPE.fromJson("<html>")).isInstanceOf(JsonEncodingException.class);
  }

  @Test
  void stillFailsOnATruncatedBody() {
    assertThatThrownBy(() -> ENVELOPE.fromJson("{\"success\":true,\"result\":{\"builds\":{"))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void stillFailsWhenTheTopLevelIsNotAnObject() {
    assertThatThrownBy(() -> ENVELOPE.fromJson("[1]"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected an object but was BEGIN_ARRAY at path $");
  }

  /** Fails unless {@code json} read and written back is the same JSON tree. */
  static <T> void assertRoundTrip(JsonAdapter<T> adapter, String json) throws IOException {
    assertThat(TREE.fromJson(adapter.toJson(adapter.fromJson(json))))
        .as("%s, read and written back", json)
        .isEqualTo(TREE.fromJson(json));
  }

  @Test
  void roundTripCheckFailsWhenSomethingIsLost() {
    JsonAdapter<Build> lossy = ApiWiring.moshi().adapter(Build.class).nonNull();
    JsonAdapter<Build> dropsRaw =
        new JsonAdapter<Build>() {
          @Override
          public Build fromJson(com.squareup.moshi.JsonReader reader) throws IOException {
            Build build = lossy.fromJson(reader);
            return Build.builder().status(build.getStatus()).build();
          }

          @Override
          public void toJson(com.squareup.moshi.JsonWriter writer, Build value) throws IOException {
            lossy.toJson(writer, value);
          }
        };

    assertThatThrownBy(() -> assertRoundTrip(dropsRaw, "{\"status\":\"queued\",\"x\":1}"))
        .isInstanceOf(AssertionError.class);
  }
}
