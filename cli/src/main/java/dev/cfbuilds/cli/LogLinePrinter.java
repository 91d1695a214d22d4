package dev.cfbuilds.cli;

import com.squareup.moshi.JsonWriter;
import dev.cfbuilds.client.LogLine;
import dev.cfbuilds.generated.model.LogLineItem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okio.Buffer;

/**
 * Prints a build's log lines, one output line each, as they arrive, flushing after each.
 *
 * <ul>
 *   <li>{@code table}: the time in ISO-8601 (UTC, to the millisecond, such as {@code
 *       2026-12-07T02:13:31.120Z}), a space, the message. A line without a readable time shows
 *       {@code -}; a line of unexpected shape shows its raw items.
 *   <li>{@code csv}: a {@code time,message} header before the first line, then one RFC 4180 row per
 *       line.
 *   <li>{@code json}: one JSON object per line (NDJSON) with {@code time} (ISO-8601 or {@code
 *       null}), {@code timestamp} (the number as the API sent it, or {@code null}) and {@code
 *       message}; a line of unexpected shape also has {@code raw}, its items as the API sent them.
 * </ul>
 */
final class LogLinePrinter {
  /** The time column: fixed width, so that messages line up. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  private static final String NO_TIME = "-";

  private final PrintWriter out;
  private final OutputFormat format;
  private boolean headerPrinted;

  LogLinePrinter(PrintWriter out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  /** Prints {@code line} in the format and flushes. */
  void print(LogLine line) {
    switch (format) {
      case TABLE -> out.println(timeText(line.time(), NO_TIME) + " " + text(line));
      case CSV -> {
        if (!headerPrinted) {
          out.println("time,message");
          headerPrinted = true;
        }
        out.println(OutputFormat.csvRow(timeText(line.time(), ""), text(line)));
      }
      case JSON -> out.println(json(line));
    }
    out.flush();
  }

  private static String timeText(Instant time, String absent) {
    return time == null ? absent : TIME.format(time);
  }

  /** Returns the message, or for a line of unexpected shape its raw items. */
  private static String text(LogLine line) {
    if (line.wellFormed()) {
      return line.message();
    }
    return "<log line of unexpected shape: " + rawJson(line) + ">";
  }

  private static String json(LogLine line) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writer.beginObject();
      writer.name("time").value(line.time() == null ? null : TIME.format(line.time()));
      writer.name("timestamp").value(line.timestamp());
      writer.name("message").value(line.message());
      if (!line.wellFormed()) {
        writer.name("raw");
        writeRaw(writer, line);
      }
      writer.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static String rawJson(LogLine line) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writeRaw(writer, line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void writeRaw(JsonWriter writer, LogLine line) throws IOException {
    writer.beginArray();
    for (LogLineItem item : line.raw()) {
      if (item == null) {
        writer.nullValue();
      } else if (item.getBigDecimal() != null) {
        writer.value(item.getBigDecimal());
      } else {
        writer.value(item.getString());
      }
    }
    writer.endArray();
  }
}
