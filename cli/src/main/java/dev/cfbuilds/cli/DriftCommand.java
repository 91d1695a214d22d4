package dev.cfbuilds.cli;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.drift.DriftInputException;
import dev.cfbuilds.drift.Finding;
import dev.cfbuilds.drift.FindingKind;
import dev.cfbuilds.drift.OfficialDrift;
import dev.cfbuilds.drift.OurSpec;
import dev.cfbuilds.drift.PayloadDrift;
import dev.cfbuilds.drift.Redaction;
import dev.cfbuilds.drift.SpecOperation;
import dev.cfbuilds.redis.RedisStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cfbuilds drift}: says where Cloudflare's published OpenAPI document, saved response bodies
 * or live responses differ from our spec, so that a nightly job notices before users do.
 */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    resourceBundle = "dev.cfbuilds.cli.DriftCommand",
    description = {
      "Find where Cloudflare's API differs from the spec this client was generated from.",
      "",
      "Prints one line per finding, KIND<TAB>PATH<TAB>DETAIL<TAB>OPERATION, and a summary on "
          + "standard error. PATH is a JSON path into the response body (map keys as *), a "
          + "parameter (query.version_ids), a response (responses.401), operationId, or the "
          + "method and path of an operation the published document lacks. OPERATION is the "
          + "operationId of the operation of our spec the finding is about. Values from response "
          + "bodies are not shown, only their JSON types, except a value outside an enum."
    },
    footerHeading = "%nKinds:%n",
    footer = {
      "  --official:          PROPERTY_ADDED, PROPERTY_REMOVED, TYPE_CHANGED,",
      "                       FORMAT_CHANGED, ENUM_VALUE_ADDED, ENUM_VALUE_REMOVED,",
      "                       NULLABILITY_CHANGED, REQUIRED_CHANGED,",
      "                       PARAMETER_CHANGED, RESPONSE_ADDED, RESPONSE_REMOVED,",
      "                       OPERATION_REMOVED, OPERATION_ID_CHANGED",
      "  --payload, --live:   UNKNOWN_PROPERTY, UNKNOWN_ENUM_VALUE, TYPE_MISMATCH,",
      "                       FORMAT_MISMATCH, MISSING_REQUIRED, SCHEMA_MISMATCH",
      "",
      "Environment (--live):",
      ApiAccess.ENVIRONMENT_HELP
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK + ":no finding",
      ExitCodes.API_ERROR + ":API or network error",
      ExitCodes.USAGE + ":usage error, bad version ID or operationId, or unreadable file",
      ExitCodes.DRIFT_FOUND + ":drift found"
    })
final class DriftCommand implements Callable<Integer> {
  private static final String STDIN = "-";

  private final CliContext context;

  @Spec private CommandSpec spec;

  /** Exactly one of the three sources. */
  static final class Source {
    @Option(
        names = "--official",
        paramLabel = "FILE",
        description =
            "Compare every operation of our spec with the same method and path in Cloudflare's "
                + "published OpenAPI document (JSON or YAML, whole or an extract; - for standard "
                + "input).")
    String official;

    @Option(
        names = "--payload",
        paramLabel = "FILE",
        arity = "1..*",
        description =
            "Check saved 200 response bodies of one operation (see --operation) against our "
                + "spec (- for standard input).")
    List<String> payloads;

    @Option(
        names = "--live",
        paramLabel = "VERSION_ID",
        arity = "1..*",
        description =
            "Fetch the builds of these version IDs (any number, comma-separated or one per "
                + "argument) with getBuildsByVersionIds and check the raw response bodies "
                + "against our spec.")
    List<String> live;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Source source;

