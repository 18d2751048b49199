package dev.tenet.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.core.credentials.Secret;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The proxy of the settings: every platform request goes through it, loopback never does. */
class ApiClientProxyTest {
  static final String TOKEN = "ghp_ProxyCanary0123456789abcdefABCDEFGHI";

  /** A proxy that records the request line it is asked and refuses the tunnel. */
  static final class RefusingProxy implements AutoCloseable {
    final ServerSocket socket;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Thread thread;

    RefusingProxy() throws Exception {
      socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
      thread =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket s = socket.accept()) {
                    BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    StringBuilder head = new StringBuilder();
                    for (String line = in.readLine();
                        line != null && !line.isEmpty();
                        line = in.readLine()) {
                      head.append(line).append('\n');
                    }
                    requests.add(head.toString());
                    OutputStream out = s.getOutputStream();
                    out.write(
                        "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                  } catch (Exception e) {
                    // Closed: the test is over.
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    InetSocketAddress address() {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }

  @Test
  void httpsRequestsTunnelThroughTheProxyWithoutShowingItTheToken() throws Exception {
    try (RefusingProxy proxy = new RefusingProxy()) {
      HttpPolicy policy =
          HttpPolicy.defaults()
              .withRequestTimeout(Duration.ofSeconds(5))
              .withProxy(Optional.of(proxy.address()));
      ApiClient api =
          ApiClient.builder(URI.create("https://ghe.example.com/api/v3"), "GitHub")
              .auth(Auth.bearer(Secret.of(TOKEN)))
              .policy(policy)
              .build();
      assertThatThrownBy(() -> api.get("/orgs/acme")).isInstanceOf(ApiException.class);
      assertThat(proxy.requests).isNotEmpty();
      assertThat(proxy.requests.get(0)).startsWith("CONNECT ghe.example.com:443 ");
      // A tunnel carries the request encrypted: the proxy never sees the credential.
      assertThat(String.join("", proxy.requests)).doesNotContain(TOKEN);
    }
  }

  @Test
  void loopbackAddressesNeverGoThroughTheProxy() {
    var routes = ProxyRoutes.through(new InetSocketAddress("proxy.example.com", 3128));
    assertThat(routes.select(URI.create("http://127.0.0.1:4000/api/v3")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(routes.select(URI.create("http://localhost:4000/"))).containsExactly(Proxy.NO_PROXY);
    assertThat(routes.select(URI.create("https://gitlab.example.com/api/v4")))
        .singleElement()
        .satisfies(p -> assertThat(p.type()).isEqualTo(Proxy.Type.HTTP));
  }
}
