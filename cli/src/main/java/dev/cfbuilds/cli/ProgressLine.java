package dev.cfbuilds.cli;

import java.io.PrintWriter;

/**
 * Shows {@code chunk 2/3 done} on one standard-error line that each finished request overwrites;
 * silent when the IDs fit in one request. With {@code --wait}, shows instead how many builds are
 * still running after each poll.
 *
 * <p>The client reports from its request threads, so reports may arrive together or out of order:
 * the methods are synchronized, and a report older than the one shown is dropped.
 */
final class ProgressLine {
  private final PrintWriter err;
  private int shown;
  private boolean open;

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
