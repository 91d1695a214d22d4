package dev.cfbuilds.cli;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.EnvironmentVariables;
import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.generated.model.BuildOutcome;
import dev.cfbuilds.generated.model.CanceledBuild;
import dev.cfbuilds.redis.RedisStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Cancels a queued or running build and prints how it ended. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Cancel a queued or running build, and print how it ended.",
      "",
      "The request is sent once: if it fails in a way that leaves open whether the build was "
          + "cancelled, the message says how to check. Needs a token with Workers CI Write."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {ApiAccess.ENVIRONMENT_HELP},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK + ":the build is cancelled, or had already stopped",
      ExitCodes.API_ERROR + ":API or network error, or the build may have been cancelled",
      ExitCodes.USAGE + ":usage error or a build UUID that is not a UUID",
      ExitCodes.MISSING + ":no such build"
    })
final class CancelCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BUILD_UUID", description = "The build to cancel.")
  private String buildUuid;

  @Mixin private ApiAccess apiAccess;

  @Option(
      names = "--demo",
      description =
          "Ask an embedded stub of the Cloudflare API on 127.0.0.1, with a dummy token, "
              + "instead of Cloudflare; its checkout-api has a queued and a running build.")
  private boolean demo;

  CancelCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!demo) {
      return run(apiAccess.accountId(context.env()), apiAccess.environment(context.env()));
    }
    PrintWriter err = spec.commandLine().getErr();
    try (DemoApi api = DemoApi.start(true)) {
      err.println("demo: asking a stub of the Cloudflare API at " + api.baseUrl());
      return run(
          apiAccess.accountIdOr(DemoApi.ACCOUNT_ID),
          Map.of(
              EnvironmentVariables.API_TOKEN,
              DemoApi.TOKEN,
              EnvironmentVariables.BASE_URL,
              api.baseUrl()));
    } catch (IOException e) {
      err.println("cfbuilds: cannot start the demo API: " + e.getMessage());
      return ExitCodes.API_ERROR;
    }
  }

  private int run(String account, Map<String, String> env) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CloudflareBuildsClient.Builder builder = CloudflareBuildsClient.builder().fromEnv(env);
    try (RedisStore shared = apiAccess.share(builder, context.env());
        CloudflareBuildsClient client = builder.build()) {
      CanceledBuild build = client.builds(account).cancel(buildUuid);
      BuildOutcome outcome = build.getBuildOutcome();
      String ended = outcome != null ? outcome.value() : String.valueOf(build._buildOutcome());
      out.println(
          build.getBuildUuid()
              + " "
              + ended
              + (build.getStoppedOn() != null ? " " + build.getStoppedOn() : ""));
      if (outcome != BuildOutcome.CANCELLED) {
        err.println("build " + buildUuid + " had already stopped: " + ended);
      }
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      err.println("cfbuilds: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (NotFoundException e) {
      err.println("cfbuilds: " + e.getMessage());
      return ExitCodes.MISSING;
    } catch (CloudflareException e) {
      err.println("cfbuilds: " + e.getMessage());
      return ExitCodes.API_ERROR;
    }
  }
}
