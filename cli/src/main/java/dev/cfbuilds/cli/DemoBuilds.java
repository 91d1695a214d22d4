package dev.cfbuilds.cli;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.BuildTriggerSource;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Makes up the demo API's builds: the spec's sample build, varied deterministically by version ID.
 *
 * <p>The same version ID always gets the same build (outcome, status, branch, commit, trigger and
 * times), on every machine: the variation comes from a {@link Random} seeded with the ID's bits,
 * whose sequence {@code java.util.Random} specifies.
 */
final class DemoBuilds {
  /** Made-up version IDs starting with this have no build. */
  static final String NO_BUILD_PREFIX = "00000000";

  private static final String SAMPLE =
      "/dev/cfbuilds/spec/examples/get-builds-by-version-ids.200.json";
  private static final String SAMPLE_KEY = "foo";
  private static final List<String> BRANCHES =
      List.of("main", "main", "main", "staging", "feature/search", "fix/cache-headers");
  private static final int MINUTES_IN_30_DAYS = 30 * 24 * 60;
  private static final int EVERY_NTH_MADE_UP_ID_HAS_NO_BUILD = 15;
  private static final int DAYS_BACK = 31;

  /**
   * By this many milliseconds after the stub first saw it, every {@link #progressed} build has
   * stopped.
   */
  static final long MAX_LIFE_MILLIS = 200 + 600 + 300 + 700 + 800 + 2000;

  private static final JsonAdapter<Build> BUILD_ADAPTER = ApiWiring.moshi().adapter(Build.class);
  private static final String TEMPLATE = BUILD_ADAPTER.toJson(readSampleBuild());

  private DemoBuilds() {}

  /** Returns whether the demo API has a build for {@code versionId}. */
  static boolean hasBuild(String versionId) {
    return !versionId.startsWith(NO_BUILD_PREFIX);
  }

  /**
   * Returns the demo build of {@code versionId}, a UUID, dated within 30 days of the spec's sample
   * build; a fresh object each call.
   */
  static Build forVersion(String versionId) {
    return forVersion(versionId, null);
  }

  /**
   * Returns the demo build of {@code versionId}, a UUID, created one to 31 days before {@code now}
   * ({@code null}: within 30 days of the spec's sample build); a fresh object each call. Everything
   * but the dates is the same for any {@code now}.
   */
  static Build forVersion(String versionId, Instant now) {
    UUID uuid = UUID.fromString(versionId);
    Random random = new Random(uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits());
    Build template = template();
    Build.Builder build = template.toBuilder();

    String branch = BRANCHES.get(random.nextInt(BRANCHES.size()));
    BuildTriggerSource source =
        branch.equals("main")
            ? (random.nextInt(4) == 0 ? BuildTriggerSource.MANUAL : BuildTriggerSource.PUSH)
            : BuildTriggerSource.PULL_REQUEST;
    build.buildTriggerMetadata(
        template.getBuildTriggerMetadata().toBuilder()
            .branch(branch)
            .commitHash(hex(random, 40))
            .buildTriggerSource(source)
            .build());
    build.buildUuid(
        UUID.nameUUIDFromBytes(("build of " + versionId).getBytes(StandardCharsets.UTF_8)));

    OffsetDateTime base =
        now == null
            ? template.getCreatedOn()
            : now.minus(Duration.ofDays(DAYS_BACK)).atOffset(ZoneOffset.UTC);
    OffsetDateTime created = base.plusMinutes(random.nextInt(MINUTES_IN_30_DAYS));
    OffsetDateTime initializing = created.plusSeconds(1 + random.nextInt(5));
    OffsetDateTime running = initializing.plusSeconds(3 + random.nextInt(12));
    OffsetDateTime stopped = running.plusSeconds(20 + random.nextInt(220));
    build.createdOn(created).initializingOn(initializing).runningOn(running);

    int kind = random.nextInt(10);
    if (kind == 9) {
      build.status(BuildStatus.RUNNING).buildOutcome(null).stoppedOn(null).modifiedOn(running);
    } else {
      BuildOutcome outcome =
          kind < 6 ? BuildOutcome.SUCCESS : kind < 8 ? BuildOutcome.FAIL : BuildOutcome.CANCELLED;
      build
          .status(BuildStatus.STOPPED)
          .buildOutcome(outcome)
          .stoppedOn(stopped)
          .modifiedOn(stopped);
    }

    if (source == BuildTriggerSource.PULL_REQUEST) {
      build.pullRequest(
          template.getPullRequest().toBuilder()
              .createdOn(created.minusMinutes(5 + random.nextInt(120)))
              .pullRequestUrl(
                  URI.create(
                      "https://github.com/cloudflare/workers-sdk/pull/"
                          + (100 + random.nextInt(900))))
              .build());
    } else {
      build.pullRequest(null);
    }
    return build.build();
  }

