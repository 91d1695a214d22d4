package dev.cfbuilds.drift;

/**
 * Lists what {@code cfbuilds drift} can find: the first column of every finding. The set is fixed;
 * a new kind is a breaking change of the command's output.
 */
public enum FindingKind {
  // Our spec compared with Cloudflare's published document (--official).

  /** The published document has a property our spec does not. */
  PROPERTY_ADDED("a property the published document has and our spec does not"),
  /** Our spec has a property the published document does not. */
  PROPERTY_REMOVED("a property our spec has and the published document does not"),
  /** The JSON type differs (for example {@code integer} and {@code number}). */
  TYPE_CHANGED("the JSON type differs"),
  /** The {@code format} differs (for example {@code uuid} and none). */
  FORMAT_CHANGED("the format differs"),
  /** The published document allows an enum value our spec does not list. */
  ENUM_VALUE_ADDED("an enum value the published document has and our spec does not"),
  /** Our spec lists an enum value the published document does not. */
  ENUM_VALUE_REMOVED("an enum value our spec has and the published document does not"),
  /** One side allows {@code null} and the other does not. */
  NULLABILITY_CHANGED("one side allows null, the other does not"),
  /** One side requires the property and the other does not. */
  REQUIRED_CHANGED("one side requires the property, the other does not"),
  /** A parameter was added, removed, or changed where it goes, whether required, or its schema. */
  PARAMETER_CHANGED("a parameter was added, removed or changed"),
  /** The published document has a response code our spec does not. */
  RESPONSE_ADDED("a response code the published document has and our spec does not"),
  /** Our spec has a response code the published document does not. */
  RESPONSE_REMOVED("a response code our spec has and the published document does not"),
  /** The published document has no operation at our operation's method and path. */
  OPERATION_REMOVED("an operation our spec has and the published document does not"),
  /** The published document's operation at our method and path has another {@code operationId}. */
  OPERATION_ID_CHANGED("the operation at the same method and path has another operationId"),

  // A response body checked against our spec (--payload, --live).

  /** The body has a property our spec does not describe. */
  UNKNOWN_PROPERTY("the body has a property our spec does not describe"),
  /** The body has a value outside the enum of our spec. */
  UNKNOWN_ENUM_VALUE("the body has a value outside our spec's enum"),
  /** The body has a value of another JSON type than our spec says. */
  TYPE_MISMATCH("the body has a value of another JSON type than our spec says"),
  /** The body has a string that does not match the format our spec says. */
  FORMAT_MISMATCH("the body has a string that does not match our spec's format"),
  /** The body lacks a property our spec requires. */
  MISSING_REQUIRED("the body lacks a property our spec requires"),
  /** The body breaks another rule of our spec (such as a length limit). */
  SCHEMA_MISMATCH("the body breaks another rule of our spec");

  private final String description;

  FindingKind(String description) {
    this.description = description;
  }

  /** Returns a one-line description, for help texts and documentation. */
  public String description() {
    return description;
  }
}
