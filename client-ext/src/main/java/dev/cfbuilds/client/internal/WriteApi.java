package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.errors.InternalServerException;
import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.client.errors.OutcomeUnknownException;
import dev.cfbuilds.client.errors.PermissionDeniedException;
import dev.cfbuilds.client.errors.UnexpectedStatusCodeException;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.api.TriggersApi;
import java.io.IOException;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * The requests that change something: start a build, cancel one. They go through the engine's
 * {@code OkHttpClient} like the reads (one rate budget, authentication), where {@link
 * RetryInterceptor} repeats them only when Cloudflare surely did nothing. A failure that leaves the
 * outcome open becomes an {@link OutcomeUnknownException} that says how to check; a 403 says which
 * permission the token lacks.
 */
public final class WriteApi {
  private final ReadApi read;
  private final TriggersApi triggers;

  private WriteApi(ReadApi read, Retrofit retrofit) {
    this.read = read;
    this.triggers = retrofit.create(TriggersApi.class);
  }

  /** Returns the write API of {@code service}, whose responses {@code read} checks. */
  public static WriteApi of(BuildsService service, ReadApi read) {
    return new WriteApi(read, service.retrofit());
  }

  /** Returns the call that starts a build from a trigger. */
  public TriggersApi triggers() {
    return triggers;
  }

  /** Returns the Builds API's calls, the one that cancels a build among them. */
  public BuildsApi builds() {
    return read.builds();
  }

  /**
   * Sends {@code call} once (again only after a 429 or a refused connection) and returns its
   * checked body.
   *
   * @param effect what the request may have done, for a message: {@code "started a build of
   *     checkout-api (branch main)"}
   * @param check how to find out whether it did: {@code "cfbuilds list checkout-api"}
   * @throws OutcomeUnknownException if the request may have been acted on but no answer says so: an
   *     I/O error once it was written, a 5xx or 408, or a 2xx whose body cannot be read
   * @throws PermissionDeniedException for a 403, its message ending with {@link
   *     PermissionDeniedException#WRITE_TOKEN_HINT}
   * @throws CloudflareException for any other failure, as {@link ReadApi#execute} throws them
   */
  public <T> T send(
      Call<T> call, Function<T, ReadApi.Envelope> envelope, String effect, String check) {
    try {
      return read.execute(call, envelope);
    } catch (CloudflareIoException e) {
      if (e.getCause() instanceof IOException
          && RetryInterceptor.isNotSent((IOException) e.getCause())) {
        throw e;
      }
      throw unknown(effect, check, e);
    } catch (InternalServerException | MalformedResponseException e) {
      // A 2xx whose body cannot be read most likely did what was asked; the caller cannot tell.
      throw unknown(effect, check, e);
    } catch (UnexpectedStatusCodeException e) {
      if (e.statusCode() == 408) {
        throw unknown(effect, check, e);
      }
      throw e;
    } catch (PermissionDeniedException e) {
      throw new PermissionDeniedException(
          e.getMessage() + "\n" + PermissionDeniedException.WRITE_TOKEN_HINT,
          e.statusCode(),
          e.errors(),
          e.headers());
    }
  }

  private static OutcomeUnknownException unknown(String effect, String check, Exception cause) {
    return new OutcomeUnknownException(
        cause.getMessage()
            + "\nThe request may have "
            + effect
            + ". It was not sent again, since a second request could do it twice. Check with "
            + check
            + " before trying again.",
        cause);
  }
}
