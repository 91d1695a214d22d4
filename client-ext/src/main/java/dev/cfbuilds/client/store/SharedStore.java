package dev.cfbuilds.client.store;

/**
 * Holds a rate budget and a cache of stopped builds that several clients share, in one process or
 * in many: each client that is given the same store counts its requests in one budget and finds the
 * stopped builds the others fetched.
 *
 * <p>Implementations are thread-safe, and fail with a {@link
 * dev.cfbuilds.client.errors.SharedStoreException} naming the store when it cannot be reached,
 * within their own connect timeout: they never hang and never fall back to a budget of their own.
 * The client does not close a store it was given; whoever created it does, after the clients.
 */
public interface SharedStore extends RateBudgetStore, StoppedBuildStore {}
