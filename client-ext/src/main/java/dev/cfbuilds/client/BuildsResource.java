package dev.cfbuilds.client;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.client.errors.UnknownWorkerException;
import dev.cfbuilds.client.internal.BuildUuids;
import dev.cfbuilds.client.internal.Futures;
import dev.cfbuilds.client.internal.ReadApi;
import dev.cfbuilds.client.internal.WorkerNames;
import dev.cfbuilds.client.internal.WriteApi;
import dev.cfbuilds.generated.CollectionFormats.CSVParams;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildListResponse;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.CanceledBuild;
import dev.cfbuilds.generated.model.LatestBuildsResponse;
import dev.cfbuilds.generated.model.ResultInfo;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import retrofit2.Call;

/**
 * The Builds API's reads, in one account: a build, its log, a Worker's builds, and the latest build
 * of many Workers. Get one from {@link CloudflareBuildsClient#builds()}.
 *
 * <p>A Worker is given by name or by tag (its immutable ID, 32 hex digits). The Builds API takes
 * tags: a name is mapped to its tag through the Workers API's list of scripts, read once per
 * account for the client's life.
 *
 * <p>Every request goes through the client's rate budget and retries, and fails with the exceptions
 * of {@code dev.cfbuilds.client.errors}. Thread-safe.
 */
public final class BuildsResource {
  /** The most Worker tags the API accepts in one request for latest builds. */
  public static final int MAX_WORKERS_PER_REQUEST = 20;

  /** The largest page of a Worker's builds the API returns. */
  public static final int MAX_PER_PAGE = 200;

  /** The first wait of {@link #followLogs}, and the wait after a poll that brought lines. */
  public static final Duration FIRST_POLL_INTERVAL = Duration.ofSeconds(1);

  /** The longest wait of {@link #followLogs}: each wait is 1.5 times the last, up to this. */
  public static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(15);

