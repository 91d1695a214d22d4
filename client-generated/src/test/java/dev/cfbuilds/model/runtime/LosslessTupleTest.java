package dev.cfbuilds.model.runtime;

import static dev.cfbuilds.model.runtime.LosslessModelTest.assertRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.cfbuilds.generated.model.BuildLogs;
import dev.cfbuilds.generated.model.LogLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A log line, the spec's one {@code x-cfbuilds-tuple}: read by position, nothing lost. */
class LosslessTupleTest {
  private static final JsonAdapter<LogLine> LINE = ApiWiring.moshi().adapter(LogLine.class);
  private static final JsonAdapter<BuildLogs> LOGS = ApiWiring.moshi().adapter(BuildLogs.class);
  private static final JsonAdapter<Object> TREE = ApiWiring.moshi().adapter(Object.class);

  @Test
  void readsATimeAndATextIntoKnownFields() throws IOException {
    LogLine line = LINE.fromJson("[1796375523123,\"Cloning repository\"]");

    assertThat(line.getTimestamp()).isEqualTo(new BigDecimal("1796375523123"));
    assertThat(line._timestamp().isKnown()).isTrue();
    assertThat(line._timestamp().rawJson()).isEmpty();
    assertThat(line.getMessage()).isEqualTo("Cloning repository");
    assertThat(line._message().known()).contains("Cloning repository");
    assertThat(line._rawProperties()).isEmpty();
    assertThat(line._mismatchedPaths()).isEmpty();
    assertThat(LINE.toJson(line)).isEqualTo("[1796375523123,\"Cloning repository\"]");
    assertRoundTrip(LINE, "[1796375523.25,\"a\"]");
  }

  @Test
  void readsAnExponentAndKeepsItAsSent() throws IOException {
    LogLine line = LINE.fromJson("[1.7e12,\"a\"]");

    assertThat(line.getTimestamp()).isEqualByComparingTo("1700000000000");
    assertThat(line._timestamp().isKnown()).isTrue();
    assertThat(line._timestamp().rawJson()).contains(1.7e12);
    assertThat(line._mismatchedPaths()).isEmpty();
    assertRoundTrip(LINE, "[1.7e12,\"a\"]");
  }

  @Test
  void keepsSwappedItemsRawAndNamesThemByIndex() throws IOException {
    LogLine line = LINE.fromJson("[\"swapped\",2]");

    assertThat(line.getTimestamp()).isNull();
    assertThat(line._timestamp().isMismatched()).isTrue();
    assertThat(line._timestamp().rawJson()).contains("swapped");
    assertThat(line.getMessage()).isNull();
    assertThat(line._message().rawJson()).contains(2.0);
    assertThat(line._mismatchedProperties()).containsExactly("timestamp", "message");
    assertThat(line._mismatchedPaths()).containsExactly("$[0]", "$[1]");
    assertRoundTrip(LINE, "[\"swapped\",2]");
  }

  @Test
  void keepsItemsPastTheEndUnderTheirIndexAndReportsThem() throws IOException {
    LogLine line = LINE.fromJson("[1,\"a\",\"extra\",{\"x\":[true]}]");

    assertThat(line.getTimestamp()).isEqualTo(BigDecimal.ONE);
    assertThat(line.getMessage()).isEqualTo("a");
    assertThat(line._additionalProperties())
        .containsExactly(Map.entry("2", "extra"), Map.entry("3", Map.of("x", List.of(true))));
    assertThat(line._mismatchedPaths()).containsExactly("$[2]", "$[3]");
    assertRoundTrip(LINE, "[1,\"a\",\"extra\",{\"x\":[true]}]");
  }

  @Test
  void tellsAMissingItemFromANullOne() throws IOException {
    LogLine short1 = LINE.fromJson("[1796375523]");
    LogLine nullTime = LINE.fromJson("[null,\"null time\"]");

    assertThat(short1._message().isAbsent()).isTrue();
    assertThat(short1._mismatchedPaths()).isEmpty();
    assertThat(nullTime._timestamp().isNull()).isTrue();
    assertThat(nullTime.getMessage()).isEqualTo("null time");
    assertRoundTrip(LINE, "[1796375523]");
    assertRoundTrip(LINE, "[null,\"null time\"]");
    assertRoundTrip(LINE, "[]");
  }

