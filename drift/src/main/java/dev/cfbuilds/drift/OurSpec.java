package dev.cfbuilds.drift;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads our spec from the {@code cfbuilds-spec} jar, and lists its operations. */
public final class OurSpec {
  /**
   * The operation whose bodies {@code --payload} checks unless told otherwise, and the one {@code
   * --live} calls: the builds of Worker versions.
   */
  public static final String DEFAULT_OPERATION = "getBuildsByVersionIds";

  /** Where the {@code cfbuilds-spec} jar keeps our spec. */
  static final String RESOURCE = "/dev/cfbuilds/spec/cloudflare-builds.openapi.yaml";

  private OurSpec() {}

  /** Returns our spec's operations, in document order. */
  public static List<SpecOperation> operations() {
    return List.copyOf(SpecOperation.all(OfficialDrift.parse(yaml(), "our spec")).keySet());
  }

  /**
   * Returns our spec's operation {@code operationId}.
   *
   * @throws DriftInputException if our spec has no such operation; the message lists those it has
   */
  public static SpecOperation operation(String operationId) {
    return find(operations(), operationId);
  }

  /** Returns the operation {@code operationId} of {@code operations}, or says which there are. */
  static SpecOperation find(List<SpecOperation> operations, String operationId) {
    for (SpecOperation operation : operations) {
      if (operation.operationId().equals(operationId)) {
        return operation;
      }
    }
    throw new DriftInputException(
        "our spec has no operation "
            + operationId
            + "; it has "
            + String.join(", ", operations.stream().map(SpecOperation::operationId).toList()));
  }

  /** Returns our spec's YAML text. */
  public static String yaml() {
    try (InputStream in = OurSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the cfbuilds-spec jar is not on the classpath: no " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
