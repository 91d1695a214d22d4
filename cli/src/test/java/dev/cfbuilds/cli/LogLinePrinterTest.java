package dev.cfbuilds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfbuilds.client.LogLine;
import dev.cfbuilds.generated.model.LogLineItem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLinePrinterTest {
  /** 2026-12-07T02:13:31.120Z, as the API sends it: seconds with a fraction. */
  private static final BigDecimal SECONDS = new BigDecimal("1796609611.12");

  private static final Instant TIME = Instant.parse("2026-12-07T02:13:31.120Z");

  private static LogLine line(BigDecimal timestamp, String message) {
    return new LogLine(
        timestamp,
        TIME,
        message,
        true,
        List.of(LogLineItem.ofBigDecimal(timestamp), LogLineItem.ofString(message)));
  }

  /** A line of three items: a number, a string and a null. */
  private static LogLine oddLine() {
    return new LogLine(
        SECONDS,
        TIME,
        "extra",
        false,
        Arrays.asList(LogLineItem.ofBigDecimal(SECONDS), LogLineItem.ofString("extra"), null));
  }

  private static String printed(OutputFormat format, LogLine... lines) {
    StringWriter text = new StringWriter();
    LogLinePrinter printer = new LogLinePrinter(new PrintWriter(text), format);
    for (LogLine line : lines) {
      printer.print(line);
    }
    return text.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void printsTimeThenMessageForTable() {
    assertThat(printed(OutputFormat.TABLE, line(SECONDS, "Cloning repository..."), oddLine()))
        .isEqualTo(
            "2026-12-07T02:13:31.120Z Cloning repository...\n"
                + "2026-12-07T02:13:31.120Z <log line of unexpected shape: "
                + "[1796609611.12,\"extra\",null]>\n");
  }

  @Test
  void printsDashForALineWithoutTime() {
    LogLine noTime = new LogLine(null, null, "late", false, List.of(LogLineItem.ofString("late")));
    assertThat(printed(OutputFormat.TABLE, noTime))
        .isEqualTo("- <log line of unexpected shape: [\"late\"]>\n");
  }

  @Test
  void printsOneHeaderThenQuotedCsvRows() {
    assertThat(
            printed(
                OutputFormat.CSV,
                line(SECONDS, "npm run build"),
                line(SECONDS, "error: \"x\", then y")))
        .isEqualTo(
            "time,message\n"
                + "2026-12-07T02:13:31.120Z,npm run build\n"
                + "2026-12-07T02:13:31.120Z,\"error: \"\"x\"\", then y\"\n");
  }

  @Test
  void printsOneJsonObjectPerLineKeepingTheTimestampAsSent() {
    assertThat(printed(OutputFormat.JSON, line(SECONDS, "say \"hi\"\nbye"), oddLine()))
        .isEqualTo(
            "{\"time\":\"2026-12-07T02:13:31.120Z\",\"timestamp\":1796609611.12,"
                + "\"message\":\"say \\\"hi\\\"\\nbye\"}\n"
                + "{\"time\":\"2026-12-07T02:13:31.120Z\",\"timestamp\":1796609611.12,"
                + "\"message\":\"extra\",\"raw\":[1796609611.12,\"extra\",null]}\n");
  }

  @Test
  void writesNullsInJsonForALineWithoutTimeOrMessage() {
    LogLine empty = new LogLine(null, null, null, false, List.of());
    assertThat(printed(OutputFormat.JSON, empty))
        .isEqualTo("{\"time\":null,\"timestamp\":null,\"message\":null,\"raw\":[]}\n");
  }
}
