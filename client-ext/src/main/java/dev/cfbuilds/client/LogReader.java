package dev.cfbuilds.client;

import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.client.internal.ReadApi;
import dev.cfbuilds.generated.model.BuildLogs;
import dev.cfbuilds.generated.model.BuildLogsResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Reads one build's log page by page, holding one page at a time, and never hands out a line twice.
 *
 * <p>It resumes from the last cursor the API gave. A page without a cursor (the API may leave it
 * out or send null) gives no new place to resume from: the next read starts again from the last
 * cursor and skips the lines of that place already handed out.
 */
final class LogReader {
  private final ReadApi api;
  private final String account;
  private final UUID build;
  private String cursor;
  private int skip;
  private boolean truncated;
  private boolean progressed;
  private String lastSent;

  LogReader(ReadApi api, String account, UUID build) {
    this.api = api;
    this.account = account;
    this.build = build;
  }

  /** Reads the next page from where the last one ended and returns its new lines. */
  List<LogLine> nextPage() {
    String sent = cursor;
    lastSent = sent;
    BuildLogsResponse body =
        api.execute(
            api.builds().getBuildLogs(account, build, sent),
            r -> ReadApi.Envelope.builds(r.getSuccess(), r.getErrors()));
    BuildLogs result = body.getResult();
    List<dev.cfbuilds.generated.model.LogLine> lines =
        result == null || result.getLines() == null ? List.of() : result.getLines();
    String next = result == null ? null : result.getCursor();
    truncated = result != null && Boolean.TRUE.equals(result.getTruncated());
    List<LogLine> out = new ArrayList<>(Math.max(0, lines.size() - skip));
    for (int i = skip; i < lines.size(); i++) {
      out.add(LogLine.of(lines.get(i)));
    }
    boolean advanced = next != null && !next.equals(sent);
    if (advanced) {
      cursor = next;
      skip = 0;
    } else {
      skip = Math.max(skip, lines.size());
    }
    progressed = advanced || !out.isEmpty();
    return out;
  }

  /** Returns whether the last page said that more lines wait ({@code truncated: true}). */
  boolean truncated() {
    return truncated;
  }

  /** Returns whether the last page moved on: a new cursor or new lines. */
  boolean progressed() {
    return progressed;
  }

  /**
   * Throws if the last page said more lines wait but moved nowhere, so that reading on would ask
   * for the same page forever.
   */
  void checkProgress() {
    if (truncated && !progressed) {
      throw new MalformedResponseException(
          "GET build "
              + build
              + " logs: the API said more lines wait (truncated: true) but gave "
              + (lastSent == null ? "no cursor" : "the cursor it was sent (\"" + lastSent + "\")")
              + " and no new lines; stopped instead of asking for the same page again",
          200,
          null);
    }
  }

  /** Returns the lines from here to the log's end, reading a page only when the last is used up. */
  Iterator<LogLine> toEnd() {
    return new Iterator<>() {
      private List<LogLine> page = List.of();
      private int next;
      private boolean ended;

      @Override
      public boolean hasNext() {
        while (next == page.size()) {
          if (ended) {
            return false;
          }
          page = nextPage();
          next = 0;
          if (!truncated) {
            ended = true;
          } else {
            checkProgress();
          }
        }
        return true;
      }

      @Override
      public LogLine next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.get(next++);
      }
    };
  }
}
