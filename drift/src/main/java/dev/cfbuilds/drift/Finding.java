package dev.cfbuilds.drift;

import static java.util.Objects.requireNonNull;

/**
 * Reports one difference between our spec and what Cloudflare publishes or sends.
 *
 * <p>Holds no value from a response body but one outside an enum (an enum text, not a secret):
 * {@code detail} names JSON types, formats, enum values and property names, because environment
 * variables hold secrets.
 *
 * @param kind what differs
 * @param operation the {@code operationId} of the operation of our spec the finding is about, such
 *     as {@code getBuildsByVersionIds}
 * @param path where: a JSON path into the response body such as {@code
 *     $.result.builds.*.build_outcome} (map keys are written {@code *}, array items {@code [*]}),
 *     {@code query.version_ids} for a parameter, {@code responses.401} for a response, {@code
 *     operationId}, or the method and path of an operation the published document lacks
 * @param detail what each side says, in a few words
 */
public record Finding(FindingKind kind, String operation, String path, String detail) {
  /** Checks that no part is null. */
  public Finding {
    requireNonNull(kind, "kind");
    requireNonNull(operation, "operation");
    requireNonNull(path, "path");
    requireNonNull(detail, "detail");
  }
}
