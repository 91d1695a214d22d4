/**
 * Share a client's rate budget and its cache of stopped builds with other clients, in this process
 * or in others: implement {@link dev.cfbuilds.client.store.SharedStore} (the {@code cfbuilds-redis}
 * artifact does, on Redis) and pass it to {@code CloudflareBuildsClient.Builder.sharedStore}.
 *
 * <p>Without a shared store, each client keeps its budget and cache in its own memory (the
 * default).
 */
package dev.cfbuilds.client.store;
