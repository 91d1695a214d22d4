package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.BuildsLookup;
import dev.cfbuilds.client.ChunkFailure;
import dev.cfbuilds.client.ProgressListener;
import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.generated.CollectionFormats.CSVParams;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * One call for many version IDs: one request per chunk of IDs, at most the limiter's number in
 * flight, results merged in input order. Cancelling the returned future cancels the requests.
 */
final class FanOut {
  private final BuildsApi api;
  private final ResponseMapper mapper;
  private final ConcurrencyLimiter limiter;
  private final ProgressListener progress;
  private final String accountId;
  private final List<String> versionIds;
  private final BuildsService.OnFailure onFailure;
  private final List<Chunk> chunks = new ArrayList<>();
  private final CompletableFuture<BuildsLookup> future = new CompletableFuture<>();
  private int done;
  private boolean finished;

  FanOut(
      BuildsApi api,
      ResponseMapper mapper,
      ConcurrencyLimiter limiter,
      ProgressListener progress,
      String accountId,
      List<String> versionIds,
      int chunkSize,
      BuildsService.OnFailure onFailure) {
    this.api = api;
    this.mapper = mapper;
    this.limiter = limiter;
    this.progress = progress;
    this.accountId = accountId;
    this.versionIds = versionIds;
    this.onFailure = onFailure;
    for (List<String> ids : VersionIds.partition(versionIds, chunkSize)) {
      chunks.add(new Chunk(ids));
    }
  }

  /**
   * Starts the requests. When the caller {@link BuildsService.Caller#BLOCKS blocks}, a call of one
   * request whose place in the limiter is free runs on the calling thread, which waits anyway: this
   * skips the hand-off to an OkHttp thread and back, most of a single request's cost on loopback.
   */
  CompletableFuture<BuildsLookup> start(BuildsService.Caller caller) {
    if (chunks.isEmpty()) {
      future.complete(BuildsLookup.of(Map.of(), List.of(), List.of(), List.of()));
      return future;
    }
    Futures.onCancel(future, this::cancelAll);
    if (caller == BuildsService.Caller.BLOCKS && chunks.size() == 1 && limiter.tryAcquire()) {
      chunks.get(0).runOnCaller();
      return future;
    }
    for (Chunk chunk : chunks) {
      limiter.submit(chunk);
    }
    return future;
  }

  /**
   * Records a chunk's end and frees its place in the limiter. When it fails a fail-fast call, the
   * call's waiting chunks are withdrawn first, so that the freed place does not start one of them.
   */
  private void finish(
      Chunk chunk,
      Map<String, Build> builds,
      List<String> mismatches,
      CloudflareException failure) {
    int doneNow = 0;
    boolean alreadyFinished;
    boolean failNow = false;
    boolean completeNow = false;
    synchronized (this) {
      alreadyFinished = finished;
      if (!finished) {
        chunk.builds = builds;
        chunk.mismatches = mismatches;
        chunk.failure = failure;
        doneNow = ++done;
        if (failure != null && onFailure == BuildsService.OnFailure.FAIL_CALL) {
          finished = true;
          failNow = true;
        } else if (done == chunks.size()) {
          finished = true;
          completeNow = true;
        }
      }
    }
    if (failNow) {
      cancelAll();
    }
    limiter.release();
    if (alreadyFinished) {
      return;
    }
    try {
      progress.onRequestDone(doneNow, chunks.size());
    } finally {
      if (failNow) {
        future.completeExceptionally(failure);
      } else if (completeNow) {
        future.complete(merge());
      }
    }
  }

  private void cancelAll() {
    List<Call<?>> calls = new ArrayList<>();
    synchronized (this) {
      finished = true;
      for (Chunk chunk : chunks) {
        if (chunk.call != null) {
          calls.add(chunk.call);
        }
      }
    }
    for (Chunk chunk : chunks) {
      limiter.withdraw(chunk);
    }
    for (Call<?> call : calls) {
      call.cancel();
    }
  }

  /**
   * Merges the chunks' builds: requested IDs in input order, then anything else the API returned.
   */
  private BuildsLookup merge() {
    Map<String, Build> returned = new LinkedHashMap<>();
    List<ChunkFailure> failures = new ArrayList<>();
    List<String> answered = new ArrayList<>();
    Set<String> mismatches = new LinkedHashSet<>();
    for (Chunk chunk : chunks) {
      if (chunk.failure != null) {
        failures.add(new ChunkFailure(chunk.versionIds, chunk.failure));
        continue;
      }
      answered.addAll(chunk.versionIds);
      mismatches.addAll(chunk.mismatches);
      chunk.builds.forEach(
          (key, build) -> {
            if (key != null && build != null) {
              returned.putIfAbsent(key.toLowerCase(Locale.ROOT), build);
            }
          });
    }
    Map<String, Build> builds = new LinkedHashMap<>();
    for (String id : versionIds) {
      Build build = returned.remove(id);
      if (build != null) {
        builds.put(id, build);
      }
    }
    builds.putAll(returned);
    List<String> missing = new ArrayList<>();
    for (String id : answered) {
      if (!builds.containsKey(id)) {
        missing.add(id);
      }
    }
    return BuildsLookup.of(builds, missing, failures, List.copyOf(mismatches));
  }

  /** The request for one chunk of IDs; run by the limiter when its turn comes. */
  private final class Chunk implements Runnable, Callback<BuildsByVersionIdsResponse> {
    final List<String> versionIds;
    Call<BuildsByVersionIdsResponse> call;
    Map<String, Build> builds;
    List<String> mismatches;
    CloudflareException failure;

    Chunk(List<String> versionIds) {
      this.versionIds = versionIds;
    }

    @Override
    public void run() {
      Call<BuildsByVersionIdsResponse> started = newCall();
      if (started == null) {
        limiter.release();
        return;
      }
      started.enqueue(this);
    }

    /** Runs the request on this thread; its place in the limiter is already taken. */
    void runOnCaller() {
      Call<BuildsByVersionIdsResponse> started = newCall();
      if (started == null) {
        limiter.release();
        return;
      }
      Response<BuildsByVersionIdsResponse> response;
      try {
        response = started.execute();
      } catch (IOException | RuntimeException e) {
        onFailure(started, e);
        return;
      }
      onResponse(started, response);
    }

    /** Returns this chunk's call, or null if the whole call has already finished. */
    private Call<BuildsByVersionIdsResponse> newCall() {
      synchronized (FanOut.this) {
        if (finished) {
          return null;
        }
        call = api.getBuildsByVersionIds(accountId, new CSVParams(versionIds));
        return call;
      }
    }

    @Override
    public void onResponse(
        Call<BuildsByVersionIdsResponse> call, Response<BuildsByVersionIdsResponse> response) {
      Map<String, Build> found;
      List<String> mismatches;
      try {
        found = mapper.builds(call.request(), response);
        mismatches = response.body()._mismatchedPaths();
      } catch (CloudflareException e) {
        finish(this, null, null, e);
        return;
      } catch (RuntimeException e) {
        finish(this, null, null, mapper.failure(call.request(), e));
        return;
      }
      finish(this, found, mismatches, null);
    }

    @Override
    public void onFailure(Call<BuildsByVersionIdsResponse> call, Throwable t) {
      finish(this, null, null, mapper.failure(call.request(), t));
    }
  }
}
