package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Guards the hand-written date-time parsing that the decoding benchmark (benchmarks/) led to: for
 * every input, {@code ApiWiring.moshi()} and the check of date-time text must decide exactly as
 * {@link OffsetDateTime#parse} does.
 */
class DateTimeFastPathTest {
  private static final JsonAdapter<OffsetDateTime> ADAPTER =
      ApiWiring.moshi().adapter(OffsetDateTime.class);

  @Test
  void decodesLikeOffsetDateTimeParseOnEdgeCases() throws IOException {
    List<String> inputs =
        List.of(
            "2019-12-27T18:11:19.117Z",
            "2019-12-27T18:11:19Z",
            "2019-12-27T18:11:19.1Z",
            "2019-12-27T18:11:19.123456789Z",
            "2019-12-27T18:11:19.1234567891Z",
            "2019-12-27T18:11:19.Z",
            "2019-12-27T18:11:19+05:30",
            "2019-12-27T18:11:19.5-08:00",
            "2019-12-27T18:11:19-00:00",
            "2019-12-27T18:11:19+18:00",
            "2019-12-27T18:11:19+18:01",
            "2019-12-27T18:11:19+05:60",
            "2019-12-27T18:11:19+05:30:15",
            "2019-12-27T18:11Z",
            "2019-12-27t18:11:19Z",
            "2019-12-27T18:11:19z",
            "2019-02-29T00:00:00Z",
            "2020-02-29T00:00:00Z",
            "2019-12-27T24:00:00Z",
            "2019-12-27T23:59:60Z",
            "2019-13-01T00:00:00Z",
            "2019-12-27T18:11:19",
            "2019-12-27 18:11:19Z",
            "+12019-12-27T18:11:19Z",
            "0000-01-01T00:00:00Z",
            "2019-12-27T18:11:19.117Zx",
            "2019-12-27T18:11:19.117+0530",
            "２019-12-27T18:11:19Z",
            "2019-12-27T18:11:1９Z",
            "");
    for (String input : inputs) {
      assertDecidesLikeParse(input);
    }
  }

  @Test
  void decodesLikeOffsetDateTimeParseOnRandomValues() throws IOException {
    Random random = new Random(42);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text =
          new StringBuilder(
              String.format(
                  "%04d-%02d-%02dT%02d:%02d:%02d",
                  random.nextInt(10_000),
                  random.nextInt(14),
                  random.nextInt(33),
                  random.nextInt(26),
                  random.nextInt(61),
                  random.nextInt(62)));
      int fraction = random.nextInt(11) - 1;
      if (fraction >= 0) {
        text.append('.');
        for (int d = 0; d < fraction; d++) {
          text.append(random.nextInt(10));
        }
      }
      int offset = random.nextInt(3);
      if (offset == 0) {
        text.append('Z');
      } else {
        text.append(offset == 1 ? '+' : '-')
            .append(String.format("%02d:%02d", random.nextInt(20), random.nextInt(61)));
      }
      assertDecidesLikeParse(text.toString());
    }
  }

  /** Decoding, and the check the models keep date-time text by, agree with the JDK's parser. */
  private static void assertDecidesLikeParse(String input) throws IOException {
    Object expected = expected(input);
    assertThat(decode(input)).as(input).isEqualTo(expected);
    assertThat(TextValues.validator("date-time").test(input))
        .as(input)
        .isEqualTo(!"rejected".equals(expected));
  }

  private static Object decode(String text) throws IOException {
    try {
      return ADAPTER.fromJson("\"" + text + "\"");
    } catch (JsonDataException rejected) {
      return "rejected";
    }
  }

  private static Object expected(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException rejected) {
      return "rejected";
    }
  }
}
