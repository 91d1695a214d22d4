package dev.cfbuilds.client.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Marks every failure to decode a response body, so that it reaches the caller as a malformed
 * response rather than as a network error: Retrofit reports both through the same callback, and
 * Moshi's {@code EOFException} for a truncated body looks like a dropped connection's.
 *
 * <p>Retrofit hands a converter the body alone. To name the response's status in the failure, the
 * {@link #statusRecorder()} interceptor notes each final status on the thread that ran the call;
 * OkHttp decodes on that same thread, for {@code execute()} and {@code enqueue()} alike.
 */
final class DecodeFailures extends Converter.Factory {
  private static final ThreadLocal<Integer> STATUS = new ThreadLocal<>();

  /** Returns the interceptor, to be the client's first, that notes the status a decode reads. */
  static Interceptor statusRecorder() {
    return chain -> {
      Response response = chain.proceed(chain.request());
      STATUS.set(response.code());
      return response;
    };
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
        Integer status = STATUS.get();
        throw new DecodeFailure(status != null ? status : 200, e);
      }
    };
  }

  /**
   * A body that could not be decoded; the cause is Moshi's exception, which names the JSON path.
   */
  static final class DecodeFailure extends IOException {
    private static final long serialVersionUID = 1L;

    /** The status of the response whose body this is. */
    final int status;

    DecodeFailure(int status, Throwable cause) {
      super(cause.getMessage(), cause);
      this.status = status;
    }
  }
}
