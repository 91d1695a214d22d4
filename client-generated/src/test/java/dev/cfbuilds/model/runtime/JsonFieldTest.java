package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildTriggerMetadata;
import dev.cfbuilds.generated.model.EnvironmentVariableValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each property's {@code _property()} accessor tells absent, null, known and mismatched apart. */
class JsonFieldTest {
  private static final JsonAdapter<Build> BUILD = ApiWiring.moshi().adapter(Build.class);

  @Test
  void absentPropertyIsAbsent() throws IOException {
    JsonField<BuildOutcome> field = BUILD.fromJson("{}")._buildOutcome();

    assertThat(field.isAbsent()).isTrue();
    assertThat(field.isNull() || field.isKnown() || field.isMismatched()).isFalse();
    assertThat(field.known()).isEmpty();
    assertThat(field.rawJson()).isEmpty();
  }

  @Test
  void explicitNullIsNull() throws IOException {
    JsonField<BuildOutcome> field = BUILD.fromJson("{\"build_outcome\":null}")._buildOutcome();

    assertThat(field.isNull()).isTrue();
    assertThat(field.isAbsent() || field.isKnown() || field.isMismatched()).isFalse();
    assertThat(field.known()).isEmpty();
    assertThat(field.rawJson()).isEmpty();
  }

  @Test
  void valueOfThePropertysTypeIsKnown() throws IOException {
    JsonField<BuildOutcome> field =
        BUILD.fromJson("{\"build_outcome\":\"success\"}")._buildOutcome();

    assertThat(field.isKnown()).isTrue();
    assertThat(field.isAbsent() || field.isNull() || field.isMismatched()).isFalse();
    assertThat(field.known()).contains(BuildOutcome.SUCCESS);
    assertThat(field.rawJson()).isEmpty();
  }

  @Test
  void valueOfAnotherTypeIsMismatchedWithItsRawJson() throws IOException {
    Build build = BUILD.fromJson("{\"build_outcome\":[1,\"a\"],\"created_on\":\"yesterday\"}");

    assertThat(build._buildOutcome().isMismatched()).isTrue();
    assertThat(build._buildOutcome().isAbsent() || build._buildOutcome().isNull()).isFalse();
    assertThat(build._buildOutcome().isKnown()).isFalse();
    assertThat(build._buildOutcome().known()).isEmpty();
    assertThat(build._buildOutcome().rawJson()).contains(List.of(1.0, "a"));
    assertThat(build._createdOn().isMismatched()).isTrue();
    assertThat(build._createdOn().rawJson()).contains("yesterday");
  }

  @Test
  void knownValueWrittenDifferentlyKeepsTheTextAsSent() throws IOException {
    Build build = BUILD.fromJson("{\"build_outcome\":\"timed_out\"}");

    assertThat(build._buildOutcome().isKnown()).isTrue();
    assertThat(build._buildOutcome().known()).contains(BuildOutcome.UNKNOWN);
    assertThat(build._buildOutcome().rawJson()).contains("timed_out");
  }

  @Test
  void builtModelsFieldsAreKnownOrAbsent() {
    Build build = Build.builder().buildOutcome(BuildOutcome.FAIL).build();

    assertThat(build._buildOutcome().known()).contains(BuildOutcome.FAIL);
    assertThat(build._buildOutcome().rawJson()).isEmpty();
    assertThat(build._status().isAbsent()).isTrue();
  }

  @Test
  void equalFieldsAreEqualAndToStringNamesOnlyTheCase() throws IOException {
    BuildTriggerMetadata metadata =
        ApiWiring.moshi()
            .adapter(BuildTriggerMetadata.class)
            .fromJson("{\"environment_variables\":{\"TOKEN\":\"s3cr3t\"}}");
    JsonField<Map<String, EnvironmentVariableValue>> variables = metadata._environmentVariables();

    assertThat(variables)
        .hasToString("JsonField{known}")
        .isEqualTo(metadata._environmentVariables());
    assertThat(variables.hashCode()).isEqualTo(metadata._environmentVariables().hashCode());
    assertThat(variables).isNotEqualTo(BUILD.fromJson("{}")._status());
    assertThat(BUILD.fromJson("{\"status\":1}")._status()).hasToString("JsonField{mismatched}");
    assertThat(BUILD.fromJson("{\"status\":1}")._status())
        .isNotEqualTo(BUILD.fromJson("{\"status\":2}")._status());
  }
}
