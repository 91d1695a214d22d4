package dev.cfbuilds.drift;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flattens one schema, as swagger-parser resolved it, into what a JSON value at that place may be:
 * its JSON types, whether it may be null, its format, enum, properties and their schemas.
 *
 * <p>OpenAPI 3.0 {@code nullable} and 3.1 type arrays ({@code [string, "null"]}) both become {@link
 * #nullable}. {@code allOf} parts are merged as the specification means them, the value matching
 * every part (see {@link #mergePart}). {@code anyOf} and {@code oneOf} become the union of their
 * branches; a branch that only allows {@code null} makes the place nullable. A schema met again
 * below itself (a recursive schema) is read as "any value" there.
 */
final class SchemaView {
  private static final String NULL = "null";

  /** The JSON types allowed besides null, sorted; empty means any. */
  final Set<String> types = new TreeSet<>();

  boolean nullable;
  String format;

  /** The enum values, as text, without null; {@code null} when there is no enum. */
  Set<String> enumValues;

  final Map<String, SchemaView> properties = new LinkedHashMap<>();
  final Set<String> required = new LinkedHashSet<>();
  SchemaView items;

  /** The schema of map values ({@code additionalProperties}); {@code null} when none is given. */
  SchemaView additional;

  /**
   * Whether the schema itself says "null and nothing else" ({@code type: 'null'}, {@code enum:
   * [null]}).
   */
  private boolean declaredNullOnly;

  private SchemaView() {}

  /** Returns the view of {@code schema}; {@code null} reads as "any value". */
  static SchemaView of(Schema<?> schema) {
    return of(schema, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static SchemaView of(Schema<?> schema, Set<Schema<?>> enclosing) {
    SchemaView view = new SchemaView();
    if (schema == null || !enclosing.add(schema)) {
      return view;
    }
    try {
      view.addOwn(schema, enclosing);
      if (schema.getAllOf() != null) {
        for (Schema<?> part : schema.getAllOf()) {
          view.mergePart(of(part, enclosing));
        }
      }
      List<Schema<?>> branches = new ArrayList<>();
      // swagger-parser types these lists raw.
      if (schema.getAnyOf() != null) {
        for (Schema<?> branch : schema.getAnyOf()) {
          branches.add(branch);
        }
      }
      if (schema.getOneOf() != null) {
        for (Schema<?> branch : schema.getOneOf()) {
          branches.add(branch);
        }
      }
      if (!branches.isEmpty()) {
        view.addBranches(branches, enclosing);
      }
      return view;
    } finally {
      enclosing.remove(schema);
    }
  }

  private void addOwn(Schema<?> schema, Set<Schema<?>> enclosing) {
    if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
      types.addAll(schema.getTypes());
    } else if (schema.getType() != null) {
      types.add(schema.getType());
    }
    declaredNullOnly = types.equals(Set.of(NULL));
    if (types.remove(NULL) || Boolean.TRUE.equals(schema.getNullable())) {
      nullable = true;
    }
    format = schema.getFormat();
    if (schema.getEnum() != null) {
      enumValues = new TreeSet<>();
      for (Object value : schema.getEnum()) {
        if (value == null) {
          nullable = true;
        } else {
          enumValues.add(String.valueOf(value));
        }
      }
      declaredNullOnly |= enumValues.isEmpty() && !schema.getEnum().isEmpty();
    }
    if (schema.getProperties() != null) {
      schema
          .getProperties()
          .forEach((name, property) -> properties.put(name, of(property, enclosing)));
    }
    if (schema.getRequired() != null) {
      required.addAll(schema.getRequired());
    }
    if (schema.getItems() != null) {
      items = of(schema.getItems(), enclosing);
    }
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      additional = of(values, enclosing);
    }
  }

  /**
   * Adds an {@code allOf} part: the value must match it too. Types and enums intersect (no type or
   * no enum means any; types that share none are the part's, see below), required names join, a
   * property, the items and the map values named by both sides merge the same way, and null stays
   * allowed only if both sides allow it. A bare {@code type: object} part therefore adds nothing
   * but its type.
   */
  private void mergePart(SchemaView part) {
    nullable = (nullable || part.nullable) && allowsNull() && part.allowsNull();
    if (types.isEmpty() || (!part.types.isEmpty() && Collections.disjoint(types, part.types))) {
      // Parts that share no type contradict each other; read the later one as overriding:
      // Cloudflare's envelope says result is an object, a list operation's own part an array.
      types.clear();
      types.addAll(part.types);
    } else if (!part.types.isEmpty()) {
      types.retainAll(part.types);
    }
    if (format == null) {
      format = part.format;
    }
    if (enumValues == null) {
      enumValues = part.enumValues == null ? null : new TreeSet<>(part.enumValues);
    } else if (part.enumValues != null) {
      enumValues.retainAll(part.enumValues);
    }
    part.properties.forEach((name, property) -> properties.merge(name, property, SchemaView::both));
    required.addAll(part.required);
    items = both(items, part.items);
    additional = both(additional, part.additional);
  }

  /** Returns the view of a value that must match {@code a} and {@code b}; null is "not given". */
  private static SchemaView both(SchemaView a, SchemaView b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    a.mergePart(b);
    return a;
  }

  /**
   * Tells whether this place lets a null through: it says so, or it names no type and no enum (an
   * untyped schema constrains nothing, in 3.0 as in 3.1).
   */
  private boolean allowsNull() {
    return nullable || (types.isEmpty() && enumValues == null);
  }

  /** Adds the branches of {@code anyOf}/{@code oneOf}: the value may match any of them. */
  private void addBranches(List<Schema<?>> branches, Set<Schema<?>> enclosing) {
    Set<String> union = new TreeSet<>();
    boolean anyType = false;
    for (Schema<?> branch : branches) {
      SchemaView view = of(branch, enclosing);
      if (view.onlyNull()) {
        nullable = true;
        continue;
      }
      nullable |= view.nullable;
      if (view.types.isEmpty()) {
        anyType = true;
      }
      union.addAll(view.types);
      fillGaps(view);
      required.addAll(view.required);
      if (view.enumValues != null) {
        if (enumValues == null) {
          enumValues = new TreeSet<>();
        }
        enumValues.addAll(view.enumValues);
      }
    }
    if (anyType) {
      union.clear();
    }
    if (types.isEmpty()) {
      types.addAll(union);
    } else if (!union.isEmpty()) {
      types.retainAll(union);
    }
  }

  private void fillGaps(SchemaView other) {
    if (format == null) {
      format = other.format;
    }
    if (enumValues == null && other.enumValues != null) {
      enumValues = new TreeSet<>(other.enumValues);
    }
    other.properties.forEach(properties::putIfAbsent);
    if (items == null) {
      items = other.items;
    }
    if (additional == null) {
      additional = other.additional;
    }
  }

  /** Tells whether this place allows {@code null} and nothing else ({@code type: 'null'}). */
  private boolean onlyNull() {
    return declaredNullOnly
        && types.isEmpty()
        && format == null
        && (enumValues == null || enumValues.isEmpty())
        && properties.isEmpty()
        && items == null
        && additional == null;
  }

  /** Returns the JSON types in a few words: {@code string (date-time)}, {@code integer or null}. */
  String describe() {
    String described = types.isEmpty() ? "any" : String.join(" or ", types);
    if (format != null) {
      described += " (" + format + ")";
    }
    return nullable ? described + " or null" : described;
  }
}
