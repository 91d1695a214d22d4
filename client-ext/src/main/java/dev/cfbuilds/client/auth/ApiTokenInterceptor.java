package dev.cfbuilds.client.auth;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Authenticates with a Cloudflare API token: {@code Authorization: Bearer <token>}, the preferred
 * scheme. The header is added only to requests for the configured API origin, so a redirect or a
 * shared {@code OkHttpClient} never carries the token anywhere else.
 */
public final class ApiTokenInterceptor implements Interceptor {
  private final ApiOrigin origin;
  private final String authorization;

  private ApiTokenInterceptor(ApiOrigin origin, String authorization) {
    this.origin = origin;
    this.authorization = authorization;
  }

  /**
   * Returns an interceptor that sends {@code token} to {@code apiUrl}'s scheme, host and port.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the token is blank or contains whitespace
   */
  public static ApiTokenInterceptor create(String token, HttpUrl apiUrl) {
    Credentials.checkSecret("apiToken", token);
    return new ApiTokenInterceptor(ApiOrigin.of(apiUrl), "Bearer " + token);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!origin.matches(request.url())) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header("Authorization", authorization).build());
  }

  @Override
  public String toString() {
    return "ApiTokenInterceptor{origin=" + origin + ", token=<redacted>}";
  }
}
