package dev.cfbuilds.cli;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.client.LiveDeployment;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.Deployment;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints what {@code cfbuilds status} found, in each of the output formats. */
final class StatusOutput {
  /** How many characters of a UUID the table shows, as {@code git} abbreviates hashes. */
  static final int SHORT_ID_LENGTH = 8;

  /** Builds and deployments as the API sent them, nested in plain maps and lists. */
  static final JsonAdapter<Object> JSON =
      ApiWiring.moshi().adapter(Object.class).serializeNulls().indent("  ");

  private static final String ABSENT = "-";

  /**
   * What {@code status WORKER} shows of one Worker.
   *
   * @param tag the Worker's tag
   * @param live what is live on it
   * @param newer its latest build, if it is newer than what is live, else null
   */
  record Live(String tag, LiveDeployment live, Build newer) {}

  private StatusOutput() {}

  /** Prints the latest build of each Worker ({@code null} for one never built), by name. */
  static void everyWorker(
      Map<String, Build> latest,
      Map<String, String> tags,
      OutputFormat format,
      Instant now,
      PrintWriter out) {
    switch (format) {
      case TABLE -> {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("WORKER", "STATUS", "OUTCOME", "BRANCH@COMMIT", "AGE"));
        latest.forEach(
            (name, build) ->
                rows.add(
                    build == null
                        ? List.of(name, "never built", ABSENT, ABSENT, ABSENT)
                        : List.of(
                            name,
                            or(BuildCells.status(build), ABSENT),
                            or(BuildCells.outcome(build), ABSENT),
                            or(BuildCells.branchAtCommit(build), ABSENT),
                            or(BuildCells.age(build, now), ABSENT))));
        TextTable.print(rows, out, "");
      }
      case CSV -> {
        out.println("worker,tag,build_uuid,status,build_outcome,branch,commit_hash,created_on");
        latest.forEach(
            (name, build) ->
                csvRow(
                    out,
                    name,
                    tags.get(name),
                    build == null ? null : BuildCells.uuid(build),
                    build == null ? null : BuildCells.status(build),
                    build == null ? null : BuildCells.outcome(build),
                    build == null ? null : BuildCells.branch(build),
                    build == null ? null : BuildCells.commit(build),
                    build == null ? null : BuildCells.createdOn(build)));
      }
      case JSON -> out.println(JSON.toJson(new LinkedHashMap<String, Object>(latest)));
    }
    out.flush();
  }

  /** Prints what is live on each Worker, by name, in the order asked. */
  static void live(Map<String, Live> workers, OutputFormat format, Instant now, PrintWriter out) {
    switch (format) {
      case TABLE -> workers.forEach((name, live) -> liveTable(name, live, now, out));
      case CSV -> {
        out.println(
            "worker,row,percentage,version_id,build_uuid,status,build_outcome,branch,commit_hash,"
                + "author,created_on,deployment_id,deployment_message");
        workers.forEach((name, live) -> liveCsv(name, live, out));
      }
      case JSON -> {
        Map<String, Object> json = new LinkedHashMap<>();
        workers.forEach((name, live) -> json.put(name, liveJson(live)));
        out.println(JSON.toJson(json));
      }
    }
    out.flush();
  }

  private static void liveTable(String name, Live shown, Instant now, PrintWriter out) {
    Deployment deployment = shown.live().deployment();
    if (deployment == null) {
      out.println(name + "  no deployment");
    } else {
      StringBuilder head = new StringBuilder(name).append("  deployed ");
      head.append(
          deployment.getCreatedOn() == null
              ? ABSENT
              : DateTimeFormatter.ISO_INSTANT.format(
                  deployment.getCreatedOn().toInstant().truncatedTo(ChronoUnit.SECONDS)));
      String message = message(deployment);
      if (message != null) {
        head.append("  \"").append(VersionIdInput.printable(message)).append('"');
      }
      out.println(head);
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "TRAFFIC", "VERSION", "BUILD", "STATUS", "OUTCOME", "BRANCH@COMMIT", "AUTHOR", "AGE"));
    for (LiveDeployment.Version version : shown.live().versions()) {
      String share =
          version.percentage() == null ? ABSENT : percentText(version.percentage()) + "%";
      String id = version.versionId() == null ? null : version.versionId().toString();
      rows.add(buildRow(share, shortId(id), version.build(), now));
    }
    if (shown.newer() != null) {
      rows.add(buildRow("newer", ABSENT, shown.newer(), now));
    }
    if (rows.size() > 1) {
      TextTable.print(rows, out, "  ");
    }
  }

  private static List<String> buildRow(String first, String version, Build build, Instant now) {
    if (build == null) {
      // An upload from outside Workers Builds, such as wrangler on a laptop.
      return List.of(first, version, "none", ABSENT, ABSENT, ABSENT, ABSENT, ABSENT);
    }
    return List.of(
        first,
        version,
        shortId(BuildCells.uuid(build)),
        or(BuildCells.status(build), ABSENT),
        or(BuildCells.outcome(build), ABSENT),
        or(BuildCells.branchAtCommit(build), ABSENT),
        or(BuildCells.author(build), ABSENT),
        or(BuildCells.age(build, now), ABSENT));
  }

  private static void liveCsv(String name, Live shown, PrintWriter out) {
    Deployment deployment = shown.live().deployment();
    String deploymentId =
        deployment == null || deployment.getId() == null ? null : deployment.getId().toString();
    String message = deployment == null ? null : message(deployment);
    for (LiveDeployment.Version version : shown.live().versions()) {
      csvBuildRow(
          out,
          name,
          "live",
          version.percentage() == null ? null : percentText(version.percentage()),
          version.versionId() == null ? null : version.versionId().toString(),
          version.build(),
          deploymentId,
          message);
    }
    if (shown.newer() != null) {
      csvBuildRow(out, name, "newer", null, null, shown.newer(), deploymentId, message);
    }
  }

  private static void csvBuildRow(
      PrintWriter out,
      String name,
      String row,
      String percentage,
      String versionId,
      Build build,
      String deploymentId,
      String message) {
    csvRow(
        out,
        name,
        row,
        percentage,
        versionId,
        build == null ? null : BuildCells.uuid(build),
        build == null ? null : BuildCells.status(build),
        build == null ? null : BuildCells.outcome(build),
        build == null ? null : BuildCells.branch(build),
        build == null ? null : BuildCells.commit(build),
        build == null ? null : BuildCells.author(build),
        build == null ? null : BuildCells.createdOn(build),
        deploymentId,
        message);
  }

  private static Map<String, Object> liveJson(Live shown) {
    List<Object> versions = new ArrayList<>();
    for (LiveDeployment.Version version : shown.live().versions()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("version_id", version.versionId() == null ? null : version.versionId().toString());
      entry.put("percentage", version.percentage());
      entry.put("build", version.build());
      versions.add(entry);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tag", shown.tag());
    json.put("deployment", shown.live().deployment());
    json.put("versions", versions);
    json.put("newer_build", shown.newer());
    return json;
  }

  private static String message(Deployment deployment) {
    return deployment.getAnnotations() == null
        ? null
        : deployment.getAnnotations().getWorkersMessage();
  }

  /** Returns {@code 90} for 90.0 and {@code 12.5} for 12.5. */
  private static String percentText(double percentage) {
    return percentage == Math.rint(percentage)
        ? Long.toString((long) percentage)
        : Double.toString(percentage);
  }

  static String shortId(String id) {
    if (id == null) {
      return ABSENT;
    }
    return id.length() <= SHORT_ID_LENGTH ? id : id.substring(0, SHORT_ID_LENGTH);
  }

  private static String or(String value, String absent) {
    return value == null ? absent : value;
  }

  private static void csvRow(PrintWriter out, String... cells) {
    out.println(OutputFormat.csvRow(cells));
  }
}
