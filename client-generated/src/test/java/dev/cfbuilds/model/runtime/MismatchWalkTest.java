package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.generated.model.BuildTriggerMetadata;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Mismatches deep inside a model (in a list of models, in a {@code oneOf} inside a map) are found
 * by {@code _mismatchedPaths()}, and nulls inside maps and unknown objects are written back.
 */
class MismatchWalkTest {
  private static final JsonAdapter<BuildTriggerMetadata> METADATA =
      ApiWiring.moshi().adapter(BuildTriggerMetadata.class);
  private static final JsonAdapter<BuildsByVersionIdsResponse> RESPONSE =
      ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);

  @Test
  void findsAMismatchInsideAListOfModels() throws IOException {
    BuildsByVersionIdsResponse response =
        RESPONSE.fromJson(
            "{\"errors\":[{\"code\":7,\"message\":\"a\"},{\"code\":\"x\",\"message\":\"b\"}]}");
    assertThat(response._mismatchedPaths()).containsExactly("$.errors[1].code");
    assertThat(response.getErrors().get(1).getMessage()).isEqualTo("b");
  }

  @Test
  void findsAMismatchInsideAOneOfInsideAMap() throws IOException {
    String json =
        "{\"environment_variables\":{\"A\":\"plain\",\"B\":{\"is_secret\":\"yes\",\"value\":null}}}";
    BuildTriggerMetadata metadata = METADATA.fromJson(json);
    assertThat(metadata._mismatchedPaths()).containsExactly("$.environment_variables.B.is_secret");
    assertThat(METADATA.toJson(metadata)).isEqualTo(json);
  }

  @Test
  void keepsAOneOfValueThatFitsNoAlternativeAndWritesItBack() throws IOException {
    String json = "{\"environment_variables\":{\"A\":12}}";
    BuildTriggerMetadata metadata = METADATA.fromJson(json);
    assertThat(metadata.getEnvironmentVariables()).containsEntry("A", null);
    assertThat(metadata._mismatchedPaths()).containsExactly("$.environment_variables.A");
    assertThat(METADATA.toJson(metadata)).isEqualTo("{\"environment_variables\":{\"A\":12.0}}");
  }

  @Test
  void writesNullsInsideMapsAndUnknownObjectsBack() throws IOException {
    String json = "{\"environment_variables\":{\"A\":null},\"extra\":{\"b\":null}}";
    BuildTriggerMetadata metadata = METADATA.fromJson(json);
    assertThat(metadata._mismatchedPaths()).isEmpty();
    assertThat(METADATA.toJson(metadata)).isEqualTo(json);
  }
}
