package dev.tenet.connectors.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real CNCF Distribution registry (Debian's {@code docker-registry} package, 2.8) on a random
 * loopback port, with its storage in a temporary folder: started by a test, stopped when closed.
 * Without the binary the test fails and says how to install it; only {@code
 * -Dtenet.registry.skip=true} turns that into a skip.
 */
final class DistributionRegistry implements AutoCloseable {
  static final String BINARY_PROPERTY = "tenet.registry.binary";
  static final String SKIP_PROPERTY = "tenet.registry.skip";
  private static final String DEFAULT_BINARY = "/usr/bin/docker-registry";

  /** Token authentication: the realm of a token service and the certificate it signs with. */
  record TokenAuth(URI realm, String service, String issuer, Path rootCertificate) {}

  private final Process process;
  private final URI url;
  private final Path log;

  private DistributionRegistry(Process process, URI url, Path log) {
    this.process = process;
    this.url = url;
    this.log = log;
  }

  static DistributionRegistry start(Path folder, TokenAuth auth) throws Exception {
    Path binary = Path.of(System.getProperty(BINARY_PROPERTY, DEFAULT_BINARY));
    if (!Files.isExecutable(binary)) {
      String message =
          "The CNCF Distribution registry is not installed at "
              + binary
              + ": install the Debian package docker-registry (apt-get install docker-registry,"
              + " as .ci/run does), point -D"
              + BINARY_PROPERTY
              + " at the binary, or run with -D"
              + SKIP_PROPERTY
              + "=true to skip the real-registry tests.";
      if (Boolean.getBoolean(SKIP_PROPERTY)) {
        Assumptions.abort(message);
      }
      throw new AssertionError(message);
    }
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Path config = folder.resolve("config-" + port + ".yml");
      Path storage = Files.createDirectories(folder.resolve("storage"));
      Files.writeString(config, config(port, storage, auth), StandardCharsets.UTF_8);
      Path log = folder.resolve("registry-" + port + ".log");
      Process process =
          new ProcessBuilder(binary.toString(), "serve", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      URI url = URI.create("http://127.0.0.1:" + port);
      DistributionRegistry registry = new DistributionRegistry(process, url, log);
      try {
        registry.awaitReady();
        return registry;
      } catch (IOException e) {
        registry.close();
        last = e;
      }
    }
    throw new AssertionError("The Distribution registry did not start: " + last.getMessage(), last);
  }

  URI url() {
    return url;
  }

  /** The registry's host:port, as image references name it. */
  String host() {
    return url.getHost() + ":" + url.getPort();
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("it exited: " + tail());
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(url.resolve("/v2/")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200 || r.statusCode() == 401) {
          return;
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      Thread.sleep(100);
    }
    throw new IOException("no answer on " + url + " within 20 s: " + tail());
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static String config(int port, Path storage, TokenAuth auth) {
    StringBuilder yaml =
        new StringBuilder()
            .append("version: 0.1\n")
            .append("log:\n  level: warn\n")
            .append("storage:\n  filesystem:\n    rootdirectory: ")
            .append(storage)
            .append("\n  delete:\n    enabled: true\n")
            .append("http:\n  addr: 127.0.0.1:")
            .append(port)
            .append("\n  secret: tenet-test-secret\n");
    if (auth != null) {
      yaml.append("auth:\n  token:\n")
          .append("    realm: ")
          .append(auth.realm())
          .append("\n    service: ")
          .append(auth.service())
          .append("\n    issuer: ")
          .append(auth.issuer())
          .append("\n    rootcertbundle: ")
          .append(auth.rootCertificate())
          .append("\n");
    }
    return yaml.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
