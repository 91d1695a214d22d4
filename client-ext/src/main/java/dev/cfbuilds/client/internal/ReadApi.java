package dev.cfbuilds.client.internal;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.errors.CloudflareServiceException;
import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.client.errors.RateLimitException;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.api.WorkerDeploymentsApi;
import dev.cfbuilds.generated.api.WorkerScriptApi;
import dev.cfbuilds.generated.api.WorkersApi;
import dev.cfbuilds.generated.model.ApiError;
import dev.cfbuilds.generated.model.WorkersMessage;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * The read API's requests: the generated Retrofit interfaces on the engine's {@link OkHttpClient}
 * (so every request gets its rate budget, retries and authentication), and one way to turn a
 * response into its body or the typed exception users see, for the Builds API's and the Workers
 * API's envelopes alike.
 */
public final class ReadApi {
  private static final JsonAdapter<WorkersMessage> WORKERS_MESSAGE =
      ApiWiring.moshi().adapter(WorkersMessage.class);
  private static final JsonAdapter<ApiError> API_ERROR = ApiWiring.moshi().adapter(ApiError.class);

  private final BuildsApi builds;
  private final WorkersApi workers;
  private final WorkerDeploymentsApi deployments;
  private final WorkerScriptApi scripts;
  private final ResponseMapper mapper;
  private final BuildsService service;

  private ReadApi(BuildsService service, Clock clock) {
    this.service = service;
    Retrofit retrofit = service.retrofit();
    this.builds = retrofit.create(BuildsApi.class);
    this.workers = retrofit.create(WorkersApi.class);
    this.deployments = retrofit.create(WorkerDeploymentsApi.class);
    this.scripts = retrofit.create(WorkerScriptApi.class);
    this.mapper = new ResponseMapper(clock);
  }

  /**
   * Returns the read API of {@code service}, on its one HTTP stack; responses dated by {@code
   * clock}.
   */
  public static ReadApi of(BuildsService service, Clock clock) {
    return new ReadApi(service, clock);
  }

  /** Returns the Builds API's build and log calls. */
  public BuildsApi builds() {
    return builds;
  }

  /** Returns the Builds API's per-Worker calls (list builds by tag). */
  public WorkersApi workers() {
    return workers;
  }

  /** Returns the Workers API's deployments call. */
  public WorkerDeploymentsApi deployments() {
    return deployments;
  }

  /** Returns the Workers API's list of scripts. */
  public WorkerScriptApi scripts() {
    return scripts;
  }

