package dev.cfbuilds.cli;

import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.client.ProgressListener;
import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.client.errors.UnknownWorkerException;
import dev.cfbuilds.redis.RedisStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Adds what every command that reads Workers and builds shares (a picocli mixin): {@code --format},
 * {@code --demo} and {@link ApiAccess}'s options; and runs the command's work with a client,
 * turning the client's exceptions into one exit code each.
 */
final class ReadOptions {
  @Mixin private ApiAccess apiAccess;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "table, json or csv. Default: table when standard output is a terminal, json otherwise.")
  private OutputFormat format;

  @Option(
      names = "--demo",
      description =
          "Ask an embedded stub of the Cloudflare API on 127.0.0.1, with a dummy token and made-up"
              + " Workers, instead of Cloudflare.")
  private boolean demo;

  /** The work of a command, given a client and the account to ask about. */
  @FunctionalInterface
  interface Work {
    /** Does the command's work and returns its exit code. */
    int run(CloudflareBuildsClient client, String account);
  }

  /** Returns {@code --format}, else table on a terminal and JSON otherwise. */
  OutputFormat format(CliContext context) {
    if (format != null) {
      return format;
    }
    return context.stdoutIsTerminal() ? OutputFormat.TABLE : OutputFormat.JSON;
  }

  /**
   * Runs {@code work} with a client on Cloudflare's API (or, with {@code --demo}, the embedded
   * stub) and returns its exit code; a client exception it throws becomes an exit code, with its
   * message on standard error: {@link ExitCodes#MISSING} for an unknown Worker or a 404, {@link
   * ExitCodes#USAGE} for an argument the client refused, {@link ExitCodes#API_ERROR} for any other.
   *
   * @param listener hears of requests and polls, or null
   */
  int run(CommandSpec spec, CliContext context, ProgressListener listener, Work work) {
    PrintWriter err = spec.commandLine().getErr();
    if (!demo) {
      return call(
          spec,
          context,
          apiAccess.accountId(context.env()),
          apiAccess.environment(context.env()),
          listener,
          work);
    }
    try (DemoApi api = DemoApi.start()) {
      err.println(
          "demo: asking a stub of the Cloudflare API at " + api.baseUrl() + " (dummy token)");
      Map<String, String> env = api.environment();
      return call(spec, context, apiAccess.accountIdOr(DemoApi.ACCOUNT_ID), env, listener, work);
    } catch (IOException e) {
      err.println("cfbuilds: cannot start the demo API: " + e.getMessage());
      return ExitCodes.API_ERROR;
    }
  }

  private int call(
      CommandSpec spec,
      CliContext context,
      String account,
      Map<String, String> env,
      ProgressListener listener,
      Work work) {
    PrintWriter err = spec.commandLine().getErr();
    var builder = CloudflareBuildsClient.builder().fromEnv(env);
    if (listener != null) {
      builder.progressListener(listener);
    }
    try (RedisStore shared = apiAccess.share(builder, context.env());
        CloudflareBuildsClient client = builder.build()) {
      return work.run(client, account);
    } catch (UnknownWorkerException | NotFoundException e) {
      err.println("cfbuilds: " + e.getMessage());
      return ExitCodes.MISSING;
    } catch (IllegalArgumentException e) {
      err.println("cfbuilds: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (CloudflareException e) {
      err.println("cfbuilds: " + e.getMessage());
      return ExitCodes.API_ERROR;
    } finally {
      spec.commandLine().getOut().flush();
      err.flush();
    }
  }
}
