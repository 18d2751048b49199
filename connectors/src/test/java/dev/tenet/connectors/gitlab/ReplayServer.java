package dev.tenet.connectors.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replays recorded GitLab responses on a loopback port: each path answers with a fixed body, a list
 * split into pages (Link headers, as GitLab sends them), or a status. Anything not recorded is a
 * 404, as on GitLab. Requests are logged.
 */
final class ReplayServer implements AutoCloseable {
  static final String TOKEN = "glpat-replay-token-000000000";

  private record Reply(int status, byte[] body, String type, List<JsonNode> pages, int perPage) {}

  private final HttpServer server;
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  ReplayServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers GET {@code /api/v4 + path} (query ignored) with this JSON. */
  ReplayServer on(String path, JsonNode body) {
    return on(path, 200, body);
  }

  ReplayServer on(String path, int status, JsonNode body) {
    replies.put(path, new Reply(status, bytes(body), "application/json", null, 0));
    return this;
  }

  ReplayServer text(String path, String body) {
    replies.put(path, new Reply(200, body.getBytes(StandardCharsets.UTF_8), "text/plain", null, 0));
    return this;
  }

  /** A list served {@code perPage} items at a time, whatever per_page the client asks. */
  ReplayServer pages(String path, List<? extends JsonNode> items, int perPage) {
    replies.put(path, new Reply(200, null, "application/json", List.copyOf(items), perPage));
    return this;
  }

  ReplayServer list(String path, List<? extends JsonNode> items) {
    return pages(path, items, 100);
  }

  List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String raw = uri.getRawPath();
      log.add(raw + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
      if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN"))) {
        send(exchange, 401, bytes(message("401 Unauthorized")), "application/json", Map.of());
        return;
      }
      Reply reply = raw.startsWith("/api/v4") ? replies.get(raw.substring(7)) : null;
      if (reply == null) {
        send(exchange, 404, bytes(message("404 Not Found")), "application/json", Map.of());
        return;
      }
      if (reply.pages == null) {
        send(exchange, reply.status, reply.body, reply.type, Map.of());
        return;
      }
      int page = 1;
      String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
      for (String pair : query.split("&")) {
        if (pair.startsWith("page=")) {
          page = Integer.parseInt(pair.substring(5));
        }
      }
      int from = Math.min(reply.pages.size(), (page - 1) * reply.perPage);
      int to = Math.min(reply.pages.size(), from + reply.perPage);
      ArrayNode body = JsonNodeFactory.instance.arrayNode();
      reply.pages.subList(from, to).forEach(body::add);
      Map<String, String> headers = new LinkedHashMap<>();
      int last = Math.max(1, (reply.pages.size() + reply.perPage - 1) / reply.perPage);
      String base =
          url() + raw + "?" + query.replaceAll("(^|&)page=\\d+", "").replaceFirst("^&", "");
      String sep = base.endsWith("?") ? "" : "&";
      List<String> links = new ArrayList<>();
      if (page < last) {
        links.add("<" + base + sep + "page=" + (page + 1) + ">; rel=\"next\"");
      }
      links.add("<" + base + sep + "page=1>; rel=\"first\"");
      links.add("<" + base + sep + "page=" + last + ">; rel=\"last\"");
      headers.put("Link", String.join(", ", links));
      headers.put("X-Total", String.valueOf(reply.pages.size()));
      headers.put("X-Page", String.valueOf(page));
      send(exchange, 200, bytes(body), "application/json", headers);
    }
  }

  private static void send(
      HttpExchange exchange, int status, byte[] body, String type, Map<String, String> headers)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static JsonNode message(String text) {
    return JsonNodeFactory.instance.objectNode().put("message", text);
  }

  private static byte[] bytes(JsonNode json) {
    try {
      return Json.mapper().writeValueAsBytes(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
