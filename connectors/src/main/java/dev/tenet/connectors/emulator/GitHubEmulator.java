package dev.tenet.connectors.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server that speaks the GitHub REST API for a {@link SampleOrganization}: the demo
 * runs the real connector against it, tests plant faults in it, and benchmarks give it latency. It
 * checks the bearer token, paginates with Link headers, answers conditional requests with 304, and
 * sends rate-limit headers like GitHub.
 */
public final class GitHubEmulator implements AutoCloseable {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String API = "/api/v3";

  /** The account the emulator's token belongs to, as GET /user names it. */
  public static final String SCANNER = "tenet-scanner";

  private final SampleOrganization org;
  private final String token;
  private final HttpServer server;
  private final ExecutorService executor;
  private final GitHubShapes shapes;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final Map<Pattern, List<Integer>> faults = new ConcurrentHashMap<>();
  private final AtomicLong rateRemaining = new AtomicLong(5000);
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean ownerToken = true;
  private final AtomicInteger requests = new AtomicInteger();

  private GitHubEmulator(SampleOrganization org, String token) throws IOException {
    this.org = org;
    this.token = token;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.executor =
        Executors.newFixedThreadPool(
            16,
            r -> {
              Thread t = new Thread(r, "github-emulator");
              t.setDaemon(true);
              return t;
            });
    this.server.setExecutor(executor);
    this.server.createContext("/", this::handle);
    this.shapes = new GitHubShapes(apiUrl().toString());
  }

  /** Starts an emulator on a free loopback port that accepts only {@code token}. */
  public static GitHubEmulator start(SampleOrganization org, String token) {
    try {
      GitHubEmulator emulator = new GitHubEmulator(org, token);
      emulator.server.start();
      return emulator;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start the GitHub emulator on a loopback port", e);
    }
  }

