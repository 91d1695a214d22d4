package dev.cfbuilds.cli;

import java.io.PrintWriter;

/**
 * Shows {@code chunk 2/3 done} on one standard-error line that each finished request overwrites;
 * silent when the IDs fit in one request. With {@code --wait}, shows instead how many builds are
 * still running after each poll. With {@code logs --follow}, shows the build's status below the log
 * lines as they come.
 *
 * <p>The client reports from its request threads, so reports may arrive together or out of order:
 * the methods are synchronized, and a report older than the one shown is dropped.
 */
final class ProgressLine {
  /** The terminal escape that erases from the cursor to the end of the line. */
  private static final String ERASE_TO_END = "\u001b[K";

  private final PrintWriter err;
  private int shown;
  private boolean open;
  private String status;
  private boolean closed;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  /** Shows that {@code chunksDone} of {@code chunksTotal} requests have finished. */
  synchronized void onProgress(int chunksDone, int chunksTotal) {
    if (chunksTotal <= 1 || chunksDone <= shown) {
      return;
    }
    shown = chunksDone;
    err.print("\rchunk " + chunksDone + "/" + chunksTotal + " done");
    open = true;
    if (chunksDone == chunksTotal) {
      end();
    }
    err.flush();
  }

  /**
   * Shows, after each poll of {@code --wait}, how many of the {@code total} versions have a build
   * still queued, initializing or running.
   */
  synchronized void onAwaitPoll(int pending, int total) {
    err.print("\rwaiting: " + pending + " of " + total + " versions have a build still running  ");
    open = true;
    err.flush();
  }

  /**
   * Shows {@code text}, such as the status of a build whose log is followed, until replaced; log
   * lines printed between {@link #beforeOutput} and {@link #afterOutput} go above it.
   */
  synchronized void showStatus(String text) {
    if (closed) {
      return;
    }
    status = text;
    err.print("\r" + text + ERASE_TO_END);
    open = true;
    err.flush();
  }

  /** Erases the status line, so that a line printed on standard output starts clean. */
  synchronized void beforeOutput() {
    if (open) {
      err.print("\r" + ERASE_TO_END);
      err.flush();
      open = false;
    }
  }

  /** Shows the status again below what was printed since {@link #beforeOutput}. */
  synchronized void afterOutput() {
    if (status != null && !closed) {
      err.print("\r" + status + ERASE_TO_END);
      open = true;
      err.flush();
    }
  }

  /**
   * Erases the status line for good, so that the terminal is left clean, as on Ctrl-C; later
   * reports show nothing.
   */
  synchronized void close() {
    beforeOutput();
    closed = true;
  }

  /**
   * Ends the line if a request left it open (say, the next one failed), so later output starts
   * fresh.
   */
  synchronized void end() {
    if (open) {
      err.println();
      err.flush();
      open = false;
    }
  }
}
