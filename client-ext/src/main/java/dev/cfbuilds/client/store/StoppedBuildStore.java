package dev.cfbuilds.client.store;

import dev.cfbuilds.generated.model.Build;

/**
 * Keeps builds whose status is {@code stopped}, which never change again, for every client that
 * uses this store. Keys are the account ID and the lower-case version ID. An implementation may
 * forget a build (after a time to live, or beyond a size); the client then fetches it again.
 */
public interface StoppedBuildStore {
  /**
   * Returns the stopped build of {@code versionId} in {@code accountId}, or {@code null} if none is
   * kept.
   *
   * @throws dev.cfbuilds.client.errors.SharedStoreException if the store cannot be reached
   */
  Build get(String accountId, String versionId);

  /**
   * Keeps {@code build}, whose status is {@code stopped}, as the build of {@code versionId} in
   * {@code accountId}.
   *
   * @throws dev.cfbuilds.client.errors.SharedStoreException if the store cannot be reached
   */
  void put(String accountId, String versionId, Build build);
}
