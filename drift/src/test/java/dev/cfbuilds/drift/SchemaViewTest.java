package dev.cfbuilds.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaViewTest {
  @Test
  void propertyNamedInTwoAllOfPartsMergesBothSchemas() {
    Schema<?> envelope = object().addProperty("result", object().nullable(true));
    Schema<?> resultPart =
        object()
            .addProperty(
                "result", object().addProperty("builds", object()).required(List.of("builds")));

    SchemaView result = allOf(envelope, resultPart).properties.get("result");

    assertThat(result.types).containsExactly("object");
    assertThat(result.nullable).isFalse();
    assertThat(result.properties).containsOnlyKeys("builds");
    assertThat(result.required).containsExactly("builds");
  }

  @Test
  void nullStaysAllowedOnlyWhenEveryPartAllowsIt() {
    Schema<?> nullable30 = object().nullable(true);
    Schema<?> nullable31 = new Schema<>().types(Set.of("object", "null"));
    Schema<?> untyped = new Schema<>().addProperty("a", new Schema<>().type("string"));

    assertThat(allOf(nullable30, nullable31).nullable).isTrue();
    assertThat(allOf(nullable31, untyped).nullable).isTrue();
    assertThat(allOf(nullable30, object()).nullable).isFalse();
    assertThat(allOf(nullable31, object()).nullable).isFalse();
  }

  @Test
  void typesAndEnumsIntersectAndRequiredNamesJoin() {
    Schema<?> wide =
        new Schema<>()
            .types(Set.of("integer", "string"))
            ._enum(List.of("a", "b"))
            .required(List.of("x"));
    Schema<?> narrow =
        new Schema<>().type("string")._enum(List.of("b", "c")).required(List.of("y"));

    SchemaView view = allOf(wide, narrow);

    assertThat(view.types).containsExactly("string");
    assertThat(view.enumValues).containsExactly("b");
    assertThat(view.required).containsExactly("x", "y");
  }

  @Test
  void mapValuesAndItemsNamedInTwoPartsMerge() {
    Schema<?> first =
        object().additionalProperties(object().addProperty("a", new Schema<>().type("string")));
    Schema<?> second =
        object().additionalProperties(object().addProperty("b", new Schema<>().type("string")));

    assertThat(allOf(first, second).additional.properties).containsOnlyKeys("a", "b");
  }

  private static SchemaView allOf(Schema<?>... parts) {
    Schema<?> holder = new Schema<>();
    for (Schema<?> part : parts) {
      holder.addAllOfItem(part);
    }
    return SchemaView.of(holder);
  }

  private static Schema<?> object() {
    return new Schema<>().type("object");
  }
}
