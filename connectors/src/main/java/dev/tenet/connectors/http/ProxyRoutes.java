package dev.tenet.connectors.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Routes platform requests through the configured proxy; loopback addresses (the emulators behind
 * the demo, a local tunnel) always go direct, as they would through any corporate proxy's bypass.
 */
public final class ProxyRoutes extends ProxySelector {
  private final Proxy proxy;

  private ProxyRoutes(InetSocketAddress address) {
    this.proxy = new Proxy(Proxy.Type.HTTP, address);
  }

  public static ProxySelector through(InetSocketAddress address) {
    return new ProxyRoutes(address);
  }

  @Override
  public List<Proxy> select(URI uri) {
    return uri.getHost() != null && ApiClient.isLoopback(uri.getHost())
        ? List.of(Proxy.NO_PROXY)
        : List.of(proxy);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // The request fails with its own error; there is no other proxy to try.
  }
}