  /** Lists our spec's operationIds, for the help of {@code --operation}. */
  static final class OperationIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return OurSpec.operations().stream().map(SpecOperation::operationId).iterator();
    }
  }

  @Option(
      names = "--operation",
      paramLabel = "OPERATION_ID",
      completionCandidates = OperationIds.class,
      description =
          "With --payload: the operation whose 200 responses the bodies are, one of "
              + "${COMPLETION-CANDIDATES}. Default: "
              + OurSpec.DEFAULT_OPERATION
              + ".")
  private String operation;

  @Option(
      names = "--record",
      paramLabel = "DIR",
      description =
          "With --live: save each raw response body to DIR, environment-variable values and "
              + "secret-looking strings replaced by \"<redacted>\".")
  private Path record;

  /** The API options, their help reworded for {@code --live} in {@code DriftCommand.properties}. */
  @Mixin private ApiAccess apiAccess;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text, markdown or json. Default: text.")
  private DriftFormat format = DriftFormat.TEXT;

  DriftCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (record != null && source.live == null) {
      throw new UsageException("--record goes with --live");
    }
    if (operation != null && source.payloads == null) {
      throw new UsageException("--operation goes with --payload");
    }
    if (source.official != null) {
      byte[] document = readSource(source.official);
      List<Finding> findings;
      try {
        findings = OfficialDrift.compare(document);
      } catch (DriftInputException e) {
        throw new UsageException(name(source.official) + ": " + e.getMessage());
      }
      int operations = OurSpec.operations().size();
      return report(
          findings,
          "our spec and the published document " + name(source.official),
          operations + (operations == 1 ? " operation" : " operations"));
    }
    if (source.payloads != null) {
      return checkPayloads(source.payloads);
    }
    return checkLive(source.live);
  }

  private int checkPayloads(List<String> files) {
    PayloadDrift drift;
    try {
      drift = PayloadDrift.forOurSpec(operation == null ? OurSpec.DEFAULT_OPERATION : operation);
    } catch (DriftInputException e) {
      throw new UsageException("--operation: " + e.getMessage());
    }
    Set<Finding> findings = new LinkedHashSet<>();
    for (String file : files) {
      String body = new String(readSource(file), StandardCharsets.UTF_8);
      try {
        findings.addAll(drift.check(body));
      } catch (DriftInputException e) {
        throw new UsageException(name(file) + ": " + e.getMessage());
      }
    }
    return report(
        new ArrayList<>(findings),
        "our spec and " + files.size() + (files.size() == 1 ? " saved body" : " saved bodies"),
        scope(drift.operation()));
  }

  private int checkLive(List<String> arguments) {
    PrintWriter err = spec.commandLine().getErr();
    VersionIdInput ids = new VersionIdInput();
    for (int i = 0; i < arguments.size(); i++) {
      ids.addLine(arguments.get(i), "argument " + (i + 1));
    }
    List<String> versionIds = ids.distinct();
    String account = apiAccess.accountId(context.env());
    List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    // The first interceptor sees each exchange after the client's retries, before its decoder.
    OkHttpClient capture =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  Response response = chain.proceed(chain.request());
                  if (response.code() == 200) {
                    bodies.add(response.peekBody(Long.MAX_VALUE).string());
                  }
                  return response;
                })
            .build();
    CloudflareException failure = null;
    try {
      CloudflareBuildsClient.Builder builder =
          CloudflareBuildsClient.builder()
              .fromEnv(apiAccess.environment(context.env()))
              .okHttpClient(capture);
      // --rate-limit and CFBUILDS_REDIS_URL hold for --live as for every command that calls the
      // API.
      try (RedisStore shared = apiAccess.share(builder, context.env());
          CloudflareBuildsClient client = builder.build()) {
        client.getBuildsByVersionIds(account, versionIds);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } catch (CloudflareException e) {
      failure = e;
    } finally {
      capture.dispatcher().executorService().shutdown();
      capture.connectionPool().evictAll();
    }
    if (record != null) {
      record(bodies);
    }
    PayloadDrift drift = PayloadDrift.forOurSpec();
    Set<Finding> findings = new LinkedHashSet<>();
    for (String body : bodies) {
      try {
        findings.addAll(drift.check(body));
      } catch (DriftInputException e) {
        findings.add(
            new Finding(
                FindingKind.TYPE_MISMATCH,
                drift.operation().operationId(),
                "$",
                "the body is " + e.getMessage()));
      }
    }
    if (failure != null) {
      err.println("cfbuilds: " + failure.getMessage());
      if (findings.isEmpty()) {
        return ExitCodes.API_ERROR;
      }
    }
    return report(
        new ArrayList<>(findings),
        "our spec and "
            + bodies.size()
            + (bodies.size() == 1 ? " live response" : " live responses")
            + " for "
            + versionIds.size()
            + (versionIds.size() == 1 ? " version" : " versions"),
        scope(drift.operation()));
  }

  /** Returns what one operation's check covered: {@code getBuildsByVersionIds: GET /…}. */
  private static String scope(SpecOperation operation) {
    return operation.operationId() + ": " + operation.endpoint();
  }

  private void record(List<String> bodies) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      Files.createDirectories(record);
      for (int i = 0; i < bodies.size(); i++) {
        Path file = record.resolve("live-response-" + (i + 1) + ".json");
        String redacted;
        try {
          redacted = Redaction.redact(bodies.get(i));
        } catch (DriftInputException e) {
          err.println("cfbuilds: response " + (i + 1) + " not recorded: " + e.getMessage());
          continue;
        }
        Files.writeString(file, redacted, StandardCharsets.UTF_8);
        err.println("recorded " + file);
      }
    } catch (IOException e) {
      throw new UsageException("cannot record to " + record + ": " + e);
    }
  }

  /**
   * Writes {@code findings} and the summary line; {@code checked} says what was compared, {@code
   * scope} which operations.
   */
  private int report(List<Finding> findings, String checked, String scope) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    format.write(findings, checked, out);
    out.flush();
    err.println(
        "drift: "
            + (findings.isEmpty() ? "no finding" : DriftFormat.count(findings.size()))
            + " comparing "
            + checked
            + " ("
            + scope
            + ")");
    return findings.isEmpty() ? ExitCodes.OK : ExitCodes.DRIFT_FOUND;
  }

  private byte[] readSource(String file) {
    if (file.equals(STDIN)) {
      return context.readStdin();
    }
    return ApiAccess.readBytes(Path.of(file));
  }

  private static String name(String file) {
    return file.equals(STDIN) ? "(standard input)" : file;
  }
}
