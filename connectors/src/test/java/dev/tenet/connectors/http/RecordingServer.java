package dev.tenet.connectors.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTP(S) server that records every request it receives (path and headers) and answers
 * with scripted responses, for proving where a token does and does not go.
 */
final class RecordingServer implements AutoCloseable {
  /** One received request. */
  record Received(String path, Map<String, List<String>> headers) {
    String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** A scripted answer. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    static Answer json(String body) {
      return new Answer(
          200, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer redirect(String location) {
      return new Answer(302, Map.of("Location", location), new byte[0]);
    }
  }

  private final HttpServer server;
  private final String scheme;
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  private RecordingServer(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
    server.createContext("/", this::handle);
    server.start();
  }

  static RecordingServer http() throws IOException {
    return new RecordingServer(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16), "http");
  }

  static RecordingServer https(SSLContext tls) throws IOException {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new RecordingServer(server, "https");
  }

  RecordingServer answer(String path, Answer answer) {
    answers.put(path, answer);
    return this;
  }

  URI url(String path) {
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      received.add(
          new Received(
              exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders())));
      Answer a = answers.getOrDefault(exchange.getRequestURI().getPath(), Answer.json("{}"));
      a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
      if (a.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(a.body());
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