  /**
   * Sends {@code call} on this thread and returns its checked body.
   *
   * @param envelope reads the body's {@code success} and {@code errors}
   * @throws CloudflareException for an error status, {@code "success": false}, a body that is not
   *     the envelope, or an I/O failure (an interrupt included)
   */
  public <T> T execute(Call<T> call, Function<T, Envelope> envelope) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException | RuntimeException e) {
      throw mapper.failure(call.request(), e);
    }
    return check(call, response, envelope);
  }

  /** Sends {@code call} on OkHttp's threads; the future completes as {@link #execute} returns. */
  public <T> CompletableFuture<T> enqueue(Call<T> call, Function<T, Envelope> envelope) {
    CompletableFuture<T> future = new CompletableFuture<>();
    future.whenComplete(
        (body, failure) -> {
          if (future.isCancelled()) {
            call.cancel();
          }
        });
    call.enqueue(
        new Callback<T>() {
          @Override
          public void onResponse(Call<T> done, Response<T> response) {
            try {
              future.complete(check(done, response, envelope));
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          }

          @Override
          public void onFailure(Call<T> done, Throwable t) {
            future.completeExceptionally(mapper.failure(done.request(), t));
          }
        });
    return future;
  }

  /**
   * Sends every one of {@code calls} as {@link #enqueue} does, but as a call of many requests:
   * through the client's limiter, so that no more than its {@code maxConcurrentRequests} are in
   * flight across all its calls, waiting ones starting in order as places free; failing at once,
   * with nothing sent, while a 429 blocks the client (as {@code getBuildsByVersionIds} does). The
   * future completes with the bodies in the order of {@code calls}, or fails as the first request
   * that fails, which cancels the others; cancelling it cancels them all.
   */
  public <T> CompletableFuture<List<T>> enqueueAll(
      List<Call<T>> calls, Function<T, Envelope> envelope) {
    RateLimitException blocked = calls.isEmpty() ? null : service.blocked();
    if (blocked != null) {
      return CompletableFuture.failedFuture(blocked);
    }
    ConcurrencyLimiter limiter = service.limiter();
    List<CompletableFuture<T>> requests = new ArrayList<>(calls.size());
    for (Call<T> call : calls) {
      CompletableFuture<T> request = new CompletableFuture<>();
      Runnable start =
          () -> {
            if (request.isDone()) {
              limiter.release();
              return;
            }
            enqueue(call, envelope)
                .whenComplete(
                    (body, failure) -> {
                      // Completed first: a failure withdraws the requests still waiting (through
                      // allOrFirstFailure) before this place can go to one of them, as in FanOut.
                      if (failure != null) {
                        request.completeExceptionally(failure);
                      } else {
                        request.complete(body);
                      }
                      limiter.release();
                    });
          };
      request.whenComplete(
          (body, failure) -> {
            if (request.isCancelled()) {
              limiter.withdraw(start);
              call.cancel();
            }
          });
      requests.add(request);
      limiter.submit(start);
    }
    return Futures.map(
        allOrFirstFailure(requests),
        done -> requests.stream().map(CompletableFuture::join).toList());
  }

  private <T> T check(Call<T> call, Response<T> response, Function<T, Envelope> envelope) {
    if (!response.isSuccessful()) {
      throw mapper.serviceException(call.request(), response);
    }
    String request = ResponseMapper.describe(call.request());
    T body = response.body();
    if (body == null) {
      throw new MalformedResponseException(
          request + " returned " + response.code() + " with an empty body", response.code(), null);
    }
    Envelope read;
    try {
      read = envelope.apply(body);
    } catch (RuntimeException e) {
      throw mapper.failure(call.request(), e);
    }
    if (read.success() == null) {
      throw new MalformedResponseException(
          request
              + " returned a body that is not the expected JSON: required value 'success' missing"
              + " or not a boolean at path $",
          response.code(),
          null);
    }
    if (!read.success()) {
      throw new CloudflareServiceException(
          request
              + " returned "
              + response.code()
              + " with \"success\": false"
              + ResponseMapper.errorSummary(read.errors()),
          response.code(),
          read.errors(),
          response.headers().toMultimap());
    }
    return body;
  }

  /**
   * Returns a future that completes when every one of {@code requests} has, or fails as the first
   * that fails, which cancels the others; cancelling it cancels them all.
   */
  public static <T> CompletableFuture<Void> allOrFirstFailure(List<CompletableFuture<T>> requests) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicInteger left = new AtomicInteger(requests.size());
    for (CompletableFuture<T> request : requests) {
      request.whenComplete(
          (body, failure) -> {
            if (failure != null) {
              done.completeExceptionally(failure);
            } else if (left.decrementAndGet() == 0) {
              done.complete(null);
            }
          });
    }
    done.whenComplete(
        (ok, failure) -> {
          if (failure != null) {
            requests.forEach(request -> request.cancel(true));
          }
        });
    if (requests.isEmpty()) {
      done.complete(null);
    }
    return done;
  }

  /** Returns the exception a caller sees when interrupted while waiting between requests. */
  public static CloudflareIoException interrupted(String what, InterruptedException e) {
    Thread.currentThread().interrupt();
    InterruptedIOException cause = new InterruptedIOException("interrupted while " + what);
    cause.initCause(e);
    return new CloudflareIoException(what, cause);
  }

  /**
   * What every envelope carries, read from a body.
   *
   * @param success the body's {@code success}, or null if it is absent or not a boolean
   * @param errors the body's {@code errors}, never null
   */
  public record Envelope(Boolean success, List<ApiError> errors) {
    /** Reads the Builds API's envelope. */
    public static Envelope builds(Boolean success, List<ApiError> errors) {
      List<ApiError> out = new ArrayList<>();
      if (errors != null) {
        for (ApiError error : errors) {
          if (error != null) {
            out.add(error);
          }
        }
      }
      return new Envelope(success, out);
    }

    /**
     * Reads the Workers API's envelope: its errors carry a {@code documentation_url} and a {@code
     * source} beside the code and message; they are kept on each {@link ApiError} as additional
     * properties.
     */
    public static Envelope workers(Boolean success, List<WorkersMessage> errors) {
      List<ApiError> out = new ArrayList<>();
      if (errors != null) {
        for (WorkersMessage error : errors) {
          if (error != null) {
            out.add(API_ERROR.fromJsonValue(WORKERS_MESSAGE.toJsonValue(error)));
          }
        }
      }
      return new Envelope(success, out);
    }
  }
}
