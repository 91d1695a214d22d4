package dev.cfbuilds.benchmarks;

import dev.cfbuilds.client.CloudflareBuildsClient;
import java.time.Duration;

/**
 * Holds a loopback server with our client and the peer pointed at it, for the benchmarks that time
 * both against the same server.
 *
 * @param server the server, answering with the sample payload
 * @param ours our client, as {@link Fixtures#ours} builds it
 * @param peer the peer, with its default settings
 */
record LoopbackClients(LoopbackServer server, CloudflareBuildsClient ours, Peer peer)
    implements AutoCloseable {
  /** Starts a server that waits {@code latency} before each answer, and both clients for it. */
  static LoopbackClients start(Duration latency) {
    LoopbackServer server = LoopbackServer.start(SamplePayload.load(), latency);
    return new LoopbackClients(
        server, Fixtures.ours(server.baseUrl()).build(), Peer.create(server.baseUrl()));
  }

  /** Closes both clients, then the server. */
  @Override
  public void close() {
    peer.close();
    ours.close();
    server.close();
  }
}
