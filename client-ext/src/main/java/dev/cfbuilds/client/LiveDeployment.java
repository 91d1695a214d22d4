package dev.cfbuilds.client;

import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.Deployment;
import java.util.List;
import java.util.UUID;

/**
 * What a Worker serves now: its newest deployment, and each of that deployment's versions with its
 * share of traffic and the build that produced it.
 *
 * @param worker the Worker as given
 * @param deployment the deployment serving traffic, or null if the Worker has none
 * @param versions the deployment's versions in the API's order (empty without a deployment)
 */
public record LiveDeployment(String worker, Deployment deployment, List<Version> versions) {
  /**
   * One version of a live deployment.
   *
   * @param versionId the version's ID
   * @param percentage its share of traffic, 0 to 100, or null if the API sent none
   * @param build the build that produced it, or null if it was not built by Workers Builds (an
   *     upload from a laptop, say)
   */
  public record Version(UUID versionId, Double percentage, Build build) {}
}
