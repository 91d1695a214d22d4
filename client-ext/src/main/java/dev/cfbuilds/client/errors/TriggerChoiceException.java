package dev.cfbuilds.client.errors;

import dev.cfbuilds.generated.model.WorkerTrigger;
import java.util.List;

/**
 * Reports that no one trigger of a Worker could be chosen to build from: no trigger has the name or
 * UUID given, or none was given and the Worker's triggers leave the choice open. No build was
 * started. The message lists the Worker's triggers, which {@link #triggers()} returns.
 */
public final class TriggerChoiceException extends CloudflareException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // The models are not serializable; this exception rarely is.
  private final List<WorkerTrigger> triggers;

  /** Creates an exception with {@code message} about the Worker's {@code triggers}. */
  public TriggerChoiceException(String message, List<WorkerTrigger> triggers) {
    super(message);
    this.triggers = List.copyOf(triggers);
  }

  /** Returns the Worker's triggers that were open to choose from. */
  public List<WorkerTrigger> triggers() {
    return triggers;
  }
}