  @Test
  void keepsANumberSentAsTextAsSentButReadsIt() throws IOException {
    LogLine line = LINE.fromJson("[\"1796375523\",\"a\"]");

    assertThat(line.getTimestamp()).isEqualTo(new BigDecimal("1796375523"));
    assertThat(line._timestamp().rawJson()).contains("1796375523");
    assertRoundTrip(LINE, "[\"1796375523\",\"a\"]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"just text\"", "1796375523", "{\"t\":1,\"m\":\"a\"}", "true"})
  void aLineThatIsNotAnArrayIsKeptRawByItsListAndReported(String line) throws IOException {
    String json = "{\"lines\":[[1,\"a\"]," + line + ",[2,\"b\"]]}";

    BuildLogs logs = LOGS.fromJson(json);

    assertThat(logs.getLines()).hasSize(3);
    assertThat(logs.getLines().get(1)).isNull();
    assertThat(logs.getLines().get(2).getMessage()).isEqualTo("b");
    assertThat(logs._mismatchedPaths()).containsExactly("$.lines[1]");
    Object rawLine = ((List<?>) logs._lines().rawJson().orElseThrow()).get(1);
    assertThat(rawLine).isEqualTo(TREE.fromJson(line));
    assertRoundTrip(LOGS, json);
  }

  @Test
  void aNullLineIsNullAndNoMismatch() throws IOException {
    BuildLogs logs = LOGS.fromJson("{\"lines\":[null,[1,\"a\"]]}");

    assertThat(logs.getLines())
        .containsExactly(null, LogLine.builder().timestamp(BigDecimal.ONE).message("a").build());
    assertThat(logs._mismatchedPaths()).isEmpty();
    assertRoundTrip(LOGS, "{\"lines\":[null,[1,\"a\"]]}");
  }

  @Test
  void reportsOddItemsOfEachLineByPathFromTheHoldingModel() throws IOException {
    BuildLogs logs = LOGS.fromJson("{\"lines\":[[1,\"a\"],[\"b\",1],[2,\"c\",3]]}");

    assertThat(logs._mismatchedPaths())
        .containsExactly("$.lines[1][0]", "$.lines[1][1]", "$.lines[2][2]");
  }

  @Test
  void aTupleReadAloneMustBeAnArray() {
    assertThatThrownBy(() -> LINE.fromJson("\"text\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected an array but was STRING at path $");
    assertThat(LINE.fromJsonValue(null)).isNull();
  }

  @Test
  void aBuiltTupleWritesNullForAnEarlierItemNotSetAndKeepsRawThroughToBuilder() throws IOException {
    LogLine messageOnly = LogLine.builder().message("a").build();
    LogLine odd = LINE.fromJson("[\"x\",\"a\",7]");

    assertThat(LINE.toJson(messageOnly)).isEqualTo("[null,\"a\"]");
    assertThat(LINE.toJson(LogLine.builder().timestamp(BigDecimal.TEN).build())).isEqualTo("[10]");
    assertThat(LINE.toJson(odd.toBuilder().build())).isEqualTo("[\"x\",\"a\",7.0]");
    assertThat(odd.toBuilder().build()).isEqualTo(odd);
    assertThat(LINE.toJson(odd.toBuilder().timestamp(BigDecimal.ONE).build()))
        .isEqualTo("[1,\"a\",7.0]");
    assertThat(odd.toString()).isEqualTo("LogLine{timestamp=null, message=a, _raw=[timestamp, 2]}");
  }

  @Test
  void equalityIncludesTheRawItems() throws IOException {
    assertThat(LINE.fromJson("[1,\"a\",2]")).isNotEqualTo(LINE.fromJson("[1,\"a\"]"));
    assertThat(LINE.fromJson("[1,\"a\"]")).isEqualTo(LINE.fromJson("[1,\"a\"]"));
    assertThat(LINE.fromJson("[1,\"a\"]").hashCode())
        .isEqualTo(LogLine.builder().timestamp(BigDecimal.ONE).message("a").build().hashCode());
  }
}
