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
 * @param path where: a JSON path into the response body such as {@code
 *     $.result.builds.*.build_outcome} (map keys are written {@code *}, array items {@code [*]}),
 *     {@code query.version_ids} for a parameter, or {@code responses.401} for a response
 * @param detail what each side says, in a few words
 */
public record Finding(FindingKind kind, String path, String detail) {
  /** Checks that no part is null. */
  public Finding {
    requireNonNull(kind, "kind");
    requireNonNull(path, "path");
    requireNonNull(detail, "detail");
  }
}
