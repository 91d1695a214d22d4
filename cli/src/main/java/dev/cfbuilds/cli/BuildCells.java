package dev.cfbuilds.cli;

import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildTriggerMetadata;
import dev.cfbuilds.model.runtime.JsonField;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Reads the values the table and CSV show out of a {@link Build}; every method returns {@code null}
 * for a value the build does not have.
 */
final class BuildCells {
  /** Length of the abbreviated commit hash in the table, as {@code git log --oneline} prints it. */
  static final int SHORT_COMMIT_LENGTH = 7;

  private BuildCells() {}

  static String outcome(Build build) {
    return text(build._buildOutcome());
  }

  static String status(Build build) {
    return text(build._status());
  }

  static String branch(Build build) {
    BuildTriggerMetadata metadata = build.getBuildTriggerMetadata();
    return metadata == null ? null : metadata.getBranch();
  }

  static String commit(Build build) {
    BuildTriggerMetadata metadata = build.getBuildTriggerMetadata();
    return metadata == null ? null : metadata.getCommitHash();
  }

  static String shortCommit(Build build) {
    String commit = commit(build);
    return commit == null || commit.length() <= SHORT_COMMIT_LENGTH
        ? commit
        : commit.substring(0, SHORT_COMMIT_LENGTH);
  }

  /**
   * Returns {@code branch@commit} with the commit abbreviated, such as {@code main@1a2b3c4}; a
   * missing part shows {@code ?}, and a build with neither gives {@code null}.
   */
  static String branchAtCommit(Build build) {
    String branch = branch(build);
    String commit = shortCommit(build);
    if (branch == null && commit == null) {
      return null;
    }
    return (branch == null ? "?" : branch) + "@" + (commit == null ? "?" : commit);
  }

  static String author(Build build) {
    BuildTriggerMetadata metadata = build.getBuildTriggerMetadata();
    return metadata == null ? null : metadata.getAuthor();
  }

  /** Returns the build's UUID as text, or {@code null}. */
  static String uuid(Build build) {
    return build.getBuildUuid() == null ? null : build.getBuildUuid().toString();
  }

  /**
   * Returns how long before {@code now} the build was created, in its largest unit, such as {@code
   * 45s}, {@code 12m}, {@code 5h} or {@code 3d}; {@code 0s} for a time in the future.
   */
  static String age(Build build, Instant now) {
    OffsetDateTime created = build.getCreatedOn();
    if (created == null) {
      return null;
    }
    long seconds = Math.max(0, Duration.between(created.toInstant(), now).toSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds / 60 + "m";
    }
    if (seconds < 86_400) {
      return seconds / 3600 + "h";
    }
    return seconds / 86_400 + "d";
  }

  static String triggerSource(Build build) {
    BuildTriggerMetadata metadata = build.getBuildTriggerMetadata();
    return metadata == null ? null : text(metadata._buildTriggerSource());
  }

  /**
   * Returns the text of an enum property: the constant's wire value, or for a value this version
   * does not know ({@code UNKNOWN}) the text the API sent.
   */
  private static String text(JsonField<? extends Enum<?>> field) {
    if (!field.isKnown()) {
      return null;
    }
    return field.rawJson().orElse(field.known().get()).toString();
  }

  /** Returns {@code created_on} as the API gave it, offset and fraction included. */
  static String createdOn(Build build) {
    OffsetDateTime created = build.getCreatedOn();
    return created == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created);
  }

  /** Returns {@code created_on} in UTC to the second, such as {@code 2019-12-27T18:11:19Z}. */
  static String createdOnUtc(Build build) {
    OffsetDateTime created = build.getCreatedOn();
    return created == null
        ? null
        : DateTimeFormatter.ISO_INSTANT.format(created.toInstant().truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Returns {@code stopped_on - running_on}, or {@code null} when either is missing or it is
   * negative.
   */
  static Duration duration(Build build) {
    if (build.getRunningOn() == null || build.getStoppedOn() == null) {
      return null;
    }
    Duration duration = Duration.between(build.getRunningOn(), build.getStoppedOn());
    return duration.isNegative() ? null : duration;
  }

  /** Returns the duration for people, such as {@code 45s}, {@code 2m 05s} or {@code 1h 02m 03s}. */
  static String durationText(Build build) {
    Duration duration = duration(build);
    if (duration == null) {
      return null;
    }
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format("%dm %02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh %02dm %02ds", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** Returns the duration in whole seconds, for machines. */
  static String durationSeconds(Build build) {
    Duration duration = duration(build);
    return duration == null ? null : Long.toString(duration.toSeconds());
  }
}
