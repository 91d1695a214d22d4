package dev.cfbuilds.client;

import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.UnknownWorkerException;
import dev.cfbuilds.client.internal.Futures;
import dev.cfbuilds.client.internal.ReadApi;
import dev.cfbuilds.client.internal.WorkerNames;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.Deployment;
import dev.cfbuilds.generated.model.DeploymentVersion;
import dev.cfbuilds.generated.model.DeploymentsResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import retrofit2.Call;

/**
 * The Workers API's reads that lead to builds, in one account: a Worker's deployments, what is live
 * on it and which builds made it, and a name's tag. Get one from {@link
 * CloudflareBuildsClient#workers()}.
 *
 * <p>A Worker is given by name or by tag (32 hex digits). The deployments call takes names: a tag
 * is mapped to its name through the list of scripts, read once per account for the client's life.
 * Every request goes through the client's rate budget and retries. Thread-safe.
 */
public final class WorkersResource {
  private final CloudflareBuildsClient client;
  private final ReadApi api;
  private final WorkerNames names;
  private final String account;

  WorkersResource(CloudflareBuildsClient client, ReadApi api, WorkerNames names, String account) {
    this.client = client;
    this.api = api;
    this.names = names;
    this.account = account;
  }

  /**
   * Returns the tag of {@code worker}: itself if it is a tag, else the tag of the Worker of that
   * name, from the list of scripts (one request per account for the client's life).
   *
   * @throws IllegalArgumentException if {@code worker} is empty or not a name or tag
   * @throws UnknownWorkerException if no Worker has that name
   */
  public String resolve(String worker) {
    String checked = WorkerNames.check(worker, "worker");
    client.checkOpen();
    return names.tagOf(account, checked);
  }

  /**
   * Returns every Worker in the account, name to tag (32 hex digits, lower case), sorted by name:
   * the Workers API's list of scripts, read once per account for the client's life and shared with
   * the name lookups.
   *
   * @throws CloudflareException if the request fails
   */
  public SortedMap<String, String> list() {
    client.checkOpen();
    return names.tagsByName(account);
  }

  /**
   * Returns {@code worker}'s deployments, newest first: the first is the one serving traffic.
   *
   * @throws IllegalArgumentException if {@code worker} is empty or not a name or tag; nothing is
   *     sent
   * @throws UnknownWorkerException if {@code worker} is a tag no Worker has
   * @throws dev.cfbuilds.client.errors.NotFoundException if the Worker does not exist (the Workers
   *     API's code 10007 is in its {@code errors()})
   * @throws CloudflareException if the request fails
   */
  public List<Deployment> deployments(String worker) {
    String checked = WorkerNames.check(worker, "worker");
    client.checkOpen();
    return deploymentsOf(
        Futures.await(
            api.enqueue(call(names.nameOf(account, checked)), WorkersResource::envelope)));
  }

  /**
   * Returns what is live on {@code worker}: its newest deployment's versions, their percentages,
   * and the build of each, looked up by version ID as {@link
   * CloudflareBuildsClient#getBuildsByVersionIds} does.
   *
   * @throws IllegalArgumentException if {@code worker} is empty or not a name or tag; nothing is
   *     sent
   * @throws CloudflareException if a request fails
   */
  public LiveDeployment live(String worker) {
    return live(List.of(WorkerNames.check(worker, "worker"))).values().iterator().next();
  }

  /**
   * Returns what is live on each of {@code workers}, keyed by the Worker as given (a tag in lower
   * case), in input order: one deployments request per Worker, sent concurrently but no more at
   * once than the client's {@code maxConcurrentRequests}, then the builds of all their versions
   * together, at most {@value CloudflareBuildsClient#MAX_VERSION_IDS_PER_REQUEST} version IDs a
   * request.
   *
   * @param workers Worker names or tags, any number; duplicates are ignored
   * @throws IllegalArgumentException if a Worker is empty or not a name or tag; nothing is sent
   * @throws dev.cfbuilds.client.errors.RateLimitException at once, sending nothing, while a 429's
   *     long {@code Retry-After} blocks the client
   * @throws CloudflareException if a request fails; the others are cancelled
   */
  public Map<String, LiveDeployment> live(Collection<String> workers) {
    Set<String> checked = WorkerNames.checkAll(workers);
    client.checkOpen();
    List<String> order = new ArrayList<>(checked);
    List<Call<DeploymentsResponse>> calls = new ArrayList<>();
    for (String worker : order) {
      calls.add(call(names.nameOf(account, worker)));
    }
    List<DeploymentsResponse> bodies =
        Futures.await(api.enqueueAll(calls, WorkersResource::envelope));
    Map<String, Deployment> liveOf = new LinkedHashMap<>();
    Set<String> versionIds = new LinkedHashSet<>();
    for (int i = 0; i < order.size(); i++) {
      List<Deployment> deployments = deploymentsOf(bodies.get(i));
      Deployment live = deployments.isEmpty() ? null : deployments.get(0);
      liveOf.put(order.get(i), live);
      for (DeploymentVersion version : versionsOf(live)) {
        if (version.getVersionId() != null) {
          versionIds.add(version.getVersionId().toString().toLowerCase(Locale.ROOT));
        }
      }
    }
    Map<String, Build> builds =
        versionIds.isEmpty() ? Map.of() : client.getBuildsByVersionIds(account, versionIds);
    Map<String, LiveDeployment> out = new LinkedHashMap<>();
    liveOf.forEach(
        (worker, live) -> {
          List<LiveDeployment.Version> versions = new ArrayList<>();
          for (DeploymentVersion version : versionsOf(live)) {
            String id =
                version.getVersionId() == null
                    ? null
                    : version.getVersionId().toString().toLowerCase(Locale.ROOT);
            versions.add(
                new LiveDeployment.Version(
                    version.getVersionId(),
                    version.getPercentage(),
                    id == null ? null : builds.get(id)));
          }
          out.put(worker, new LiveDeployment(worker, live, List.copyOf(versions)));
        });
    return Collections.unmodifiableMap(out);
  }

  private Call<DeploymentsResponse> call(String name) {
    return api.deployments().workerDeploymentsListDeployments(account, name);
  }

  private static ReadApi.Envelope envelope(DeploymentsResponse body) {
    return ReadApi.Envelope.workers(body.getSuccess(), body.getErrors());
  }

  private static List<DeploymentVersion> versionsOf(Deployment deployment) {
    List<DeploymentVersion> out = new ArrayList<>();
    if (deployment != null && deployment.getVersions() != null) {
      for (DeploymentVersion version : deployment.getVersions()) {
        if (version != null) {
          out.add(version);
        }
      }
    }
    return out;
  }

  private static List<Deployment> deploymentsOf(DeploymentsResponse body) {
    List<Deployment> out = new ArrayList<>();
    if (body.getResult() != null && body.getResult().getDeployments() != null) {
      for (Deployment deployment : body.getResult().getDeployments()) {
        if (deployment != null) {
          out.add(deployment);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }
}
