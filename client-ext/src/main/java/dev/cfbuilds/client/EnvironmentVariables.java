package dev.cfbuilds.client;

/** The environment variables the client reads, named as Cloudflare's own tools name them. */
public final class EnvironmentVariables {
  /** An API token; preferred over the email and key. */
  public static final String API_TOKEN = "CLOUDFLARE_API_TOKEN";

  /** The account email that goes with {@link #API_KEY}. */
  public static final String EMAIL = "CLOUDFLARE_EMAIL";

  /** A Global API key, with {@link #EMAIL}. */
  public static final String API_KEY = "CLOUDFLARE_API_KEY";

  /** The default account identifier. */
  public static final String ACCOUNT_ID = "CLOUDFLARE_ACCOUNT_ID";

  /** The API root, for a proxy or a local stub. */
  public static final String BASE_URL = "CLOUDFLARE_BASE_URL";

  private EnvironmentVariables() {}
}
