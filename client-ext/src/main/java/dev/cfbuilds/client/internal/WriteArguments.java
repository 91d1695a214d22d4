package dev.cfbuilds.client.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks the arguments of the calls that start a build, before any request. */
public final class WriteArguments {
  /** The longest branch name or trigger name accepted. */
  public static final int MAX_NAME_LENGTH = 255;

  /** A commit hash: 7 to 64 hex digits (an abbreviated or full SHA-1 or SHA-256). */
  private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,64}");

  /** Whitespace and control characters, which no branch name holds. */
  private static final Pattern NOT_IN_BRANCH = Pattern.compile("[\\s\\p{Cntrl}]");

  private WriteArguments() {}

  /**
   * Returns {@code branch} checked.
   *
   * @throws NullPointerException if it is null ({@code "branch == null"})
   * @throws IllegalArgumentException if it is empty, longer than {@value #MAX_NAME_LENGTH}
   *     characters, or holds whitespace or control characters
   */
  public static String branch(String branch) {
    Objects.requireNonNull(branch, "branch == null");
    if (branch.isEmpty()
        || branch.length() > MAX_NAME_LENGTH
        || NOT_IN_BRANCH.matcher(branch).find()) {
      throw new IllegalArgumentException(
          "branch must be 1 to "
              + MAX_NAME_LENGTH
              + " characters without whitespace or control characters: \""
              + VersionIds.printable(branch)
              + "\"");
    }
    return branch;
  }

  /**
   * Returns {@code commitHash} checked, in lower case.
   *
   * @throws NullPointerException if it is null ({@code "commitHash == null"})
   * @throws IllegalArgumentException if it is not 7 to 64 hex digits
   */
  public static String commitHash(String commitHash) {
    Objects.requireNonNull(commitHash, "commitHash == null");
    if (!COMMIT.matcher(commitHash).matches()) {
      throw new IllegalArgumentException(
          "commitHash must be 7 to 64 hex digits: \"" + VersionIds.printable(commitHash) + "\"");
    }
    return commitHash.toLowerCase(Locale.ROOT);
  }

  /**
   * Returns {@code trigger}, a trigger's name or UUID, checked.
   *
   * @throws NullPointerException if it is null ({@code "trigger == null"})
   * @throws IllegalArgumentException if it is blank, longer than {@value #MAX_NAME_LENGTH}
   *     characters, or holds control characters
   */
  public static String trigger(String trigger) {
    Objects.requireNonNull(trigger, "trigger == null");
    if (trigger.isBlank()
        || trigger.length() > MAX_NAME_LENGTH
        || trigger.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "trigger must be a trigger's name or UUID, 1 to "
              + MAX_NAME_LENGTH
              + " characters without control characters: \""
              + VersionIds.printable(trigger)
              + "\"");
    }
    return trigger;
  }

  /** Returns {@code text}, which a user or the server chose, safe for a message. */
  public static String printable(String text) {
    return VersionIds.printable(text);
  }
}
