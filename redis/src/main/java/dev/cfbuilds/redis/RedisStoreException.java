package dev.cfbuilds.redis;

import dev.cfbuilds.client.errors.SharedStoreException;

/**
 * Reports that Redis could not be reached in time, went away, or refused a command; the request
 * that needed it was not sent. The message names Redis and its URI, without credentials.
 */
public final class RedisStoreException extends SharedStoreException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with {@code message}, which names Redis, and its {@code cause}. */
  public RedisStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
