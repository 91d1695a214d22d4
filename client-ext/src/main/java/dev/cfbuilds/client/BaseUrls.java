package dev.cfbuilds.client;

import java.net.InetAddress;
import okhttp3.HttpUrl;

/** Checks the API root before anything is sent to it. */
final class BaseUrls {
  private BaseUrls() {}

  /**
   * Returns {@code baseUrl} parsed, with a final {@code /}.
   *
   * @throws IllegalArgumentException if it is not an http(s) URL, is plain {@code http} to a host
   *     that is not loopback, or holds a user name, password, query or fragment
   */
  static HttpUrl parse(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      // Not echoed: a value that does not parse may be a credential given to the wrong setter or
      // variable, or a URL with a password in it.
      throw new IllegalArgumentException(
          "baseUrl is not an http or https URL; its value is not shown, in case it is a credential");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new IllegalArgumentException("baseUrl must not hold a user name or password");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl must not have a query or fragment: " + url.redact());
    }
    if (!url.isHttps() && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "baseUrl must use https (plain http is allowed only to a"
              + " loopback host such as 127.0.0.1): "
              + url);
    }
    return url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
  }

  private static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    boolean ipLiteral =
        host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    if (!ipLiteral) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
