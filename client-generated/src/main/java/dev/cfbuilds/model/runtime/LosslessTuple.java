package dev.cfbuilds.model.runtime;

/**
 * The base of every generated tuple: a JSON array of a fixed length whose items are known by
 * position, such as a log line {@code [1796375523, "text"]}, read into one typed field per
 * position.
 *
 * <p>It keeps what it cannot type as a {@link LosslessModel} does, position by position: an item of
 * another JSON type ({@code ["text", 1796375523]}) is mismatched, its field {@code null} and its
 * {@link JsonField} holding the raw item; an explicit {@code null} item is kept as such; items past
 * the tuple's length are kept raw under their index ({@code "2"}) in {@link
 * #_additionalProperties()}. {@link #_mismatchedPaths()} names mismatched items by index ({@code
 * $[0]}) and reports every item past the length. A value that is not an array at all does not fit
 * the tuple: the list or model holding it keeps it raw, as it would for an object model.
 *
 * <p>Written back, it gives the array that was read. A tuple built with a later item but not an
 * earlier one writes {@code null} in the earlier place; absent items at the end are left out.
 */
public abstract class LosslessTuple extends LosslessModel {
  /** Creates a tuple with nothing kept. */
  protected LosslessTuple() {}
}
