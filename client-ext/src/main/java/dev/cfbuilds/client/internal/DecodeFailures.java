package dev.cfbuilds.client.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Marks every failure to decode a response body, so that it reaches the caller as a malformed
 * response rather than as a network error: Retrofit reports both through the same callback, and
 * Moshi's {@code EOFException} for a truncated body looks like a dropped connection's.
 *
 * <p>Retrofit hands a converter the body alone, and reports its failure without the response. So
 * that the failure can name the response's status, each request carries a {@link StatusSlot} (put
 * there by {@link #withStatusSlot}, through Retrofit's call factory), which the {@link
 * #statusRecorder()} interceptor fills with the status the call ends with; the caller reads it back
 * from the failed call's request with {@link #status}. The slot lives and dies with its request.
 */
final class DecodeFailures extends Converter.Factory {
  /** The status assumed when a request carries no slot: decoding is tried only on a 2xx. */
  private static final int SUCCESS = 200;

  /** Returns {@code request} with an empty {@link StatusSlot}. */
  static Request withStatusSlot(Request request) {
    return request.newBuilder().tag(StatusSlot.class, new StatusSlot()).build();
  }

  /** Returns the interceptor that notes each response's status in its request's slot. */
  static Interceptor statusRecorder() {
    return chain -> {
      Response response = chain.proceed(chain.request());
      StatusSlot slot = chain.request().tag(StatusSlot.class);
      if (slot != null) {
        slot.status = response.code();
      }
      return response;
    };
  }

  /** Returns the status the call of {@code request} ended with, or 200 if it was not noted. */
  static int status(Request request) {
    StatusSlot slot = request.tag(StatusSlot.class);
    return slot != null && slot.status != 0 ? slot.status : SUCCESS;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> converter =
        retrofit.nextResponseBodyConverter(this, type, annotations);
    return body -> {
      try {
        return converter.convert(body);
      } catch (IOException | RuntimeException e) {
        throw new DecodeFailure(e);
      }
    };
  }

  /** Where the status of a request's response is noted; one per request. */
  static final class StatusSlot {
    volatile int status;
  }

  /**
   * A body that could not be decoded; the cause is Moshi's exception, which names the JSON path.
   */
  static final class DecodeFailure extends IOException {
    private static final long serialVersionUID = 1L;

    DecodeFailure(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
