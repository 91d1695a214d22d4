package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Json;
import com.squareup.moshi.Types;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.EnvironmentVariableValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link ModelShape} reads of a model class, which decides the wire names a model matches, the
 * fields it sets and the values a walk for mismatches visits. Shapes are read afresh ({@code new
 * ModelShape}) rather than from the cache {@link ModelShape#of} keeps.
 */
class ModelShapeTest {
  @Test
  void listsTheJsonPropertiesInDeclarationOrderByWireName() {
    ModelShape shape = new ModelShape(Sample.class);
    assertThat(shape.type).isEqualTo(Sample.class);
    assertThat(shape.properties)
        .extracting(property -> property.name)
        .containsExactly("build_uuid", "plain", "created_on", "children");
    assertThat(shape.properties)
        .extracting(property -> property.textFormat)
        .containsExactly(null, null, "date-time", null);
    assertThat(shape.declares("created_on")).isTrue();
    assertThat(shape.declares("createdOn")).isFalse();
    assertThat(shape.declares("CACHE")).isFalse();
    assertThat(shape.declares("scratch")).isFalse();
  }

  @Test
  void createsAnEmptyModelAndSetsItsPrivateFields() {
    ModelShape shape = new ModelShape(Sample.class);
    Sample sample = (Sample) shape.newInstance();
    ModelShape.Property plain = shape.properties.get(1);
    plain.set(sample, "text");
    assertThat(plain.get(sample)).isEqualTo("text");
    assertThat(sample.plain).isEqualTo("text");
  }

  @Test
  void refusesAClassWithoutAConstructorWithoutArguments() {
    assertThatThrownBy(() -> new ModelShape(NoEmptyConstructor.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("NoEmptyConstructor has no constructor without arguments");
  }

  @Test
  void marksThePropertiesWhoseValuesMayHoldModels() {
    ModelShape shape = new ModelShape(Sample.class);
    assertThat(shape.properties)
        .extracting(property -> property.holdsModels)
        .containsExactly(false, false, false, true);
  }

  @Test
  void findsModelsInsideListsMapsAndOneOfs() {
    assertThat(ModelShape.mayHoldModels(Build.class)).isTrue();
    assertThat(ModelShape.mayHoldModels(EnvironmentVariableValue.class)).isTrue();
    assertThat(ModelShape.mayHoldModels(String.class)).isFalse();
    assertThat(ModelShape.mayHoldModels(Types.newParameterizedType(List.class, Build.class)))
        .isTrue();
    assertThat(ModelShape.mayHoldModels(Types.newParameterizedType(List.class, String.class)))
        .isFalse();
    assertThat(
            ModelShape.mayHoldModels(
                Types.newParameterizedType(
                    Map.class, String.class, EnvironmentVariableValue.class)))
        .isTrue();
    assertThat(
            ModelShape.mayHoldModels(
                Types.newParameterizedType(Map.class, String.class, String.class)))
        .isFalse();
    assertThat(
            ModelShape.mayHoldModels(
                Types.newParameterizedType(
                    Map.class, String.class, Types.newParameterizedType(List.class, Build.class))))
        .isTrue();
    assertThat(
            ModelShape.mayHoldModels(
                Types.newParameterizedType(Map.class, Build.class, String.class)))
        .isFalse();
    assertThat(ModelShape.mayHoldModels(Types.newParameterizedType(Comparable.class, Build.class)))
        .isFalse();
  }

  /** A model as the generator writes one, with the static and transient fields a class may add. */
  @SuppressWarnings("UnusedVariable") // the fields are read and set by reflection
  static final class Sample extends LosslessModel {
    static final String CACHE = "not a property";

    @Json(name = "build_uuid")
    private java.util.UUID buildUuid;

    private String plain;

    @Json(name = "created_on")
    @StoredAsText("date-time")
    private String createdOn;

    @Json(name = "children")
    private List<Build> children;

    private transient String scratch;

    private Sample() {}
  }

  /** A class the generator would never write: it cannot be created empty. */
  static final class NoEmptyConstructor extends LosslessModel {
    @Json(name = "name")
    final String name;

    NoEmptyConstructor(String name) {
      this.name = name;
    }
  }
}
