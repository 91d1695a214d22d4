package dev.cfbuilds.client;

import dev.cfbuilds.client.internal.WriteArguments;
import java.util.Objects;

/**
 * What a started build builds: the head of a branch, or one commit. Immutable; make one with {@link
 * #branch} or {@link #commit}, which check their argument before any request.
 */
public final class BuildSource {
  private final String branch;
  private final String commitHash;

  private BuildSource(String branch, String commitHash) {
    this.branch = branch;
    this.commitHash = commitHash;
  }

  /**
   * Returns the head of {@code branch}.
   *
   * @throws NullPointerException if {@code branch} is null ({@code "branch == null"})
   * @throws IllegalArgumentException if it is empty, longer than 255 characters, or holds
   *     whitespace or control characters
   */
  public static BuildSource branch(String branch) {
    return new BuildSource(WriteArguments.branch(branch), null);
  }

  /**
   * Returns the commit {@code commitHash}, in lower case.
   *
   * @throws NullPointerException if {@code commitHash} is null ({@code "commitHash == null"})
   * @throws IllegalArgumentException if it is not 7 to 64 hex digits
   */
  public static BuildSource commit(String commitHash) {
    return new BuildSource(null, WriteArguments.commitHash(commitHash));
  }

  /** Returns the branch, or null for a commit. */
  public String branch() {
    return branch;
  }

  /** Returns the commit hash, or null for a branch. */
  public String commitHash() {
    return commitHash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BuildSource
        && Objects.equals(branch, ((BuildSource) o).branch)
        && Objects.equals(commitHash, ((BuildSource) o).commitHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(branch, commitHash);
  }

  /** Returns {@code branch main} or {@code commit 1f7a0c92…}, as messages name it. */
  @Override
  public String toString() {
    return branch != null ? "branch " + branch : "commit " + commitHash;
  }
}
