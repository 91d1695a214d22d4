package dev.cfbuilds.client.auth;

import java.util.Objects;
import okhttp3.HttpUrl;

/** The scheme, host and port that credentials may be sent to. */
final class ApiOrigin {
  private final String scheme;
  private final String host;
  private final int port;

  private ApiOrigin(String scheme, String host, int port) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
  }

  static ApiOrigin of(HttpUrl url) {
    Objects.requireNonNull(url, "apiUrl == null");
    return new ApiOrigin(url.scheme(), url.host(), url.port());
  }

  boolean matches(HttpUrl url) {
    return url.port() == port && url.scheme().equals(scheme) && url.host().equals(host);
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
