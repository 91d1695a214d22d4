package dev.cfbuilds.model.runtime;

/** A value that did not fit its type: the raw JSON to write back, and what the type could hold. */
final class Mismatch {
  final Object typed;
  final Object raw;

  Mismatch(Object typed, Object raw) {
    this.typed = typed;
    this.raw = raw;
  }
}
