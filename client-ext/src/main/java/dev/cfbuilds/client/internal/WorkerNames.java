package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.UnknownWorkerException;
import dev.cfbuilds.generated.model.WorkerScript;
import dev.cfbuilds.generated.model.WorkerScriptsResponse;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * Worker references: checks a Worker given by name or by tag, and maps names to tags (and back)
 * through the Workers API's list of scripts, read once per account and kept for the client's life.
 * Thread-safe: concurrent first lookups of one account send one list request.
 */
public final class WorkerNames {
  /** A Worker's tag: its immutable ID, 32 hex digits. */
  private static final Pattern TAG = Pattern.compile("[0-9a-fA-F]{32}");

  /** Hex digits only, long enough to be a mistyped tag rather than a name. */
  private static final Pattern TAG_LIKE = Pattern.compile("[0-9a-fA-F]{24,}");

  private static final int MAX_NAME_LENGTH = 255;

  private final ReadApi api;
  private final Map<String, CompletableFuture<Scripts>> byAccount = new ConcurrentHashMap<>();

  public WorkerNames(ReadApi api) {
    this.api = api;
  }

  /**
   * Checks every one of {@code workers} as {@link #check} does, naming each as {@code workers[i]},
   * and returns them in order without repeats.
   *
   * @throws NullPointerException if {@code workers} or one of them is null
   * @throws IllegalArgumentException if one of them is not a valid name or tag
   */
  public static Set<String> checkAll(Collection<String> workers) {
    Objects.requireNonNull(workers, "workers == null");
    Set<String> checked = new LinkedHashSet<>();
    int position = 0;
    for (String worker : workers) {
      checked.add(check(worker, "workers[" + position++ + "]"));
    }
    return checked;
  }

  /**
   * Returns {@code worker} checked: a tag in lower case, or a name as given.
   *
   * @param argument the argument's name, for messages
   * @throws NullPointerException if {@code worker} is null
   * @throws IllegalArgumentException if it is empty, holds whitespace, {@code /} or control
   *     characters, or is hex digits of a tag's look but not its length
   */
  public static String check(String worker, String argument) {
    Objects.requireNonNull(worker, argument + " == null");
    if (worker.isEmpty()) {
      throw new IllegalArgumentException(
          argument + " must not be empty: give a Worker name or tag");
    }
    if (TAG.matcher(worker).matches()) {
      return worker.toLowerCase(Locale.ROOT);
    }
    if (TAG_LIKE.matcher(worker).matches()) {
      throw new IllegalArgumentException(
          argument
              + " looks like a Worker tag but has "
              + worker.length()
              + " hex digits; a tag has 32: \""
              + VersionIds.printable(worker)
              + "\"");
    }
    if (worker.length() > MAX_NAME_LENGTH
        || worker.chars().anyMatch(c -> c <= ' ' || c == '/' || c == 0x7f)) {
      throw new IllegalArgumentException(
          argument
              + " is not a Worker name (no whitespace, '/' or control characters, at most "
              + MAX_NAME_LENGTH
              + " characters): \""
              + VersionIds.printable(worker)
              + "\"");
    }
    return worker;
  }

  /** Returns whether {@code worker}, already {@link #check checked}, is a tag. */
  public static boolean isTag(String worker) {
    return TAG.matcher(worker).matches();
  }

  /**
   * Returns the tag of {@code worker} (checked): itself if it is a tag, else the tag of the Worker
   * of that name.
   *
   * @throws UnknownWorkerException if no Worker has that name
   */
  public String tagOf(String account, String worker) {
    if (isTag(worker)) {
      return worker;
    }
    String tag = scripts(account).tagByName.get(worker);
    if (tag == null) {
      throw unknown(worker);
    }
    return tag;
  }

  /**
   * Returns the name of {@code worker} (checked): itself if it is a name, else the name of the
   * Worker with that tag.
   *
   * @throws UnknownWorkerException if no Worker has that tag
   */
  public String nameOf(String account, String worker) {
    if (!isTag(worker)) {
      return worker;
    }
    String name = scripts(account).nameByTag.get(worker);
    if (name == null) {
      throw unknown(worker);
    }
    return name;
  }

  /**
   * Returns every Worker of {@code account}, name to tag (lower case), sorted by name, from the
   * same list of scripts that maps names (read once per account).
   */
  public SortedMap<String, String> tagsByName(String account) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(scripts(account).tagByName));
  }

  private static UnknownWorkerException unknown(String worker) {
    return new UnknownWorkerException(
        "no Worker named \""
            + VersionIds.printable(worker)
            + "\" in the account (GET /workers/scripts lists its Workers by name and tag)",
        worker);
  }

  /** Returns the account's Workers, reading them on the first call only. */
  private Scripts scripts(String account) {
    CompletableFuture<Scripts> mine = new CompletableFuture<>();
    CompletableFuture<Scripts> existing = byAccount.putIfAbsent(account, mine);
    if (existing == null) {
      try {
        mine.complete(fetch(account));
      } catch (RuntimeException e) {
        byAccount.remove(account, mine);
        mine.completeExceptionally(e);
        throw e;
      }
      return mine.join();
    }
    try {
      return existing.get();
    } catch (InterruptedException e) {
      throw ReadApi.interrupted("waiting for the list of Workers", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new CloudflareException("listing the account's Workers failed", e.getCause());
    }
  }

  private Scripts fetch(String account) {
    WorkerScriptsResponse body =
        api.execute(
            api.scripts().workerScriptListWorkers(account, null),
            r -> ReadApi.Envelope.workers(r.getSuccess(), r.getErrors()));
    Map<String, String> tagByName = new HashMap<>();
    Map<String, String> nameByTag = new HashMap<>();
    List<WorkerScript> result = body.getResult() != null ? body.getResult() : List.of();
    for (WorkerScript script : result) {
      if (script != null && script.getId() != null && script.getTag() != null) {
        String tag = script.getTag().toLowerCase(Locale.ROOT);
        tagByName.put(script.getId(), tag);
        nameByTag.put(tag, script.getId());
      }
    }
    return new Scripts(tagByName, nameByTag);
  }

  private record Scripts(Map<String, String> tagByName, Map<String, String> nameByTag) {}
}
