package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@code date-time}, {@code uuid} and {@code uri} adapters a caller gets from {@code
 * ApiWiring.moshi()} for values read on their own, and the allocation-free check of the date-time
 * form the API sends, which must take every such value (or the decoding benchmark's gain is lost)
 * and nothing {@link OffsetDateTime#parse} rejects.
 */
class ScalarAdaptersTest {
  private static final JsonAdapter<OffsetDateTime> DATE_TIME =
      ApiWiring.moshi().adapter(OffsetDateTime.class);
  private static final JsonAdapter<UUID> UUIDS = ApiWiring.moshi().adapter(UUID.class);
  private static final JsonAdapter<URI> URIS = ApiWiring.moshi().adapter(URI.class);

  /** The API's own forms, at the edges of every field: the fast path must take each of them. */
  private static final List<String> COMMON_FORMS =
      List.of(
          "2019-12-27T18:11:19Z",
          "2019-12-27T18:11:19.1Z",
          "2019-12-27T18:11:19.12Z",
          "2019-12-27T18:11:19.117Z",
          "2019-12-27T18:11:19.1234Z",
          "2019-12-27T18:11:19.12345Z",
          "2019-12-27T18:11:19.123456Z",
          "2019-12-27T18:11:19.1234567Z",
          "2019-12-27T18:11:19.12345678Z",
          "2019-12-27T18:11:19.123456789Z",
          "2019-12-27T18:11:19.987654321Z",
          "2000-01-01T00:00:00.000000000Z",
          "9999-12-31T23:59:59.999999999Z",
          "2020-02-29T12:00:00Z",
          "2021-04-30T12:00:00Z",
          "2019-12-27T18:11:19+00:00",
          "2019-12-27T18:11:19-00:00",
          "2019-12-27T18:11:19+05:30",
          "2019-12-27T18:11:19+05:59",
          "2019-12-27T18:11:19.5-08:00",
          "2019-12-27T18:11:19+18:00",
          "2019-12-27T18:11:19-18:00",
          "2019-12-27T18:11:19+09:45");

  @Test
  void fastPathTakesEveryFormTheApiSendsAndParsesItAsTheJdkDoes() {
    for (String text : COMMON_FORMS) {
      assertThat(ScalarAdapters.isCommonDateTime(text)).as(text).isTrue();
      OffsetDateTime parsed = ScalarAdapters.parseDateTime(text);
      assertThat(parsed).as(text).isEqualTo(OffsetDateTime.parse(text));
      assertThat(parsed.getOffset()).as(text).isEqualTo(OffsetDateTime.parse(text).getOffset());
    }
  }

  @Test
  void fastPathRejectsMalformedTextWithoutFailing() {
    List<String> malformed =
        List.of(
            "2019-12-27T18:11:1Z",
            "2019/12-27T18:11:19Z",
            "2019-12/27T18:11:19Z",
            "2019-12-27 18:11:19Z",
            "2019-12-27T18-11:19Z",
            "2019-12-27T18:11-19Z",
            "2019-12-27T18:11:19.",
            "2019-12-27T18:11:19.123",
            "2019-12-27T18:11:19.Z",
            "2019-12-27T18:11:19.1234567891Z",
            "2019-12-27T18:11:19",
            "2019-12-27T18:11:19X",
            "2019-12-27T18:11:19Zx",
            "2019-12-27T18:11:19*05:30",
            "2019-12-27T18:11:19+05-30",
            "2019-12-27T18:11:19+0530",
            "2019-12-27T18:11:19+1x:30",
            "2019-12-27T18:11:19+05:3x",
            "2019-12-27T18:11:19+05:60",
            "2019-12-27T18:11:19+18:01",
            "2019-00-27T18:11:19Z",
            "2019-13-27T18:11:19Z",
            "2019-12-00T18:11:19Z",
            "2019-12-32T18:11:19Z",
            "2019-02-29T18:11:19Z",
            "2019-04-31T18:11:19Z",
            "2019-12-27T24:11:19Z",
            "2019-12-27T18:60:19Z",
            "2019-12-27T18:11:60Z",
            "2019-1a-27T18:11:19Z",
            "20l9-12-27T18:11:19Z",
            "2019-12-27T18:11:19.1a3Z");
    for (String text : malformed) {
      assertThat(ScalarAdapters.isCommonDateTime(text)).as(text).isFalse();
    }
  }

  @Test
  void leavesOtherValidFormsToTheJdkParser() {
    // Valid RFC 3339 the fast path does not know: the JDK decides, so nothing valid is refused.
    String withSeconds = "2019-12-27T18:11:19+05:30:15";
    assertThat(ScalarAdapters.isCommonDateTime(withSeconds)).isFalse();
    assertThat(ScalarAdapters.isDateTime(withSeconds)).isTrue();
    assertThat(ScalarAdapters.parseDateTime(withSeconds))
        .isEqualTo(OffsetDateTime.parse(withSeconds));
    assertThat(ScalarAdapters.isDateTime("yesterday")).isFalse();
    assertThat(ScalarAdapters.parseDateTime("yesterday")).isNull();
  }

  @Test
  void writesDateTimeBackAsIsoWithItsOffset() throws IOException {
    OffsetDateTime value = DATE_TIME.fromJson("\"2019-12-27T18:11:19.117+05:30\"");
    assertThat(DATE_TIME.toJson(value)).isEqualTo("\"2019-12-27T18:11:19.117+05:30\"");
    assertThat(DATE_TIME.fromJson("null")).isNull();
    assertThat(DATE_TIME.toJson(null)).isEqualTo("null");
  }

  @Test
  void reportsTextNotOfTheFormatWithTheExpectedFormatAndPath() {
    assertThatThrownBy(() -> DATE_TIME.fromJson("\"yesterday\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected an RFC 3339 date-time but was \"yesterday\" at path $");
    assertThatThrownBy(() -> UUIDS.fromJson("\"1-2-3-4-5\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected a UUID but was \"1-2-3-4-5\" at path $");
    assertThatThrownBy(() -> URIS.fromJson("\"https://example.com/a b\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected a URI but was \"https://example.com/a b\" at path $");
  }

  @Test
  void readsCanonicalUuidsAndWritesThemInLowerCase() throws IOException {
    UUID value = UUIDS.fromJson("\"5d0f3a7e-9c1b-4f2a-8e6d-1a2b3c4d5e6f\"");
    assertThat(value).isEqualTo(UUID.fromString("5d0f3a7e-9c1b-4f2a-8e6d-1a2b3c4d5e6f"));
    assertThat(UUIDS.toJson(UUIDS.fromJson("\"5D0F3A7E-9C1B-4F2A-8E6D-1A2B3C4D5E6F\"")))
        .isEqualTo("\"5d0f3a7e-9c1b-4f2a-8e6d-1a2b3c4d5e6f\"");
    // UUID.fromString takes this; the spec's uuid format does not.
    assertThat(ScalarAdapters.parseUuid("1-2-3-4-5")).isNull();
  }

  @Test
  void readsUrisAndWritesThemBackAsSent() throws IOException {
    URI value = URIS.fromJson("\"https://example.com/builds/1?x=%20y#top\"");
    assertThat(value.getHost()).isEqualTo("example.com");
    assertThat(URIS.toJson(value)).isEqualTo("\"https://example.com/builds/1?x=%20y#top\"");
    assertThat(URIS.fromJson("null")).isNull();
  }
}
