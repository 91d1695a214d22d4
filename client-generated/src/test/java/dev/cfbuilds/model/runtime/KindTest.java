package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.EnvironmentVariableValue;
import dev.cfbuilds.generated.model.LogLine;
import dev.cfbuilds.generated.model.Trigger;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The kind {@link Kind#of} picks for each Java type the generator can give a property ({@code
 * integer}/{@code int64}/{@code number}/{@code double}, and {@code date-time}, {@code uri} and
 * {@code uuid} inside lists, maps and {@code oneOf}s), shown by what it reads and writes. Each test
 * asks {@link Kind#of} afresh rather than going through the shared {@code Moshi}, whose adapters
 * are built once.
 */
class KindTest {
  private static final Moshi MOSHI = ApiWiring.moshi();

  @Test
  void readsIntegersExactlyAndKeepsWhatAnIntCannotHold() throws IOException {
    Kind kind = Kind.of(Integer.class, null, MOSHI);
    assertThat(read(kind, "42")).isEqualTo(42);
    assertThat(mismatch(kind, "3000000000").typed).isNull();
    assertThat(mismatch(kind, "3000000000").raw).isEqualTo(3.0e9);
    assertThat(mismatch(kind, "1.5").typed).isNull();
    assertThat(mismatch(kind, "\"25\"").typed).isEqualTo(25);
    assertThat(mismatch(kind, "\"25\"").raw).isEqualTo("25");
    assertThat(write(kind, 42)).isEqualTo("42");
  }

  @Test
  void readsInt64BeyondDoublePrecisionExactly() throws IOException {
    Kind kind = Kind.of(Long.class, null, MOSHI);
    assertThat(read(kind, "9007199254740993")).isEqualTo(9007199254740993L);
    assertThat(mismatch(kind, "1.5").typed).isNull();
    assertThat(mismatch(kind, "1.0").typed).isEqualTo(1L);
    assertThat(mismatch(kind, "1.0").raw).isEqualTo(1.0);
    assertThat(write(kind, 9007199254740993L)).isEqualTo("9007199254740993");
  }

  @Test
  void readsNumbersAsBigDecimalWithTheirScale() throws IOException {
    Kind kind = Kind.of(BigDecimal.class, null, MOSHI);
    assertThat(read(kind, "0.1000")).isEqualTo(new BigDecimal("0.1000"));
    assertThat(mismatch(kind, "1e400").typed).isEqualTo(new BigDecimal("1e400"));
    assertThat(mismatch(kind, "1e400").raw).isEqualTo(new BigDecimal("1e400"));
    assertThat(write(kind, new BigDecimal("0.1000"))).isEqualTo("0.1000");
  }

  @Test
  void readsDoublesAndKeepsTextTheyWouldWriteDifferently() throws IOException {
    Kind kind = Kind.of(Double.class, null, MOSHI);
    assertThat(read(kind, "0.5")).isEqualTo(0.5);
    assertThat(mismatch(kind, "0.1000").typed).isEqualTo(0.1);
    assertThat(mismatch(kind, "0.1000").raw).isEqualTo(0.1);
    assertThat(mismatch(kind, "true").typed).isNull();
    assertThat(write(kind, 0.5)).isEqualTo("0.5");
  }

  @Test
  void readsDateTimesInListsAndKeepsTextWrittenDifferently() throws IOException {
    Kind kind = Kind.of(OffsetDateTime.class, null, MOSHI);
    OffsetDateTime value = OffsetDateTime.parse("2019-12-27T18:11:19.117Z");
    assertThat(read(kind, "\"2019-12-27T18:11:19.117Z\"")).isEqualTo(value);
    Mismatch plusZero = mismatch(kind, "\"2019-12-27T18:11:19.117+00:00\"");
    assertThat(plusZero.typed).isEqualTo(value);
    assertThat(plusZero.raw).isEqualTo("2019-12-27T18:11:19.117+00:00");
    assertThat(mismatch(kind, "\"yesterday\"").typed).isNull();
    assertThat(mismatch(kind, "12").raw).isEqualTo(12.0);
    assertThat(write(kind, value)).isEqualTo("\"2019-12-27T18:11:19.117Z\"");
  }

  @Test
  void readsUrisAndKeepsTextThatIsNotOne() throws IOException {
    Kind kind = Kind.of(URI.class, null, MOSHI);
    assertThat(read(kind, "\"https://example.com/a?b=c\""))
        .isEqualTo(URI.create("https://example.com/a?b=c"));
    Mismatch bad = mismatch(kind, "\"https://example.com/a b\"");
    assertThat(bad.typed).isNull();
    assertThat(bad.raw).isEqualTo("https://example.com/a b");
    assertThat(write(kind, URI.create("https://example.com/a?b=c")))
        .isEqualTo("\"https://example.com/a?b=c\"");
  }

  @Test
  void readsUuidsAndKeepsUpperCaseTextAsSent() throws IOException {
    Kind kind = Kind.of(UUID.class, null, MOSHI);
    UUID value = UUID.fromString("5d0f3a7e-9c1b-4f2a-8e6d-1a2b3c4d5e6f");
    assertThat(read(kind, "\"5d0f3a7e-9c1b-4f2a-8e6d-1a2b3c4d5e6f\"")).isEqualTo(value);
    Mismatch upper = mismatch(kind, "\"5D0F3A7E-9C1B-4F2A-8E6D-1A2B3C4D5E6F\"");
    assertThat(upper.typed).isEqualTo(value);
    assertThat(upper.raw).isEqualTo("5D0F3A7E-9C1B-4F2A-8E6D-1A2B3C4D5E6F");
    assertThat(mismatch(kind, "\"1-2-3-4-5\"").typed).isNull();
  }

  @Test
  void readsStringsAsIsOrCheckedByTheirTextFormat() throws IOException {
    Kind plain = Kind.of(String.class, null, MOSHI);
    assertThat(read(plain, "\"yesterday\"")).isEqualTo("yesterday");
    assertThat(mismatch(plain, "true").raw).isEqualTo(true);
    Kind dateTime = Kind.of(String.class, "date-time", MOSHI);
    assertThat(read(dateTime, "\"2019-12-27T18:11:19Z\"")).isEqualTo("2019-12-27T18:11:19Z");
    assertThat(mismatch(dateTime, "\"yesterday\"").raw).isEqualTo("yesterday");
    Kind uri = Kind.of(String.class, "uri", MOSHI);
    assertThat(mismatch(uri, "\"a b\"").raw).isEqualTo("a b");
  }

  @Test
  void readsTuplesFromArraysAndKeepsAnythingElse() throws IOException {
    Kind kind = Kind.of(LogLine.class, null, MOSHI);

    assertThat(((LogLine) read(kind, "[1,\"a\"]")).getMessage()).isEqualTo("a");
    assertThat(mismatch(kind, "{\"a\":1}").raw).isEqualTo(Map.of("a", 1.0));
    assertThat(write(kind, read(kind, "[1,\"a\",true]"))).isEqualTo("[1,\"a\",true]");
  }

  @Test
  void readsBooleansAndKeepsOtherTypes() throws IOException {
    Kind kind = Kind.of(Boolean.class, null, MOSHI);
    assertThat(read(kind, "false")).isEqualTo(false);
    assertThat(mismatch(kind, "\"yes\"").raw).isEqualTo("yes");
    assertThat(write(kind, true)).isEqualTo("true");
  }

  @Test
  void readsAnObjectPropertyAsRawJsonAndWritesItBack() throws IOException {
    Kind kind = Kind.of(Object.class, null, MOSHI);
    Object value = read(kind, "{\"a\":[1,\"x\",null]}");
    assertThat(value).isEqualTo(Map.of("a", Arrays.asList(1.0, "x", null)));
    assertThat(write(kind, value)).isEqualTo("{\"a\":[1.0,\"x\",null]}");
  }

  @Test
  void readsEnumsModelsAndOneOfsByTheirOwnKinds() throws IOException {
    Kind status = Kind.of(BuildStatus.class, null, MOSHI);
    assertThat(read(status, "\"queued\"")).isEqualTo(BuildStatus.QUEUED);
    assertThat(mismatch(status, "\"paused\"").typed).isEqualTo(BuildStatus.UNKNOWN);

    Kind trigger = Kind.of(Trigger.class, null, MOSHI);
    assertThat(((Trigger) read(trigger, "{\"trigger_name\":\"main\"}")).getTriggerName())
        .isEqualTo("main");
    assertThat(mismatch(trigger, "[]").raw).isEqualTo(List.of());

    Kind variable = Kind.of(EnvironmentVariableValue.class, null, MOSHI);
    assertThat(((EnvironmentVariableValue) read(variable, "\"x\"")).getString()).isEqualTo("x");
  }

  @Test
  void readsListsAndStringKeyedMapsElementByElement() throws IOException {
    Kind list = Kind.of(Types.newParameterizedType(List.class, String.class), null, MOSHI);
    assertThat(read(list, "[\"a\",\"b\"]")).isEqualTo(List.of("a", "b"));
    Mismatch oneBad = mismatch(list, "[\"*\",3]");
    assertThat(oneBad.typed).isEqualTo(Arrays.asList("*", null));
    assertThat(oneBad.raw).isEqualTo(List.of("*", 3.0));

    Kind map =
        Kind.of(Types.newParameterizedType(Map.class, String.class, Long.class), null, MOSHI);
    assertThat(read(map, "{\"a\":9007199254740993}")).isEqualTo(Map.of("a", 9007199254740993L));
  }

  @Test
  void refusesTypesTheGeneratorNeverGivesAProperty() {
    List<Type> types =
        List.of(
            Character.class,
            Types.newParameterizedType(Set.class, String.class),
            Types.newParameterizedType(Map.class, Integer.class, String.class));
    for (Type type : types) {
      assertThatThrownBy(() -> Kind.of(type, null, MOSHI))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the generated models have no values of type " + type);
    }
  }

  @Test
  void givesEachPropertyOfAModelTheKindOfItsType() throws IOException {
    Kind[] kinds = Kind.ofProperties(new ModelShape(Measured.class), MOSHI);
    assertThat(kinds).hasSize(3);
    assertThat(read(kinds[0], "9007199254740993")).isEqualTo(9007199254740993L);
    assertThat(read(kinds[1], "\"2019-12-27T18:11:19Z\"")).isEqualTo("2019-12-27T18:11:19Z");
    assertThat(mismatch(kinds[1], "\"yesterday\"").raw).isEqualTo("yesterday");
    assertThat(read(kinds[2], "[\"https://example.com\"]"))
        .isEqualTo(List.of(URI.create("https://example.com")));
  }

  @Test
  void readsAOneOfByTheFirstAlternativeWhoseTokenMatches() throws IOException {
    Kind kind = Kind.of(CountOrName.class, null, MOSHI);
    assertThat(((CountOrName) read(kind, "3")).count).isEqualTo(3);
    assertThat(((CountOrName) read(kind, "\"x\"")).name).isEqualTo("x");
    Mismatch neither = mismatch(kind, "true");
    assertThat(neither.typed).isNull();
    assertThat(neither.raw).isEqualTo(true);
    assertThat(mismatch(kind, "1.5").raw).isEqualTo(1.5);
    assertThat(write(kind, read(kind, "3"))).isEqualTo("3");
  }

  /** A {@code oneOf} of an integer and a string, as the generator writes one. */
  static final class CountOrName implements OneOfValue {
    private Integer count;
    private String name;

    private CountOrName() {}
  }

  /** A model with properties of types no model of today's spec has, as the generator writes one. */
  @SuppressWarnings("UnusedVariable") // the fields are read and set by reflection
  static final class Measured extends LosslessModel {
    @Json(name = "count")
    private Long count;

    @Json(name = "measured_on")
    @StoredAsText("date-time")
    private String measuredOn;

    @Json(name = "links")
    private List<URI> links;

    private Measured() {}
  }

  private static Object read(Kind kind, String json) throws IOException {
    Object value = kind.read(JsonReader.of(new Buffer().writeUtf8(json)));
    assertThat(value).as(json).isNotInstanceOf(Mismatch.class);
    return value;
  }

  private static Mismatch mismatch(Kind kind, String json) throws IOException {
    Object value = kind.read(JsonReader.of(new Buffer().writeUtf8(json)));
    assertThat(value).as(json).isInstanceOf(Mismatch.class);
    return (Mismatch) value;
  }

  private static String write(Kind kind, Object value) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      kind.write(writer, value);
    }
    return buffer.readUtf8();
  }
}
