package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonQualifier;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.EnvironmentVariableValue;
import dev.cfbuilds.generated.model.LogLine;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which types the runtime's two factories take from Moshi, and what the adapters they give do with
 * a value read on its own (a {@code oneOf} or an enum outside a model). The factories are asked
 * directly, or through a fresh {@code Moshi}, since the shared one builds each adapter once.
 */
class AdapterFactoriesTest {
  private static final Moshi MOSHI = ApiWiring.moshi();

  @Retention(RetentionPolicy.RUNTIME)
  @JsonQualifier
  @interface Qualified {}

  @SuppressWarnings("UnusedVariable") // only its annotation is read
  @Qualified
  private String qualified;

  private static Set<? extends Annotation> qualifiers() {
    return Types.getFieldJsonQualifierAnnotations(AdapterFactoriesTest.class, "qualified");
  }

  @Test
  void losslessFactoryTakesModelsTuplesAndOneOfsOnly() throws IOException {
    LosslessAdapters factory = new LosslessAdapters();
    JsonAdapter<?> build = factory.create(Build.class, Set.of(), MOSHI);
    assertThat(build).isNotNull();
    assertThat(((Build) build.fromJson("{\"status\":\"queued\"}")).getStatus())
        .isEqualTo(BuildStatus.QUEUED);
    assertThat(build.fromJson("null")).isNull();
    JsonAdapter<?> oneOf = factory.create(EnvironmentVariableValue.class, Set.of(), MOSHI);
    assertThat(oneOf).isNotNull();
    assertThat(((EnvironmentVariableValue) oneOf.fromJson("\"x\"")).getString()).isEqualTo("x");

    JsonAdapter<?> tuple = factory.create(LogLine.class, Set.of(), MOSHI);
    assertThat(tuple).isNotNull();
    assertThat(((LogLine) tuple.fromJson("[1,\"a\"]")).getMessage()).isEqualTo("a");

    assertThat(factory.create(Build.class, qualifiers(), MOSHI)).isNull();
    assertThat(factory.create(String.class, Set.of(), MOSHI)).isNull();
    assertThat(factory.create(Types.newParameterizedType(List.class, Build.class), Set.of(), MOSHI))
        .isNull();
  }

  @Test
  void readsAOneOfOnItsOwnAndWritesItBackInTheShapeSent() throws IOException {
    JsonAdapter<EnvironmentVariableValue> adapter =
        new Moshi.Builder()
            .add(new LosslessAdapters())
            .build()
            .adapter(EnvironmentVariableValue.class);
    EnvironmentVariableValue object = adapter.fromJson("{\"is_secret\":true,\"value\":null}");
    assertThat(object.getEnvironmentVariable().getIsSecret()).isTrue();
    assertThat(adapter.toJson(object)).isEqualTo("{\"is_secret\":true,\"value\":null}");
    assertThat(adapter.toJson(adapter.fromJson("\"plain\""))).isEqualTo("\"plain\"");
    assertThat(adapter.toString()).contains("EnvironmentVariableValue");
  }

  @Test
  void refusesAOneOfOnItsOwnThatFitsNoAlternativeNamingThePath() {
    JsonAdapter<List<EnvironmentVariableValue>> adapter =
        MOSHI.adapter(Types.newParameterizedType(List.class, EnvironmentVariableValue.class));
    assertThatThrownBy(() -> adapter.fromJson("[\"ok\", 12]"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected one of EnvironmentVariableValue's alternatives at path $[1]");
  }

  @Test
  void readsAnEnumValueTheSpecDoesNotListAsUnknown() throws IOException {
    JsonAdapter<BuildStatus> adapter =
        new Moshi.Builder()
            .add(new UnknownEnumFallbackFactory())
            .build()
            .adapter(BuildStatus.class);
    assertThat(adapter.fromJson("\"running\"")).isEqualTo(BuildStatus.RUNNING);
    assertThat(adapter.fromJson("\"paused\"")).isEqualTo(BuildStatus.UNKNOWN);
    assertThat(adapter.toJson(BuildStatus.STOPPED)).isEqualTo("\"stopped\"");
    assertThat(adapter.fromJson("null")).isNull();
  }

  @Test
  void leavesEnumsWithoutUnknownAndOtherTypesToMoshi() throws IOException {
    UnknownEnumFallbackFactory factory = new UnknownEnumFallbackFactory();
    assertThat(factory.create(BuildStatus.class, Set.of(), MOSHI)).isNotNull();
    assertThat(factory.create(BuildStatus.class, qualifiers(), MOSHI)).isNull();
    assertThat(factory.create(String.class, Set.of(), MOSHI)).isNull();
    assertThat(factory.create(DayOfWeek.class, Set.of(), MOSHI)).isNull();
    JsonAdapter<DayOfWeek> strict =
        new Moshi.Builder().add(factory).build().adapter(DayOfWeek.class);
    assertThat(strict.fromJson("\"MONDAY\"")).isEqualTo(DayOfWeek.MONDAY);
    assertThatThrownBy(() -> strict.fromJson("\"FUNDAY\"")).isInstanceOf(JsonDataException.class);
  }
}