  /**
   * Returns {@code count} made-up version IDs, the same on every run; every 15th, starting with the
   * 8th, starts with {@value #NO_BUILD_PREFIX} and so has no build.
   */
  static List<String> madeUpVersionIds(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id =
          UUID.nameUUIDFromBytes(("cfbuilds demo version " + i).getBytes(StandardCharsets.UTF_8))
              .toString();
      if (i % EVERY_NTH_MADE_UP_ID_HAS_NO_BUILD == 7) {
        id = NO_BUILD_PREFIX + id.substring(NO_BUILD_PREFIX.length());
      }
      ids.add(id);
    }
    return ids;
  }

  /**
   * Returns the demo build of {@code versionId} as it stands {@code millis} after the stub was
   * first asked about it: queued, initializing, running, then stopped with its outcome (a build
   * that {@link #forVersion} shows running succeeds). Each stage lasts a fraction of a second to a
   * few seconds, the same on every run, and every build has stopped by {@value #MAX_LIFE_MILLIS}
   * ms.
   */
  static Build progressed(String versionId, long millis) {
    return progressed(versionId, millis, null);
  }

  /** Returns {@link #progressed(String, long)}'s build, dated as {@link #forVersion} dates it. */
  static Build progressed(String versionId, long millis, Instant now) {
    Build shown = forVersion(versionId, now);
    Build.Builder build = shown.toBuilder();
    UUID uuid = UUID.fromString(versionId);
    Random random = new Random(~(uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits()));
    long queued = 200 + random.nextInt(600);
    long initializing = queued + 300 + random.nextInt(700);
    long stopped = initializing + 800 + random.nextInt(2000);
    if (millis >= stopped) {
      if (shown.getBuildOutcome() == null) {
        OffsetDateTime stoppedOn = shown.getRunningOn().plusSeconds(90);
        build.status(BuildStatus.STOPPED).buildOutcome(BuildOutcome.SUCCESS);
        build.stoppedOn(stoppedOn).modifiedOn(stoppedOn);
      }
      return build.build();
    }
    build.buildOutcome(null).stoppedOn(null);
    if (millis >= initializing) {
      return build.status(BuildStatus.RUNNING).modifiedOn(shown.getRunningOn()).build();
    }
    build.runningOn(null);
    if (millis >= queued) {
      return build.status(BuildStatus.INITIALIZING).modifiedOn(shown.getInitializingOn()).build();
    }
    return build
        .status(BuildStatus.QUEUED)
        .initializingOn(null)
        .modifiedOn(shown.getCreatedOn())
        .build();
  }

  private static Build template() {
    try {
      return BUILD_ADAPTER.fromJson(TEMPLATE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hex(Random random, int length) {
    StringBuilder hex = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      hex.append(Character.forDigit(random.nextInt(16), 16));
    }
    return hex.toString();
  }

  private static Build readSampleBuild() {
    try (InputStream in = DemoBuilds.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing classpath resource " + SAMPLE + " (cfbuilds-spec)");
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      BuildsByVersionIdsResponse sample =
          ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class).fromJson(json);
      return sample.getResult().getBuilds().get(SAMPLE_KEY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
