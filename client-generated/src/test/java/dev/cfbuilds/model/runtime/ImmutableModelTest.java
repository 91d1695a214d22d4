package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.BuildTriggerMetadata;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResult;
import dev.cfbuilds.generated.model.EnvironmentVariableValue;
import dev.cfbuilds.generated.model.Trigger;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A model handed to one caller (say from a cache) cannot be changed by that caller for the next: no
 * setters, unmodifiable lists and maps (raw JSON included), and builders that copy.
 */
class ImmutableModelTest {
  private static final JsonAdapter<BuildsByVersionIdsResponse> ENVELOPE =
      ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);
  private static final JsonAdapter<Build> BUILD = ApiWiring.moshi().adapter(Build.class);

  private static final String CACHED =
      "{\"success\":true,\"result\":{\"builds\":{\"v1\":{\"status\":\"queued\","
          + "\"trigger\":{\"path_includes\":[\"*\",3],\"branch_includes\":[\"main\"]},"
          + "\"build_trigger_metadata\":{\"environment_variables\":{\"A\":\"a\"}},"
          + "\"x_new\":{\"list\":[1,{\"k\":\"v\"}]}}}}}";

  @Test
  void decodedListsAndMapsCannotBeChanged() throws IOException {
    BuildsByVersionIdsResponse response = ENVELOPE.fromJson(CACHED);
    Map<String, Build> builds = response.getResult().getBuilds();
    Build build = builds.get("v1");

    assertThatThrownBy(() -> builds.put("v2", build))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> build.getTrigger().getBranchIncludes().add("dev"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> build.getTrigger().getPathIncludes().set(0, "src/**"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> build.getBuildTriggerMetadata().getEnvironmentVariables().remove("A"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(ENVELOPE.toJson(ENVELOPE.fromJson(CACHED))).isEqualTo(ENVELOPE.toJson(response));
  }

  @Test
  void rawJsonCannotBeChangedAtAnyDepth() throws IOException {
    Build build = ENVELOPE.fromJson(CACHED).getResult().getBuilds().get("v1");

    @SuppressWarnings("unchecked")
    Map<String, Object> unknown = (Map<String, Object>) build._additionalProperties().get("x_new");
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) unknown.get("list");
    @SuppressWarnings("unchecked")
    Map<String, Object> inner = (Map<String, Object>) list.get(1);
    @SuppressWarnings("unchecked")
    List<Object> rawPaths = (List<Object>) build.getTrigger()._pathIncludes().rawJson().get();

    assertThatThrownBy(() -> unknown.put("k", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.add(2.0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> inner.put("k", "w")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> rawPaths.set(1, "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> build._rawProperties().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void generatedModelsHaveNoSetters() {
    for (Class<?> model :
        List.of(
            Build.class,
            Trigger.class,
            BuildTriggerMetadata.class,
            BuildsByVersionIdsResponse.class,
            BuildsByVersionIdsResult.class)) {
      for (Method method : model.getMethods()) {
        boolean changesThis =
            !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass() != Object.class
                && method.getParameterCount() > 0
                && !method.getName().equals("equals");
        assertThat(changesThis).as("%s takes an argument", method).isFalse();
      }
    }
  }

  @Test
  void changingACopyFromToBuilderLeavesTheOriginalAsItWas() throws IOException {
    Build original = ENVELOPE.fromJson(CACHED).getResult().getBuilds().get("v1");
    String before = BUILD.toJson(original);

    Build changed =
        original.toBuilder()
            .status(BuildStatus.STOPPED)
            .trigger(original.getTrigger().toBuilder().branchIncludes(List.of("dev")).build())
            .build();

    assertThat(changed.getStatus()).isEqualTo(BuildStatus.STOPPED);
    assertThat(changed.getTrigger().getBranchIncludes()).containsExactly("dev");
    assertThat(changed._additionalProperties()).containsKey("x_new");
    assertThat(original.getStatus()).isEqualTo(BuildStatus.QUEUED);
    assertThat(original.getTrigger().getBranchIncludes()).containsExactly("main");
    assertThat(BUILD.toJson(original)).isEqualTo(before);
  }

  @Test
  void builderCopiesTheListsAndMapsItIsGiven() {
    List<String> branches = new ArrayList<>(List.of("main"));
    Map<String, EnvironmentVariableValue> variables = new LinkedHashMap<>();
    variables.put("A", EnvironmentVariableValue.ofString("a"));
    Trigger.Builder builder = Trigger.builder().branchIncludes(branches);
    BuildTriggerMetadata metadata =
        BuildTriggerMetadata.builder().environmentVariables(variables).build();

    Trigger trigger = builder.build();
    branches.add("dev");
    variables.clear();

    assertThat(trigger.getBranchIncludes()).containsExactly("main");
    assertThat(builder.build().getBranchIncludes()).containsExactly("main", "dev");
    assertThat(metadata.getEnvironmentVariables()).containsOnlyKeys("A");
    assertThatThrownBy(() -> trigger.getBranchIncludes().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builtModelEqualsAndWritesAsTheDecodedOne() throws IOException {
    String json =
        "{\"build_uuid\":\"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e\",\"status\":\"queued\","
            + "\"trigger\":{\"path_includes\":[\"*\"]}}";

    Build built =
        Build.builder()
            .buildUuid(UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"))
            .status(BuildStatus.QUEUED)
            .trigger(Trigger.builder().pathIncludes(List.of("*")).build())
            .build();

    assertThat(BUILD.toJson(built)).isEqualTo(json);
    assertThat(built).isEqualTo(BUILD.fromJson(json));
    assertThat(built.hashCode()).isEqualTo(BUILD.fromJson(json).hashCode());
    assertThat(Build.builder().build()).isEqualTo(BUILD.fromJson("{}"));
  }

  @Test
  void readmeSampleBuildsAModelAndAChangedCopy() {
    UUID uuid = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
    // As in client-generated/README.md, "Immutable, with builders":
    Build build = Build.builder().status(BuildStatus.QUEUED).buildUuid(uuid).build();
    Build stopped = build.toBuilder().status(BuildStatus.STOPPED).build(); // build is unchanged

    assertThat(build.getStatus()).isEqualTo(BuildStatus.QUEUED);
    assertThat(stopped.getStatus()).isEqualTo(BuildStatus.STOPPED);
    assertThat(stopped.getBuildUuid()).isEqualTo(uuid);
  }
}
