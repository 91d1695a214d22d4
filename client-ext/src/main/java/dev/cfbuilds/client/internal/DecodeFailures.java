package dev.cfbuilds.client.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Marks every failure to decode a response body, so that it reaches the caller as a malformed
 * response rather than as a network error: Retrofit reports both through the same callback, and
 * Moshi's {@code EOFException} for a truncated body looks like a dropped connection's.
 */
final class DecodeFailures extends Converter.Factory {
  private final Converter.Factory delegate;

  DecodeFailures(Converter.Factory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> converter =
        delegate.responseBodyConverter(type, annotations, retrofit);
    if (converter == null) {
      return null;
    }
    return body -> {
      try {
        return converter.convert(body);
      } catch (IOException | RuntimeException e) {
        throw new DecodeFailure(e);
      }
    };
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    return delegate.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
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
