package dev.cfbuilds.benchmarks;

import dev.cfbuilds.client.testing.NoDelayServerSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.BufferedSink;
import okio.ByteString;

/**
 * Stands in for the API on loopback: answers each {@code GET …/builds/builds?version_ids=…}, after
 * a fixed delay, with the sample envelope holding the sample build under every requested ID.
 * MockWebServer serves each connection on its own thread, so concurrent requests wait concurrently.
 * Bodies are cached per query, so that after the first round the server does next to no work.
 *
 * <p>Its sockets send at once ({@code TCP_NODELAY}), as real HTTP servers' do: otherwise Nagle's
 * algorithm holds the body back until the client acknowledges the headers, which Linux delays by up
 * to 40 ms, and every request would take that long on loopback.
 */
public final class LoopbackServer implements AutoCloseable {
  /**
   * MockWebServer's logger, held so that its level sticks: quiet, because the heap measurement's
   * probes that run out of memory drop their connections, and that is expected there.
   */
  private static final Logger MOCK_WEB_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

  static {
    MOCK_WEB_SERVER_LOG.setLevel(Level.SEVERE);
  }

  private final MockWebServer server = new MockWebServer();
  private final SamplePayload payload;
  private final long latencyMillis;
  private final Map<String, ByteString> bodies = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  private LoopbackServer(SamplePayload payload, Duration latency) {
    this.payload = payload;
    this.latencyMillis = latency.toMillis();
  }

  /** Starts a server that waits {@code latency} before each answer. */
  public static LoopbackServer start(SamplePayload payload, Duration latency) {
    LoopbackServer loopback = new LoopbackServer(payload, latency);
    loopback.server.setDispatcher(loopback.new BuildsDispatcher());
    loopback.server.setServerSocketFactory(new NoDelayServerSockets());
    try {
      loopback.server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return loopback;
  }

  /** Returns the API root to point a client at, ending in {@code /client/v4/}. */
  public HttpUrl baseUrl() {
    return server.url("/client/v4/");
  }

  /** Returns how many requests the server has answered. */
  public int requestCount() {
    return requests.get();
  }

  @Override
  public void close() {
    server.close();
  }

  private MockResponse answer(RecordedRequest request) throws InterruptedException {
    requests.incrementAndGet();
    if (latencyMillis > 0) {
      Thread.sleep(latencyMillis);
    }
    HttpUrl url = request.getUrl();
    String csv = url.queryParameter("version_ids");
    if (!url.encodedPath().endsWith("/builds/builds") || csv == null) {
      return new MockResponse.Builder().code(404).build();
    }
    ByteString body =
        bodies.computeIfAbsent(
            csv, key -> ByteString.of(payload.envelopeBytes(Arrays.asList(key.split(",", -1)))));
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(new BytesBody(body))
        .build();
  }

  private final class BuildsDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      return answer(request);
    }
  }

  /** A response body written straight from cached bytes, without re-encoding. */
  private static final class BytesBody implements MockResponseBody {
    private final ByteString bytes;

    BytesBody(ByteString bytes) {
      this.bytes = bytes;
    }

    @Override
    public long getContentLength() {
      return bytes.size();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(bytes);
    }
  }
}
