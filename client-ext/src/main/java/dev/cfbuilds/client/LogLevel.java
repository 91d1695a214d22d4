package dev.cfbuilds.client;

/**
 * How much of each HTTP exchange the client logs. Credentials never appear: the {@code
 * Authorization}, {@code X-Auth-Email} and {@code X-Auth-Key} headers are always redacted.
 */
public enum LogLevel {
  /** Logs nothing, the default. */
  NONE,
  /** Logs request and response lines. */
  BASIC,
  /** Logs request and response lines and headers. */
  HEADERS,
  /** Logs lines, headers and bodies; bodies can hold your builds' environment variables. */
  BODY
}
