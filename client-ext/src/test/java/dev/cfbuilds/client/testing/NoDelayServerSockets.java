package dev.cfbuilds.client.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Makes server sockets whose connections send small writes at once ({@code TCP_NODELAY}), as real
 * HTTP servers' do. MockWebServer writes a response's headers and body separately; with Nagle's
 * algorithm the body then waits for the client's delayed ACK, about 40 ms on Linux loopback, and
 * every request takes that long. For {@code MockWebServer.setServerSocketFactory}.
 *
 * <p>Shared with the benchmarks through client-ext's test jar, which holds only this package.
 */
public final class NoDelayServerSockets extends ServerSocketFactory {
  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new NoDelayServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    return bound(new InetSocketAddress(port), 0);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    return bound(new InetSocketAddress(port), backlog);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    return bound(new InetSocketAddress(address, port), backlog);
  }

  private static ServerSocket bound(InetSocketAddress address, int backlog) throws IOException {
    ServerSocket socket = new NoDelayServerSocket();
    socket.bind(address, backlog);
    return socket;
  }

  /** A server socket that sets {@code TCP_NODELAY} on each connection it accepts. */
  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {}

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
