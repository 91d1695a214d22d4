package com.example.consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cfbuilds.client.CloudflareBuildsClient;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildTriggerMetadata;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Looks up the builds of two Worker versions with cfbuilds, against a stub of Cloudflare's API on
 * 127.0.0.1, and prints one line per build. Fails if a build is missing.
 */
public final class PrintBuilds {
  private static final String TOKEN = "example-token";
  private static final List<String> VERSION_IDS =
      List.of("8e5e3a2a-1d7e-4a1b-9c7d-2f4e6b8a0c1e", "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

  private PrintBuilds() {}

  public static void main(String[] args) throws IOException {
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    HttpServer stub = HttpServer.create(loopback, 0);
    stub.createContext("/client/v4/accounts/", PrintBuilds::answer);
    stub.start();
    try (CloudflareBuildsClient client =
        CloudflareBuildsClient.builder()
            .apiToken(TOKEN)
            .accountId("023e105f4ecef8ad9ca31a8372d0c353")
            .baseUrl("http://127.0.0.1:" + stub.getAddress().getPort() + "/client/v4/")
            .build()) {
      Map<String, Build> builds = client.getBuildsByVersionIds(VERSION_IDS);
      builds.forEach(
          (versionId, build) -> {
            BuildTriggerMetadata trigger = build.getBuildTriggerMetadata();
            System.out.printf(
                "%s %s %s %s@%s%n",
                versionId,
                build.getBuildOutcome(),
                build.getStatus(),
                trigger.getBranch(),
                trigger.getCommitHash());
          });
      if (!builds.keySet().equals(Set.copyOf(VERSION_IDS))) {
        throw new IllegalStateException("builds for " + builds.keySet() + ", not " + VERSION_IDS);
      }
    } finally {
      stub.stop(0);
    }
  }

  /** Answers as Cloudflare does: a build for each version ID asked for, given the right token. */
  private static void answer(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    boolean ok =
        ("Bearer " + TOKEN).equals(authorization)
            && query != null
            && query.startsWith("version_ids=");
    String body =
        ok
            ? "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"builds\":{"
                + builds(query.substring("version_ids=".length()).split(","))
                + "}}}"
            : "{\"success\":false,\"errors\":[{\"code\":10000,"
                + "\"message\":\"Authentication error\"}],\"messages\":[],\"result\":null}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(ok ? 200 : 401, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String builds(String[] versionIds) {
    StringJoiner builds = new StringJoiner(",");
    for (int i = 0; i < versionIds.length; i++) {
      builds.add(
          "\""
              + versionIds[i]
              + "\":{\"build_uuid\":\"00000000-0000-4000-8000-00000000000"
              + i
              + "\",\"status\":\"stopped\",\"build_outcome\":\"success\","
              + "\"created_on\":\"2026-11-28T12:00:00Z\",\"build_trigger_metadata\":"
              + "{\"branch\":\"main\",\"commit_hash\":\"abc123"
              + i
              + "\"}}");
    }
    return builds.toString();
  }
}
