package dev.cfbuilds.client.internal;

import dev.cfbuilds.client.ChunkFailure;
import dev.cfbuilds.generated.model.Build;
import java.util.List;
import java.util.Map;

/**
 * What one call found; the client turns it into a {@code BuildsLookup}.
 *
 * @param builds the merged builds, requested IDs in input order first
 * @param missing IDs that successful requests found no build for
 * @param failures the requests that failed
 * @param mismatchedProperties the JSON paths, each once, of values that did not fit their type
 */
public record FetchOutcome(
    Map<String, Build> builds,
    List<String> missing,
    List<ChunkFailure> failures,
    List<String> mismatchedProperties) {}
