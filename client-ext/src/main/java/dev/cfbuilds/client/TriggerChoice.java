package dev.cfbuilds.client;

import dev.cfbuilds.client.errors.TriggerChoiceException;
import dev.cfbuilds.client.internal.WriteArguments;
import dev.cfbuilds.generated.model.WorkerTrigger;
import dev.cfbuilds.model.runtime.CanonicalUuid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chooses the trigger a build starts from: the one named (by name or UUID), else the Worker's only
 * trigger, else the one whose branch filters let the branch build. Deleted triggers are left out.
 */
final class TriggerChoice {
  private TriggerChoice() {}

  /**
   * Returns the trigger of {@code triggers} to build {@code source} of {@code worker} from.
   *
   * @param trigger a trigger's name or UUID, or null to choose by the rules above
   * @throws TriggerChoiceException if none or several fit, listing the Worker's triggers
   */
  static WorkerTrigger choose(
      String worker, List<WorkerTrigger> triggers, BuildSource source, String trigger) {
    List<WorkerTrigger> active = new ArrayList<>();
    for (WorkerTrigger candidate : triggers) {
      if (candidate.getDeletedOn() == null) {
        active.add(candidate);
      }
    }
    if (trigger != null) {
      List<WorkerTrigger> named = named(active, trigger);
      if (named.size() == 1) {
        return named.get(0);
      }
      throw new TriggerChoiceException(
          (named.isEmpty() ? "no trigger of " : "more than one trigger of ")
              + worker
              + " is named \""
              + WriteArguments.printable(trigger)
              + "\""
              + listing(active),
          active);
    }
    if (active.size() == 1) {
      return active.get(0);
    }
    if (active.isEmpty()) {
      throw new TriggerChoiceException(
          worker + " has no build trigger: connect it to a repository first", active);
    }
    if (source.branch() == null) {
      throw new TriggerChoiceException(
          worker
              + " has "
              + active.size()
              + " triggers; name the one to build a commit from"
              + listing(active),
          active);
    }
    List<WorkerTrigger> matching = new ArrayList<>();
    for (WorkerTrigger candidate : active) {
      if (buildsBranch(candidate, source.branch())) {
        matching.add(candidate);
      }
    }
    if (matching.size() == 1) {
      return matching.get(0);
    }
    throw new TriggerChoiceException(
        (matching.isEmpty() ? "no trigger of " : matching.size() + " triggers of ")
            + worker
            + " build branch "
            + WriteArguments.printable(source.branch())
            + "; name the one to build from"
            + listing(active),
        active);
  }

  /**
   * Returns the triggers named {@code trigger}: by UUID, else by exact name, else ignoring case.
   */
  private static List<WorkerTrigger> named(List<WorkerTrigger> active, String trigger) {
    List<WorkerTrigger> exact = new ArrayList<>();
    List<WorkerTrigger> ignoringCase = new ArrayList<>();
    boolean uuid = CanonicalUuid.matches(trigger);
    for (WorkerTrigger candidate : active) {
      String key =
          uuid
              ? (candidate.getTriggerUuid() == null ? null : candidate.getTriggerUuid().toString())
              : candidate.getTriggerName();
      if (key == null) {
        continue;
      }
      if (key.equals(uuid ? trigger.toLowerCase(Locale.ROOT) : trigger)) {
        exact.add(candidate);
      } else if (key.equalsIgnoreCase(trigger)) {
        ignoringCase.add(candidate);
      }
    }
    return exact.isEmpty() ? ignoringCase : exact;
  }

  /**
   * Returns whether a push to {@code branch} would start a build of {@code trigger}: the branch
   * matches a pattern of its {@code branch_includes} and none of its {@code branch_excludes}.
   */
  static boolean buildsBranch(WorkerTrigger trigger, String branch) {
    return matchesAny(trigger.getBranchIncludes(), branch)
        && !matchesAny(trigger.getBranchExcludes(), branch);
  }

  private static boolean matchesAny(List<String> patterns, String branch) {
    if (patterns == null) {
      return false;
    }
    for (String pattern : patterns) {
      if (pattern != null && glob(pattern).matcher(branch).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns {@code pattern} as a regular expression: {@code *} matches any text, all else itself.
   */
  static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    String[] literals = pattern.split("\\*", -1);
    for (int i = 0; i < literals.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      if (!literals[i].isEmpty()) {
        regex.append(Pattern.quote(literals[i]));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Returns a listing of {@code triggers}, one a line, each line starting with a line break. */
  static String listing(List<WorkerTrigger> triggers) {
    StringBuilder out = new StringBuilder(triggers.isEmpty() ? "" : "; its triggers:");
    for (WorkerTrigger trigger : triggers) {
      out.append("\n  ").append(describe(trigger));
    }
    return out.toString();
  }

  /** Returns {@code "Deploy production" 7957d9af-… branches [main] excluding []}. */
  static String describe(WorkerTrigger trigger) {
    return "\""
        + WriteArguments.printable(String.valueOf(trigger.getTriggerName()))
        + "\" "
        + trigger.getTriggerUuid()
        + " branches "
        + printable(trigger.getBranchIncludes())
        + " excluding "
        + printable(trigger.getBranchExcludes());
  }

  private static String printable(List<String> patterns) {
    return patterns == null ? "[]" : WriteArguments.printable(patterns.toString());
  }
}
