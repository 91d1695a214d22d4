package dev.cfbuilds.redis;

import dev.cfbuilds.redis.testing.RedisServer;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the cost of one admission (the budget's Lua script, by EVALSHA) through Jedis and
 * through Lettuce, against a {@code redis-server} this harness starts on loopback: µs per admission
 * from one thread, and from 8 threads sharing one client. Alternates the two, three rounds each, so
 * that both see the same machine. Not a test: run it as README.md says.
 */
final class ClientChoiceHarness {
  private static final int WARM_UP = 5_000;
  private static final int CALLS = 20_000;
  private static final int THREADS = 8;

  private ClientChoiceHarness() {}

  public static void main(String[] args) throws Exception {
    try (RedisServer server = RedisServer.start()) {
      Thread.sleep(2_100); // the script admits nothing in the first window (1 s here) after a start
      String script = resource("admit.lua");
      AtomicLong ids = new AtomicLong();
      List<String> keys = List.of("{bench}:budget", "{bench}:block");
      try (redis.clients.jedis.RedisClient jedis =
              redis.clients.jedis.RedisClient.create("127.0.0.1", server.port());
          io.lettuce.core.RedisClient lettuceClient =
              io.lettuce.core.RedisClient.create(server.uri())) {
        StatefulRedisConnection<String, String> connection = lettuceClient.connect();
        RedisCommands<String, String> lettuce = connection.sync();
        String sha = jedis.scriptLoad(script);
        Runnable viaJedis =
            () ->
                jedis.evalsha(
                    sha, keys, List.of("1000000000", "1000", "j" + ids.incrementAndGet(), "1"));
        String[] keyArray = keys.toArray(new String[0]);
        Runnable viaLettuce =
            () ->
                lettuce.evalsha(
                    sha,
                    ScriptOutputType.MULTI,
                    keyArray,
                    "1000000000",
                    "1000",
                    "l" + ids.incrementAndGet(),
                    "1");
        System.out.println("µs per admission on loopback (lower is better); rounds alternate");
        for (int round = 1; round <= 3; round++) {
          report("Jedis   1 thread ", round, perCall(viaJedis, 1));
          report("Lettuce 1 thread ", round, perCall(viaLettuce, 1));
          report("Jedis   8 threads", round, perCall(viaJedis, THREADS));
          report("Lettuce 8 threads", round, perCall(viaLettuce, THREADS));
        }
        connection.close();
      }
    }
  }

  /**
   * Returns wall-clock µs per call with {@code threads} threads making CALLS calls between them.
   */
  static double perCall(Runnable call, int threads) throws InterruptedException {
    for (int i = 0; i < WARM_UP; i++) {
      call.run();
    }
    Thread[] workers = new Thread[threads];
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                for (int i = 0; i < CALLS / threads; i++) {
                  call.run();
                }
              });
      workers[t].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return (System.nanoTime() - start) / 1000.0 / CALLS;
  }

  private static void report(String what, int round, double micros) {
    System.out.println(String.format(Locale.ROOT, "%s round %d: %7.1f µs", what, round, micros));
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ClientChoiceHarness.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