  private static final Comparator<Build> OLDEST_FIRST =
      Comparator.comparing(
          Build::getCreatedOn, Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder()));

  private final CloudflareBuildsClient client;
  private final ReadApi api;
  private final WorkerNames names;
  private final String account;
  private final Sleeper sleeper;
  private final ProgressListener progress;

  BuildsResource(
      CloudflareBuildsClient client,
      ReadApi api,
      WorkerNames names,
      String account,
      Sleeper sleeper,
      ProgressListener progress) {
    this.client = client;
    this.api = api;
    this.names = names;
    this.account = account;
    this.sleeper = sleeper;
    this.progress = progress;
  }

  /**
   * Returns the build {@code buildUuid}.
   *
   * @throws IllegalArgumentException if {@code buildUuid} is not a UUID; nothing is sent
   * @throws NotFoundException if the account has no such build
   * @throws CloudflareException if the request fails
   */
  public Build get(String buildUuid) {
    UUID uuid = uuid(buildUuid);
    client.checkOpen();
    return getChecked(uuid);
  }

  private Build getChecked(UUID uuid) {
    Build build =
        api.execute(
                api.builds().getBuildByUuid(account, uuid),
                r -> ReadApi.Envelope.builds(r.getSuccess(), r.getErrors()))
            .getResult();
    if (build == null) {
      throw new MalformedResponseException(
          "GET build " + uuid + " returned no build in \"result\"", 200, null);
    }
    return build;
  }

  /**
   * Returns the log of build {@code buildUuid}, read lazily: a page is requested only when the
   * stream has handed out the last one's lines, and one page at a time is held. Pages are followed
   * while the API says {@code truncated: true}; a page that leaves {@code truncated} out ends the
   * log. No request is sent before the stream is used.
   *
   * @throws IllegalArgumentException if {@code buildUuid} is not a UUID
   * @throws dev.cfbuilds.client.errors.MalformedResponseException from the stream, if the API says
   *     more lines wait but repeats its cursor without new lines
   * @throws CloudflareException from the stream, if a request fails
   */
  public Stream<LogLine> logs(String buildUuid) {
    UUID uuid = uuid(buildUuid);
    client.checkOpen();
    LogReader reader = new LogReader(api, account, uuid);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            reader.toEnd(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Hands each line of build {@code buildUuid}'s log to {@code onLine} as it is written, once each
   * and in order, until the build stops; then reads what remains and returns the build as it ended.
   *
   * <p>While the build runs it reads on from the last cursor, even after a page that was not
   * truncated, and checks the build's status after each round: two requests a round. Between rounds
   * it waits {@link #FIRST_POLL_INTERVAL}, then each wait 1.5 times the last, up to {@link
   * #MAX_POLL_INTERVAL}; a round that brings lines sets the wait back to the first. Waits go
   * through the builder's {@link Sleeper}; requests through the rate budget. The builder's {@link
   * ProgressListener} hears {@link ProgressListener#onFollowPoll} with each status read.
   *
   * <p>Stop it by interrupting the thread (a {@link
   * dev.cfbuilds.client.errors.CloudflareIoException} is thrown, the interrupt flag kept), closing
   * the client, or throwing from {@code onLine}.
   *
   * @throws IllegalArgumentException if {@code buildUuid} is not a UUID; nothing is sent
   * @throws NotFoundException if the account has no such build
   * @throws CloudflareException if a request fails after its retries
   */
  public Build followLogs(String buildUuid, Consumer<? super LogLine> onLine) {
    UUID uuid = uuid(buildUuid);
    CloudflareBuildsClient.requireNonNull(onLine, "onLine");
    client.checkOpen();
    LogReader reader = new LogReader(api, account, uuid);
    Duration wait = FIRST_POLL_INTERVAL;
    while (true) {
      boolean gotLines = false;
      do {
        List<LogLine> page = reader.nextPage();
        page.forEach(onLine);
        gotLines |= !page.isEmpty();
      } while (reader.truncated() && reader.progressed());
      client.checkOpen();
      Build build = getChecked(uuid);
      progress.onFollowPoll(build);
      if (build.getStatus() == BuildStatus.STOPPED) {
        // Lines written between the last page and the status read come now, at least one page.
        while (true) {
          List<LogLine> page = reader.nextPage();
          page.forEach(onLine);
          if (!reader.truncated()) {
            return build;
          }
          reader.checkProgress();
        }
      }
      if (gotLines) {
        wait = FIRST_POLL_INTERVAL;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        throw ReadApi.interrupted("following the log of build " + uuid, e);
      }
      client.checkOpen();
      wait = min(Duration.ofMillis(wait.toMillis() * 3 / 2), MAX_POLL_INTERVAL);
    }
  }

  /**
   * Returns up to {@code limit} builds of {@code worker}, newest first by {@code created_on}.
   *
   * <p>The API does not document the order of its pages, so every page is read (as many as its
   * {@code result_info.total_pages}, or until a page comes back short), {@value #MAX_PER_PAGE}
   * builds a page to spend the fewest requests, and only the newest {@code limit} are kept: memory
   * holds one page and {@code limit} builds. A Worker with {@code n} builds costs {@code ceil(n /
   * 200)} requests, plus one list of scripts per client if {@code worker} is a name.
   *
   * @param worker a Worker name or tag
   * @param limit the most builds to return, at least 1
   * @throws IllegalArgumentException if {@code worker} is empty or not a name or tag, or {@code
   *     limit} is below 1; nothing is sent
   * @throws UnknownWorkerException if no Worker has that name; no Builds request is sent
   * @throws CloudflareException if a request fails
   */
  public List<Build> list(String worker, int limit) {
    String checked = WorkerNames.check(worker, "worker");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
    }
    client.checkOpen();
    String tag = names.tagOf(account, checked);
    PriorityQueue<Build> newest = new PriorityQueue<>(OLDEST_FIRST);
    Integer totalPages = null;
    for (int page = 1; ; page++) {
      BuildListResponse body = pageOf(tag, page, MAX_PER_PAGE);
      List<Build> builds = body.getResult() != null ? body.getResult() : List.of();
      for (Build build : builds) {
        if (build != null) {
          newest.add(build);
          if (newest.size() > limit) {
            newest.poll();
          }
        }
      }
      ResultInfo info = body.getResultInfo();
      if (totalPages == null && info != null) {
        totalPages = info.getTotalPages();
      }
      if (builds.size() < MAX_PER_PAGE || (totalPages != null && page >= totalPages)) {
        break;
      }
    }
    List<Build> out = new ArrayList<>(newest);
    out.sort(OLDEST_FIRST.reversed());
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns one page of {@code worker}'s builds as the API sent it, in the API's order, with its
   * {@code result_info}.
   *
   * @param page the page, from 1
   * @param perPage builds a page, 1 to {@value #MAX_PER_PAGE}
   * @throws IllegalArgumentException if an argument is out of range; nothing is sent
   */
  public BuildListResponse listPage(String worker, int page, int perPage) {
    String checked = WorkerNames.check(worker, "worker");
    if (page < 1) {
      throw new IllegalArgumentException("page must be >= 1 but was " + page);
    }
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new IllegalArgumentException(
          "perPage must be between 1 and " + MAX_PER_PAGE + " but was " + perPage);
    }
    client.checkOpen();
    return pageOf(names.tagOf(account, checked), page, perPage);
  }

  private BuildListResponse pageOf(String tag, int page, int perPage) {
    return api.execute(
        api.workers().listBuildsByScript(account, tag, page, perPage),
        r -> ReadApi.Envelope.builds(r.getSuccess(), r.getErrors()));
  }

  /**
   * Returns the newest build of each of {@code workers}: requests of at most {@value
   * #MAX_WORKERS_PER_REQUEST} tags, sent concurrently but no more at once than the client's {@code
   * maxConcurrentRequests}, results keyed by Worker as given (tags in lower case) in input order.
   * Workers that have never been built are named in {@link LatestBuilds#withoutBuild()}.
   *
   * @param workers Worker names or tags, any number; duplicates are ignored
   * @throws IllegalArgumentException if a Worker is empty or not a name or tag; nothing is sent
   * @throws UnknownWorkerException if no Worker has one of the names; no Builds request is sent
   * @throws dev.cfbuilds.client.errors.RateLimitException at once, sending nothing, while a 429's
   *     long {@code Retry-After} blocks the client
   * @throws CloudflareException if a request fails; the others are cancelled
   */
  public LatestBuilds latest(Collection<String> workers) {
    Set<String> checked = WorkerNames.checkAll(workers);
    client.checkOpen();
    Map<String, String> tagOf = new LinkedHashMap<>();
    for (String worker : checked) {
      tagOf.put(worker, names.tagOf(account, worker));
    }
    List<String> tags = List.copyOf(new LinkedHashSet<>(tagOf.values()));
    List<Call<LatestBuildsResponse>> calls = new ArrayList<>();
    for (int from = 0; from < tags.size(); from += MAX_WORKERS_PER_REQUEST) {
      List<String> chunk =
          tags.subList(from, Math.min(tags.size(), from + MAX_WORKERS_PER_REQUEST));
      calls.add(api.builds().getLatestBuildsByScripts(account, new CSVParams(chunk)));
    }
    List<LatestBuildsResponse> bodies =
        Futures.await(
            api.enqueueAll(calls, r -> ReadApi.Envelope.builds(r.getSuccess(), r.getErrors())));
    Map<String, Build> byTag = new HashMap<>();
    for (LatestBuildsResponse body : bodies) {
      if (body.getResult() != null && body.getResult().getBuilds() != null) {
        body.getResult()
            .getBuilds()
            .forEach(
                (tag, build) -> {
                  if (tag != null && build != null) {
                    byTag.putIfAbsent(tag.toLowerCase(Locale.ROOT), build);
                  }
                });
      }
    }
    Map<String, Build> builds = new LinkedHashMap<>();
    List<String> without = new ArrayList<>();
    tagOf.forEach(
        (worker, tag) -> {
          Build build = byTag.get(tag);
          if (build != null) {
            builds.put(worker, build);
          } else {
            without.add(worker);
          }
        });
    return new LatestBuilds(Collections.unmodifiableMap(builds), List.copyOf(without));
  }

  /**
   * Cancels the build {@code buildUuid}, queued or running, and returns it as cancelling left it.
   * Needs a token with the Workers CI Write permission. Not sent again after a failure that leaves
   * open whether Cloudflare acted on it (only after a 429 or a refused connection).
   *
   * @throws IllegalArgumentException if {@code buildUuid} is not a UUID; nothing is sent
   * @throws NotFoundException if the account has no such build
   * @throws dev.cfbuilds.client.errors.OutcomeUnknownException if the build may have been
   *     cancelled, but no answer says so
   * @throws dev.cfbuilds.client.errors.PermissionDeniedException if the token lacks Workers CI
   *     Write
   * @throws CloudflareException if the request fails
   */
  public CanceledBuild cancel(String buildUuid) {
    UUID uuid = uuid(buildUuid);
    client.checkOpen();
    WriteApi write = client.writeApi();
    CanceledBuild cancelled =
        write
            .send(
                write.builds().cancelBuildByUuid(account, uuid),
                r -> ReadApi.Envelope.builds(r.getSuccess(), r.getErrors()),
                "cancelled build " + uuid,
                "client.builds().get(\"" + uuid + "\")")
            .getResult();
    if (cancelled == null) {
      throw new MalformedResponseException(
          "PUT cancel of build " + uuid + " returned no build in \"result\"", 200, null);
    }
    return cancelled;
  }

  private static UUID uuid(String buildUuid) {
    return BuildUuids.check(buildUuid);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
