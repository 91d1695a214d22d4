package dev.cfbuilds.drift;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names one operation of an OpenAPI document: its {@code operationId}, HTTP method and path
 * template.
 *
 * @param operationId the operation's {@code operationId}, or {@code ""} when it has none
 * @param method the HTTP method, upper case: {@code GET}
 * @param path the path template as the document writes it: {@code
 *     /accounts/{account_id}/builds/builds}
 */
public record SpecOperation(String operationId, String method, String path) {
  /** Checks that no part is null. */
  public SpecOperation {
    requireNonNull(operationId, "operationId");
    requireNonNull(method, "method");
    requireNonNull(path, "path");
  }

  /** Returns the method and path: {@code GET /accounts/{account_id}/builds/builds}. */
  public String endpoint() {
    return method + " " + path;
  }

  /** Tells whether {@code other} has the same method and path, parameter names aside. */
  boolean sameEndpoint(SpecOperation other) {
    return method.equals(other.method)
        && OperationExtract.template(path).equals(OperationExtract.template(other.path));
  }

  /**
   * Returns every operation of {@code api}, in document order, each with its path item's parameters
   * merged into its own (see {@link OfficialDrift}).
   */
  static Map<SpecOperation, Operation> all(OpenAPI api) {
    Map<SpecOperation, Operation> operations = new LinkedHashMap<>();
    if (api.getPaths() == null) {
      return operations;
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          String id = operation.getOperationId();
                          operations.put(
                              new SpecOperation(
                                  id == null ? "" : id,
                                  method.name().toUpperCase(Locale.ROOT),
                                  path),
                              withPathParameters(item, operation));
                        }));
    return operations;
  }

  private static Operation withPathParameters(PathItem item, Operation operation) {
    operation.setParameters(OfficialDrift.mergedParameters(item, operation));
    return operation;
  }
}
