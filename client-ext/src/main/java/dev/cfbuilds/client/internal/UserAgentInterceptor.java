package dev.cfbuilds.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sends {@code User-Agent: cfbuilds-java/<version>} so Cloudflare can tell this client's traffic
 * apart.
 */
public final class UserAgentInterceptor implements Interceptor {
  /** This library's version, from the build. */
  public static final String VERSION = readVersion();

  /** The {@code User-Agent} value. */
  public static final String USER_AGENT = "cfbuilds-java/" + VERSION;

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("User-Agent", USER_AGENT).build());
  }

  private static String readVersion() {
    try (InputStream in =
        UserAgentInterceptor.class.getResourceAsStream(
            "/dev/cfbuilds/client/cfbuilds.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
