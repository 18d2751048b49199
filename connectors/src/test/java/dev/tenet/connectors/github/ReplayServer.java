package dev.tenet.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays recorded GitHub answers (see {@code recorded/SOURCE.md}): each request gets the next
 * answer recorded for its method, path and query (the last one again once they run out), a 304 when
 * it presents the answer's ETag, and 404 when nothing was recorded for it (noted, so a test can
 * check the connector asked only for what GitHub was recorded answering).
 */
final class ReplayServer implements AutoCloseable {
  private static final String FOLDER = "/dev/tenet/connectors/github/recorded/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\"?\\$\\{(\\w+):(-?\\d+)}\"?");

  private record Answer(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final Instant now;
  private final Map<String, List<Answer>> answers = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
  final List<String> unmatched = Collections.synchronizedList(new ArrayList<>());
  final List<String> log = Collections.synchronizedList(new ArrayList<>());

  ReplayServer(Instant now) throws IOException {
    this.now = now;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    JsonNode interactions = Json.mapper().readTree(resource("interactions.json"));
    for (JsonNode i : interactions) {
      Map<String, String> headers = new LinkedHashMap<>();
      i.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
      String body = null;
      if (i.has("bodyFile")) {
        body =
            new String(resource("bodies/" + i.path("bodyFile").asText()), StandardCharsets.UTF_8);
      } else if (i.has("body")) {
        body = Json.mapper().writeValueAsString(i.path("body"));
      }
      answers
          .computeIfAbsent(
              i.path("method").asText() + " " + i.path("path").asText(), k -> new ArrayList<>())
          .add(new Answer(i.path("status").asInt(), headers, body));
    }
    server.createContext("/", this::handle);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How many times a request (e.g. "GET /orgs/x/hooks?per_page=100") was answered. */
  int served(String request) {
    AtomicInteger n = served.get(request);
    return n == null ? 0 : n.get();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ReplayServer.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IOException("Missing recorded response " + name);
      }
      return in.readAllBytes();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String key =
          exchange.getRequestMethod()
              + " "
              + uri.getRawPath()
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      List<Answer> recorded = answers.get(key);
      Answer answer;
      if (recorded == null) {
        unmatched.add(key);
        answer =
            new Answer(
                404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
      } else {
        int n = served.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        answer = recorded.get(Math.min(n, recorded.size() - 1));
      }
      String etag = answer.headers().get("ETag");
      String presented = exchange.getRequestHeaders().getFirst("If-None-Match");
      int status = answer.status();
      for (Map.Entry<String, String> h : answer.headers().entrySet()) {
        exchange.getResponseHeaders().set(h.getKey(), fill(h.getValue()));
      }
      if (etag != null && etag.equals(presented) && status == 200) {
        log.add(key + " 304");
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      log.add(key + " " + status);
      byte[] body =
          answer.body() == null
              ? new byte[0]
              : fill(answer.body()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private String fill(String text) {
    String withBase = text.replace("${base}", base().toString());
    Matcher m = PLACEHOLDER.matcher(withBase);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int days = Integer.parseInt(m.group(2));
      String value =
          switch (m.group(1)) {
            case "isoDaysAgo" -> "\"" + now.minus(Duration.ofDays(days)) + "\"";
            case "isoDaysFromNow" -> "\"" + now.plus(Duration.ofDays(days)) + "\"";
            case "epochMillisDaysAgo" ->
                Long.toString(now.minus(Duration.ofDays(days)).toEpochMilli());
            default -> m.group();
          };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
