package dev.cfbuilds.client.auth;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The scheme, host and port that credentials may be sent to.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host name or address
 * @param port the port, explicit or the scheme's default
 */
record ApiOrigin(String scheme, String host, int port) {
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
