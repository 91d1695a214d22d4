package dev.cfbuilds.client;

import dev.cfbuilds.generated.model.Build;
import java.util.List;
import java.util.Map;

/**
 * The newest build of each Worker asked about.
 *
 * @param builds the newest build of each Worker that has one, keyed by the Worker as given (a tag
 *     in lower case), in input order
 * @param withoutBuild the Workers that have never been built, as given, in input order
 */
public record LatestBuilds(Map<String, Build> builds, List<String> withoutBuild) {}