  /** The API base URL, as for GitHub Enterprise Server: http://127.0.0.1:PORT/api/v3. */
  public URI apiUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + API);
  }

  public SampleOrganization organization() {
    return org;
  }

  /** Delays every answer, to emulate the network. */
  public GitHubEmulator latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  /** Whether the token belongs to an organization owner (owners see 2FA and base permission). */
  public GitHubEmulator ownerToken(boolean owner) {
    this.ownerToken = owner;
    return this;
  }

  /** The next requests whose path and query match {@code pathRegex} fail with these statuses. */
  public GitHubEmulator fail(String pathRegex, Integer... statuses) {
    faults.put(
        Pattern.compile(pathRegex),
        Collections.synchronizedList(new ArrayList<>(List.of(statuses))));
    return this;
  }

  /** Sets the remaining core rate limit; at 0 requests get 403 until it resets. */
  public GitHubEmulator rateLimitRemaining(long remaining) {
    rateRemaining.set(remaining);
    return this;
  }

  /** Requests answered so far, as "GET /path?query status". */
  public List<String> requestLog() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  public int requestCount() {
    return requests.get();
  }

  public void resetLog() {
    log.clear();
    requests.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!latency.isZero()) {
        Thread.sleep(latency.toMillis());
      }
      requests.incrementAndGet();
      int status = send(exchange, route(exchange));
      log.add(exchange.getRequestMethod() + " " + pathAndQuery(exchange) + " " + status);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Response(int status, JsonNode body, Map<String, String> headers) {
    Response(int status, JsonNode body) {
      this(status, body, new LinkedHashMap<>());
    }
  }

  private Response route(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    String full = pathAndQuery(exchange);
    for (Map.Entry<Pattern, List<Integer>> fault : faults.entrySet()) {
      if (fault.getKey().matcher(full).find() && !fault.getValue().isEmpty()) {
        int status = fault.getValue().remove(0);
        if (status == 403 || status == 429) {
          Response r = new Response(status, message("You have exceeded a secondary rate limit."));
          r.headers.put("Retry-After", "1");
          return r;
        }
        return new Response(status, message("Emulated fault"));
      }
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.equals("Bearer " + token)) {
      return new Response(401, message("Bad credentials"));
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      return new Response(405, message("Tenet never writes: this emulator is read-only"));
    }
    if (!path.startsWith(API)) {
      return notFound();
    }
    if (rateRemaining.get() <= 0) {
      Response r = new Response(403, message("API rate limit exceeded for user."));
      r.headers.put("X-RateLimit-Remaining", "0");
      r.headers.put("X-RateLimit-Reset", String.valueOf(Instant.now().getEpochSecond() + 1));
      rateRemaining.set(5000);
      return r;
    }
    String p = path.substring(API.length());
    Map<String, String> query = query(exchange.getRequestURI());
    String login = org.login();
    Matcher m;
    if (p.equals("/orgs/" + login)) {
      return ok(shapes.organization(org.organization(), ownerToken, 9_000_001L));
    }
    if (p.equals("/user")) {
      return ok(shapes.user(SCANNER, 9_000_101L));
    }
    if (p.equals("/rate_limit")) {
      return ok(rateLimit());
    }
    if (p.equals("/orgs/" + login + "/members")) {
      return page(exchange, members(query), query);
    }
    if (p.equals("/orgs/" + login + "/repos")) {
      return page(exchange, repositories(), query);
    }
    if ((m = Pattern.compile("^/repos/([^/]+)/([^/]+)/rules/branches/([^/]+)$").matcher(p))
        .matches()) {
      return withRepo(
          m,
          (repo, branch) ->
              ok(
                  shapes.branchRules(
                      login + "/" + name(repo),
                      org.protection(repo).path("rulesets"),
                      rulesetBase(repo))));
    }
    if ((m = Pattern.compile("^/repos/([^/]+)/([^/]+)/branches/([^/]+)/protection$").matcher(p))
        .matches()) {
      return withRepo(
          m,
          (repo, branch) -> {
            JsonNode classic = org.protection(repo).path("branch_protection");
            if (!ownerToken) {
              return new Response(403, message("Resource not accessible by personal access token"));
            }
            return classic.isMissingNode()
                ? new Response(404, message("Branch not protected"))
                : ok(shapes.protection(login + "/" + name(repo), branch, classic));
          });
    }
    if ((m = Pattern.compile("^/repos/([^/]+)/([^/]+)/branches/([^/]+)$").matcher(p)).matches()) {
      return withRepo(
          m,
          (repo, branch) -> {
            JsonNode prot = org.protection(repo);
            boolean active = prot.has("branch_protection");
            for (JsonNode rs : prot.path("rulesets")) {
              active |= rs.path("enforcement").asText().equals("active");
            }
            return ok(shapes.branch(login + "/" + name(repo), branch, active, sha(name(repo))));
          });
    }
    return notFound();
  }

  private interface RepoHandler {
    Response handle(JsonNode repo, String branch);
  }

  private Response withRepo(Matcher m, RepoHandler handler) {
    if (!m.group(1).equals(org.login())) {
      return notFound();
    }
    Optional<JsonNode> repo = org.repository(decode(m.group(2)));
    if (repo.isEmpty()) {
      return notFound();
    }
    String branch = decode(m.group(3));
    if (!branch.equals(repo.get().path("default_branch").asText("main"))) {
      return new Response(404, message("Branch not found"));
    }
    return handler.handle(repo.get(), branch);
  }

  private long rulesetBase(JsonNode repo) {
    return 100_000L + 10L * org.repositories().indexOf(repo);
  }

  private List<JsonNode> members(Map<String, String> query) {
    List<JsonNode> out = new ArrayList<>();
    long id = 5_000_000L;
    String role = query.getOrDefault("role", "all");
    String filter = query.getOrDefault("filter", "all");
    for (JsonNode m : org.members()) {
      id++;
      if (role.equals("admin") && !m.path("role").asText().equals("owner")) {
        continue;
      }
      if (filter.equals("2fa_disabled") && m.path("two_factor").asBoolean(true)) {
        continue;
      }
      out.add(shapes.user(m.path("login").asText(), id));
    }
    return out;
  }

  private List<JsonNode> repositories() {
    List<JsonNode> out = new ArrayList<>();
    long id = 700_000_000L;
    for (JsonNode r : org.repositories()) {
      out.add(shapes.repository(org.login(), 9_000_001L, r, ++id));
    }
    return out;
  }

  private Response page(HttpExchange exchange, List<JsonNode> all, Map<String, String> query) {
    if (query.containsKey("filter") && query.get("filter").equals("2fa_disabled") && !ownerToken) {
      return new Response(422, message("Only owners can use this filter."));
    }
    int perPage = Math.max(1, Math.min(100, parseInt(query.get("per_page"), 30)));
    int pageNo = Math.max(1, parseInt(query.get("page"), 1));
    int from = Math.min(all.size(), (pageNo - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    ArrayNode body = JSON.arrayNode();
    all.subList(from, to).forEach(body::add);
    Response r = ok(body);
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    List<String> links = new ArrayList<>();
    if (pageNo < last) {
      links.add("<" + pageUrl(exchange, pageNo + 1) + ">; rel=\"next\"");
      links.add("<" + pageUrl(exchange, last) + ">; rel=\"last\"");
    }
    if (pageNo > 1) {
      links.add("<" + pageUrl(exchange, 1) + ">; rel=\"first\"");
      links.add("<" + pageUrl(exchange, pageNo - 1) + ">; rel=\"prev\"");
    }
    if (!links.isEmpty()) {
      r.headers.put("Link", String.join(", ", links));
    }
    return r;
  }

  private String pageUrl(HttpExchange exchange, int page) {
    URI uri = exchange.getRequestURI();
    String query =
        uri.getRawQuery() == null ? "" : uri.getRawQuery().replaceAll("(^|&)page=\\d+", "");
    query = query.startsWith("&") ? query.substring(1) : query;
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + uri.getRawPath()
        + "?"
        + (query.isEmpty() ? "" : query + "&")
        + "page="
        + page;
  }

  /** Sends the response (a 304 instead when the client's ETag matches); returns the status sent. */
  private int send(HttpExchange exchange, Response response) throws IOException {
    byte[] body =
        response.body == null ? new byte[0] : Json.mapper().writeValueAsBytes(response.body);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json; charset=utf-8");
    headers.set("X-GitHub-Media-Type", "github.v3; format=json");
    headers.set("X-OAuth-Scopes", "read:org, repo");
    response.headers.forEach(headers::set);
    int status = response.status;
    if (status == 200) {
      String etag = "W/\"" + etag(body) + "\"";
      headers.set("ETag", etag);
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        rateHeaders(exchange, false);
        exchange.sendResponseHeaders(304, -1);
        return 304;
      }
    }
    if (!headers.containsKey("X-RateLimit-Remaining")) {
      rateHeaders(exchange, status != 304);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    return status;
  }

  private void rateHeaders(HttpExchange exchange, boolean counts) {
    long remaining = counts ? rateRemaining.decrementAndGet() : rateRemaining.get();
    var headers = exchange.getResponseHeaders();
    headers.set("X-RateLimit-Limit", "5000");
    headers.set("X-RateLimit-Remaining", String.valueOf(Math.max(0, remaining)));
    headers.set("X-RateLimit-Reset", String.valueOf(Instant.now().getEpochSecond() + 3600));
    headers.set("X-RateLimit-Resource", "core");
  }

  /** GET /rate_limit: the core budget as GitHub reports it (this request is not counted). */
  private ObjectNode rateLimit() {
    long remaining = Math.max(0, rateRemaining.get());
    long reset = Instant.now().getEpochSecond() + 3600;
    ObjectNode core = JSON.objectNode();
    core.put("limit", 5000);
    core.put("used", 5000 - remaining);
    core.put("remaining", remaining);
    core.put("reset", reset);
    ObjectNode root = JSON.objectNode();
    root.putObject("resources").set("core", core);
    root.set("rate", core.deepCopy());
    return root;
  }

  private static Response ok(JsonNode body) {
    return new Response(200, body);
  }

  private static Response notFound() {
    return new Response(404, message("Not Found"));
  }

  private static ObjectNode message(String text) {
    ObjectNode o = JSON.objectNode();
    o.put("message", text);
    o.put("documentation_url", "https://docs.github.com/rest");
    return o;
  }

  private static String name(JsonNode repo) {
    return repo.path("name").asText();
  }

  private static String sha(String seed) {
    return etag(seed.getBytes(StandardCharsets.UTF_8)) + "0123456789abcdef01234567".substring(0, 8);
  }

  private static String etag(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pathAndQuery(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    if (uri.getRawQuery() == null) {
      return out;
    }
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static int parseInt(String s, int fallback) {
    try {
      return s == null ? fallback : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
