package dev.tenet.connectors.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback HTTP server answering scripted responses per path, recording what it received. */
final class StubServer implements AutoCloseable {
  record Reply(int status, Map<String, String> headers, String body) {
    static Reply json(int status, String body, String... headerPairs) {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("Content-Type", "application/json");
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        h.put(headerPairs[i], headerPairs[i + 1]);
      }
      return new Reply(status, h, body);
    }
  }

  /** A reply status that sends a truncated body instead. */
  static final int TRUNCATED = -1;

  record Received(String method, String pathAndQuery, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Reply> always = new ConcurrentHashMap<>();
  final List<Received> received = Collections.synchronizedList(new ArrayList<>());

  StubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers these replies in turn to requests of this path (and query), then 404. */
  StubServer on(String pathAndQuery, Reply... replies) {
    scripts.computeIfAbsent(pathAndQuery, k -> new ArrayDeque<>()).addAll(List.of(replies));
    return this;
  }

  /** Answers this reply to every request of the path (and query). */
  StubServer always(String pathAndQuery, Reply reply) {
    always.put(pathAndQuery, reply);
    return this;
  }

  List<Received> requestsTo(String pathAndQuery) {
    synchronized (received) {
      return received.stream().filter(r -> r.pathAndQuery().equals(pathAndQuery)).toList();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String key = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(exchange.getRequestMethod(), key, headers, body));
      Deque<Reply> queue = scripts.get(key);
      Reply reply = queue != null && !queue.isEmpty() ? queue.poll() : always.get(key);
      if (reply == null) {
        reply = Reply.json(404, "{\"message\":\"Not Found\"}");
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      if (reply.status() == TRUNCATED) {
        // Promise a body, send half of it, and hang up.
        exchange.sendResponseHeaders(200, 100);
        exchange.getResponseBody().write("[1,2,3".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        return;
      }
      byte[] bytes =
          reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
