package dev.tenet.connectors.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Replays recorded responses of a platform's own API on a loopback port: GET paths (query included
 * when recorded with one, else ignored) answer with a resource file or a status; a request without
 * the expected credential is a 401. Requests are logged with their method.
 */
final class ApiReplay implements AutoCloseable {
  record Reply(int status, String body) {}

  private final HttpServer server;
  private final String resources;
  private final Map<String, Reply> replies = new LinkedHashMap<>();
  private final Map<String, java.util.function.Function<String, Reply>> posts =
      new LinkedHashMap<>();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private volatile Predicate<String> authorized = a -> true;
  private final Map<String, URI> forwards = new LinkedHashMap<>();
  private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

  ApiReplay(String resources) {
    this.resources = resources;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Requests other than the POSTs must carry an Authorization header this accepts. */
  ApiReplay authorize(Predicate<String> check) {
    this.authorized = check;
    return this;
  }

  /** Answers GET {@code path} with the recorded resource file. */
  ApiReplay file(String path, String file) {
    replies.put(path, new Reply(200, read(file)));
    return this;
  }

  ApiReplay status(String path, int status, String body) {
    replies.put(path, new Reply(status, body));
    return this;
  }

  /** Answers POST {@code path}; the function gets the request body. */
  ApiReplay post(String path, java.util.function.Function<String, Reply> answer) {
    posts.put(path, answer);
    return this;
  }

  /** Forwards GETs below {@code prefix} that no recording answers to another server, as is. */
  ApiReplay forward(String prefix, URI target) {
    forwards.put(prefix, target);
    return this;
  }

  List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  private String read(String file) {
    try (InputStream in = ApiReplay.class.getResourceAsStream(resources + file)) {
      if (in == null) {
        throw new IllegalArgumentException("No recorded response " + resources + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath();
      String full = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      String method = exchange.getRequestMethod();
      log.add(method + " " + full);
      if (method.equals("POST")) {
        var answer = posts.get(path);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        send(
            exchange,
            answer == null ? new Reply(404, "{\"message\":\"not found\"}") : answer.apply(body));
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (!replies.containsKey(full) && !replies.containsKey(path)) {
        for (Map.Entry<String, URI> f : forwards.entrySet()) {
          if (path.startsWith(f.getKey())) {
            forward(exchange, f.getValue().resolve(full));
            return;
          }
        }
      }
      if (!authorized.test(auth)) {
        send(exchange, new Reply(401, "{\"message\":\"unauthorized\",\"errinfo\":null}"));
        return;
      }
      Reply reply = replies.containsKey(full) ? replies.get(full) : replies.get(path);
      send(
          exchange,
          reply == null ? new Reply(404, "{\"message\":\"not found\",\"errinfo\":null}") : reply);
    }
  }

  private void forward(HttpExchange exchange, URI target) throws IOException {
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(target).GET();
    for (String h : List.of("Authorization", "Accept", "If-None-Match")) {
      String v = exchange.getRequestHeaders().getFirst(h);
      if (v != null) {
        request.header(h, v);
      }
    }
    java.net.http.HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    for (String h :
        List.of("Content-Type", "WWW-Authenticate", "Docker-Content-Digest", "ETag", "Link")) {
      response.headers().firstValue(h).ifPresent(v -> exchange.getResponseHeaders().set(h, v));
    }
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] body = reply.body().replace("{BASE}", url().toString()).getBytes(StandardCharsets.UTF_8);
    String type =
        reply.body().startsWith("<")
            ? "application/xml"
            : reply.body().startsWith("{") || reply.body().startsWith("[")
                ? "application/json"
                : "text/plain";
    exchange.getResponseHeaders().set("Content-Type", type);
    if (reply.status() == 200) {
      // Validators as real APIs send them, so that responses are cached where allowed.
      exchange
          .getResponseHeaders()
          .set("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"");
    }
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
