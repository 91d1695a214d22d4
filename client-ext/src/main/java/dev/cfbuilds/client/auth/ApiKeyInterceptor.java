package dev.cfbuilds.client.auth;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Authenticates with the legacy pair {@code X-Auth-Email} and {@code X-Auth-Key} (a Global API
 * key). Prefer {@link ApiTokenInterceptor}: a token can be limited to the Workers CI permissions.
 * The headers are added only to requests for the configured API origin.
 */
public final class ApiKeyInterceptor implements Interceptor {
  private final ApiOrigin origin;
  private final String email;
  private final String key;

  private ApiKeyInterceptor(ApiOrigin origin, String email, String key) {
    this.origin = origin;
    this.email = email;
    this.key = key;
  }

  /**
   * Returns an interceptor that sends {@code email} and {@code globalApiKey} to {@code apiUrl}'s
   * scheme, host and port.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the email has no {@code @} or either value is blank or
   *     contains whitespace
   */
  public static ApiKeyInterceptor create(String email, String globalApiKey, HttpUrl apiUrl) {
    Credentials.checkSecret("email", email);
    if (email.indexOf('@') < 1) {
      throw new IllegalArgumentException("email must be an email address (name@domain)");
    }
    Credentials.checkSecret("apiKey", globalApiKey);
    return new ApiKeyInterceptor(ApiOrigin.of(apiUrl), email, globalApiKey);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!origin.matches(request.url())) {
      return chain.proceed(request);
    }
    return chain.proceed(
        request.newBuilder().header("X-Auth-Email", email).header("X-Auth-Key", key).build());
  }

  @Override
  public String toString() {
    return "ApiKeyInterceptor{origin=" + origin + ", email=<redacted>, key=<redacted>}";
  }
}
