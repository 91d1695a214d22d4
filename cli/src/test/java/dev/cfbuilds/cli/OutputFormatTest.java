package dev.cfbuilds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Types;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.BuildStatus;
import dev.cfbuilds.generated.model.BuildTriggerMetadata;
import dev.cfbuilds.generated.model.BuildTriggerSource;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
  private static final String A = "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e";
  private static final String B = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";

  private static Map<String, Build> twoBuilds() {
    Map<String, Build> builds = new LinkedHashMap<>();
    builds.put(
        A,
        Build.builder()
            .buildOutcome(BuildOutcome.SUCCESS)
            .status(BuildStatus.STOPPED)
            .buildTriggerMetadata(
                BuildTriggerMetadata.builder()
                    .branch("main")
                    .commitHash("abc123def456")
                    .buildTriggerSource(BuildTriggerSource.PUSH)
                    .build())
            .createdOn(OffsetDateTime.parse("2019-12-27T19:11:19.117+01:00"))
            .runningOn(OffsetDateTime.parse("2019-12-27T18:11:30Z"))
            .stoppedOn(OffsetDateTime.parse("2019-12-27T18:13:35Z"))
            .build());
    builds.put(B, Build.builder().status(BuildStatus.QUEUED).build());
    return builds;
  }

  private static String write(OutputFormat format, Map<String, Build> builds) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      format.write(builds, out);
    }
    return text.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void tableAlignsColumnsWithShortCommitUtcCreatedAndDuration() {
    assertThat(write(OutputFormat.TABLE, twoBuilds()))
        .isEqualTo(
            ""
                + "VERSION ID                            OUTCOME  STATUS   BRANCH  COMMIT   TRIGGER  CREATED               DURATION\n"
                + "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e  success  stopped  main    abc123d  push     2019-12-27T18:11:19Z  2m 05s\n"
                + "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e  -        queued   -       -        -        -                     -\n");
  }

  /** A build as a newer API might send it: unknown enum values and properties, a wrong type. */
  private static Map<String, Build> driftedBuild() throws Exception {
    Build build =
        ApiWiring.moshi()
            .adapter(Build.class)
            .fromJson(
                "{\"build_outcome\":\"timed_out\",\"status\":\"waiting\","
                    + "\"build_trigger_metadata\":{\"build_trigger_source\":\"schedule\","
                    + "\"branch\":[\"main\"],\"x_new\":{\"a\":null}},\"build_number\":7}");
    return Map.of(A, build);
  }

  @Test
  void tableAndCsvShowAnUnknownEnumValueByItsText() throws Exception {
    assertThat(write(OutputFormat.TABLE, driftedBuild()))
        .isEqualTo(
            ""
                + "VERSION ID                            OUTCOME    STATUS   BRANCH  COMMIT  TRIGGER   CREATED  DURATION\n"
                + "8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e  timed_out  waiting  -       -       schedule  -        -\n");
    assertThat(write(OutputFormat.CSV, driftedBuild()))
        .endsWith("\n8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e,timed_out,waiting,,,schedule,,\n");
  }

  @Test
  void jsonCarriesEverythingTheApiSent() throws Exception {
    Object written =
        ApiWiring.moshi().adapter(Object.class).fromJson(write(OutputFormat.JSON, driftedBuild()));

    assertThat(written)
        .isEqualTo(
            ApiWiring.moshi()
                .adapter(Object.class)
                .fromJson(
                    "{\""
                        + A
                        + "\":{\"build_outcome\":\"timed_out\",\"status\":\"waiting\","
                        + "\"build_trigger_metadata\":{\"build_trigger_source\":\"schedule\","
                        + "\"branch\":[\"main\"],\"x_new\":{\"a\":null}},\"build_number\":7}}"));
  }

  @Test
  void tableOfNoBuildsIsTheHeaderOnly() {
    assertThat(write(OutputFormat.TABLE, Map.of()))
        .isEqualTo("VERSION ID  OUTCOME  STATUS  BRANCH  COMMIT  TRIGGER  CREATED  DURATION\n");
  }

  @Test
  void jsonIsTheBuildsObjectKeyedByVersionIdThatReadsBackEqual() throws Exception {
    String json = write(OutputFormat.JSON, twoBuilds());

    assertThat(json).startsWith("{\n  \"" + A + "\": {\n    \"build_outcome\": \"success\",");
    assertThat(json).contains("\"created_on\": \"2019-12-27T19:11:19.117+01:00\"");
    Map<String, Build> readBack =
        ApiWiring.moshi()
            .<Map<String, Build>>adapter(
                Types.newParameterizedType(Map.class, String.class, Build.class))
            .fromJson(json);
    assertThat(readBack).containsExactlyEntriesOf(twoBuilds());
  }

  @Test
  void jsonOfNoBuildsIsAnEmptyObject() {
    assertThat(write(OutputFormat.JSON, Map.of())).isEqualTo("{}\n");
  }

  @Test
  void csvHasAHeaderFullValuesAndEmptyCellsForMissingOnes() {
    assertThat(write(OutputFormat.CSV, twoBuilds()))
        .isEqualTo(
            ""
                + "version_id,build_outcome,status,branch,commit_hash,build_trigger_source,created_on,duration_seconds\n"
                + A
                + ",success,stopped,main,abc123def456,push,2019-12-27T19:11:19.117+01:00,125\n"
                + B
                + ",,queued,,,,,\n");
  }

  @Test
  void csvQuotesCellsWithCommasAndQuotes() {
    Map<String, Build> builds =
        Map.of(
            A,
            Build.builder()
                .buildTriggerMetadata(
                    BuildTriggerMetadata.builder().branch("we\"ird,branch").build())
                .build());

    assertThat(write(OutputFormat.CSV, builds))
        .endsWith("\n" + A + ",,,\"we\"\"ird,branch\",,,,\n");
  }

  @Test
  void durationIsShownInSecondsMinutesOrHours() {
    OffsetDateTime start = OffsetDateTime.parse("2019-12-27T18:00:00Z");

    assertThat(
            BuildCells.durationText(
                Build.builder().runningOn(start).stoppedOn(start.plusSeconds(45)).build()))
        .isEqualTo("45s");
    assertThat(
            BuildCells.durationText(
                Build.builder().runningOn(start).stoppedOn(start.plusSeconds(3723)).build()))
        .isEqualTo("1h 02m 03s");
    assertThat(
            BuildCells.durationText(
                Build.builder().runningOn(start).stoppedOn(start.minusSeconds(1)).build()))
        .isNull();
    assertThat(BuildCells.durationText(Build.builder().runningOn(start).build())).isNull();
  }
}
