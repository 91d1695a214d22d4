package dev.cfbuilds.model.runtime;

/**
 * Marks a generated {@code oneOf} model: one field per alternative, of which at most one is set.
 *
 * <p>Reading picks the first alternative whose JSON type matches the value (a string, a number, an
 * object, …); a value that matches none is kept as raw JSON by the model that holds it.
 */
public interface OneOfValue {}
