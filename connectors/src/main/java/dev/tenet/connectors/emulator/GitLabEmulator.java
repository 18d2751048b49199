package dev.tenet.connectors.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A local HTTP server that speaks the GitLab REST API v4 for a {@link SampleGroup}: the demo runs
 * the real connector against it, tests plant faults and tiers in it, and benchmarks give it
 * latency. Like GitLab it checks the PRIVATE-TOKEN header, refuses what the token's role or the
 * licence tier does not allow, paginates with Link headers (offset, and keyset for the repository
 * tree), answers conditional requests with 304, and sends RateLimit-* headers.
 */
public final class GitLabEmulator implements AutoCloseable {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String API = "/api/v4";

  private final SampleGroup sample;
  private final String token;
  private final HttpServer server;
  private final ExecutorService executor;
  private final GitLabShapes shapes;
  private final Map<String, Long> groupIds = new LinkedHashMap<>();
  private final Map<Long, JsonNode> groupsById = new LinkedHashMap<>();
  private final Map<String, Long> projectIds = new LinkedHashMap<>();
  private final Map<Long, JsonNode> projectsById = new LinkedHashMap<>();
  private final Map<String, Long> userIds = new ConcurrentHashMap<>();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final Map<java.util.regex.Pattern, List<Integer>> faults = new ConcurrentHashMap<>();
  private final AtomicLong rateRemaining = new AtomicLong(2000);
  private volatile boolean rateLimited;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Duration latency = Duration.ZERO;
  private volatile String role;
  private volatile boolean admin;
  private volatile String tier;
  private volatile String edition;
  private volatile String version;

  private GitLabEmulator(SampleGroup sample, String token) throws IOException {
    this.sample = sample;
    this.token = token;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.executor =
        Executors.newFixedThreadPool(
            16,
            r -> {
              Thread t = new Thread(r, "gitlab-emulator");
              t.setDaemon(true);
              return t;
            });
    this.server.setExecutor(executor);
    this.server.createContext("/", this::handle);
    this.shapes = new GitLabShapes(url().toString());
    JsonNode instance = sample.instance();
    this.tier = instance.path("tier").asText("premium");
    this.edition = instance.path("edition").asText("ee");
    this.version = instance.path("version").asText("19.0.0");
    this.role = sample.token().path("role").asText("owner");
    this.admin = sample.token().path("admin").asBoolean(false);
    long id = 100;
    for (JsonNode g : sample.groups()) {
      groupIds.put(g.path("path").asText(), id);
      groupsById.put(id++, g);
    }
    id = 1000;
    for (JsonNode p : sample.projects()) {
      projectIds.put(p.path("path").asText(), id);
      projectsById.put(id++, p);
    }
  }

  /** Starts an emulator on a free loopback port that accepts only {@code token}. */
  public static GitLabEmulator start(SampleGroup sample, String token) {
    try {
      GitLabEmulator emulator = new GitLabEmulator(sample, token);
      emulator.server.start();
      return emulator;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start the GitLab emulator on a loopback port", e);
    }
  }

  /** The instance's address, as a user would give it: http://127.0.0.1:PORT. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public SampleGroup sample() {
    return sample;
  }

  public GitLabEmulator latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  /** The token's role in the top group: owner, maintainer, developer, reporter. */
  public GitLabEmulator tokenRole(String role) {
    this.role = role;
    return this;
  }

  public GitLabEmulator admin(boolean admin) {
    this.admin = admin;
    return this;
  }

  /** The licence: free, premium or ultimate; with edition ce, always free. */
  public GitLabEmulator tier(String tier, String edition) {
    this.tier = tier;
    this.edition = edition;
    return this;
  }

  public GitLabEmulator version(String version) {
    this.version = version;
    return this;
  }

  /** The next requests whose path and query match {@code pathRegex} fail with these statuses. */
  public GitLabEmulator fail(String pathRegex, Integer... statuses) {
    faults.put(
        java.util.regex.Pattern.compile(pathRegex),
        Collections.synchronizedList(new ArrayList<>(List.of(statuses))));
    return this;
  }

  /**
   * Turns on rate limiting (off by default, as on self-managed GitLab) with this many requests left
   * in the window: responses carry RateLimit-* headers, and once none are left the next request
   * gets 429 with Retry-After.
   */
  public GitLabEmulator rateLimitRemaining(long remaining) {
    rateRemaining.set(remaining);
    rateLimited = true;
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

  // --- Serving -------------------------------------------------------------------------------

  private record Response(
      int status, byte[] body, String contentType, Map<String, String> headers) {
    static Response json(int status, JsonNode body) {
      try {
        return new Response(
            status,
            Json.mapper().writeValueAsBytes(body),
            "application/json",
            new LinkedHashMap<>());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static Response text(int status, String body, String type) {
      return new Response(
          status, body.getBytes(StandardCharsets.UTF_8), type, new LinkedHashMap<>());
    }
  }

  private static final class Denied extends RuntimeException {
    final Response response;

    Denied(Response response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!latency.isZero()) {
        Thread.sleep(latency.toMillis());
      }
      requests.incrementAndGet();
      Response response;
      try {
        response = route(exchange);
      } catch (Denied d) {
        response = d.response;
      }
      int status = send(exchange, response);
      log.add(exchange.getRequestMethod() + " " + pathAndQuery(exchange) + " " + status);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Response route(HttpExchange exchange) {
    String full = pathAndQuery(exchange);
    for (Map.Entry<java.util.regex.Pattern, List<Integer>> fault : faults.entrySet()) {
      if (fault.getKey().matcher(full).find() && !fault.getValue().isEmpty()) {
        int status = fault.getValue().remove(0);
        if (status == 429) {
          Response r = Response.json(429, message("Retry later"));
          r.headers.put("Retry-After", "1");
          return r;
        }
        if (status >= 500) {
          return Response.text(
              status, "<html><body><h1>" + status + "</h1></body></html>", "text/html");
        }
        return Response.json(status, message(status + " Emulated fault"));
      }
    }
    String privateToken = exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN");
    String bearer = exchange.getRequestHeaders().getFirst("Authorization");
    if (!token.equals(privateToken) && !("Bearer " + token).equals(bearer)) {
      return Response.json(401, message("401 Unauthorized"));
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      return Response.json(405, message("405 Method Not Allowed: Tenet never writes"));
    }
    if (rateLimited && rateRemaining.get() <= 0) {
      Response r = Response.json(429, message("Retry later"));
      r.headers.put("Retry-After", "1");
      r.headers.put("RateLimit-Remaining", "0");
      r.headers.put("RateLimit-Reset", String.valueOf(Instant.now().getEpochSecond() + 1));
      rateRemaining.set(2000);
      return r;
    }
    String rawPath = exchange.getRequestURI().getRawPath();
    if (!rawPath.startsWith(API + "/")) {
      return notFound();
    }
    String[] seg = rawPath.substring(API.length() + 1).split("/");
    Map<String, String> query = query(exchange.getRequestURI());
    return switch (seg[0]) {
      case "metadata" -> ok(metadata());
      case "user" -> ok(currentUser());
      case "personal_access_tokens" ->
          seg.length == 2 && seg[1].equals("self") ? ok(scannerToken()) : notFound();
      case "namespaces" -> seg.length == 2 ? namespace(decode(seg[1])) : notFound();
      case "groups" -> group(exchange, seg, query);
      case "projects" -> project(exchange, seg, query);
      case "runners" -> seg.length == 2 ? runnerDetails(decode(seg[1])) : notFound();
      case "users" -> users(exchange, query);
      default -> notFound();
    };
  }

  private ObjectNode metadata() {
    ObjectNode m = JSON.objectNode();
    m.put("version", version + (edition.equals("ee") ? "-ee" : ""));
    m.put("revision", "c0ffee12");
    ObjectNode kas = m.putObject("kas");
    kas.put("enabled", false);
    kas.putNull("externalUrl");
    kas.putNull("version");
    m.put("enterprise", edition.equals("ee"));
    return m;
  }

  private ObjectNode currentUser() {
    JsonNode t = sample.token();
    String username = t.path("username").asText("tenet-scanner");
    ObjectNode u = JSON.objectNode();
    u.put("id", userId(username));
    u.put("username", username);
    u.put("name", "Tenet Scanner");
    u.put("state", "active");
    u.put("locked", false);
    u.put("web_url", url() + "/" + username);
    u.put("bot", false);
    u.put("is_admin", admin);
    u.put("two_factor_enabled", true);
    return u;
  }

  /** The scanner's own membership (what a connection test asks for its role); others: 404. */
  private Response scannerMembership(String what) {
    String username = sample.token().path("username").asText("tenet-scanner");
    if (!what.equals("members/all/" + userId(username))) {
      return Response.json(404, message("404 Not found"));
    }
    ObjectNode m = JSON.objectNode();
    m.put("id", userId(username));
    m.put("username", username);
    m.put("name", "Tenet Scanner");
    m.put("state", "active");
    m.put("access_level", roleLevel());
    return ok(m);
  }

  private ObjectNode scannerToken() {
    JsonNode t = sample.token();
    ObjectNode o = JSON.objectNode();
    o.put("id", t.path("id").asLong(9001));
    o.put("name", t.path("name").asText("tenet"));
    o.put("revoked", false);
    o.put("created_at", "2026-10-01T08:00:00.000Z");
    o.putNull("description");
    o.set("scopes", t.path("scopes").deepCopy());
    o.put("user_id", userId(t.path("username").asText("tenet-scanner")));
    o.put("last_used_at", "2026-11-26T09:59:00.000Z");
    o.put("active", true);
    if (t.path("expires_at").isTextual()) {
      o.put("expires_at", t.path("expires_at").asText());
    } else {
      o.putNull("expires_at");
    }
    return o;
  }

  private Response namespace(String idOrPath) {
    Optional<Long> id = groupId(idOrPath);
    if (id.isEmpty()) {
      return notFound();
    }
    JsonNode g = groupsById.get(id.get());
    ObjectNode n = JSON.objectNode();
    String path = g.path("path").asText();
    n.put("id", id.get());
    n.put("name", g.path("name").asText(path));
    n.put("path", path.substring(path.lastIndexOf('/') + 1));
    n.put("kind", "group");
    n.put("full_path", path);
    Long parent = parentId(path);
    if (parent == null) {
      n.putNull("parent_id");
    } else {
      n.put("parent_id", parent);
    }
    n.put("web_url", url() + "/groups/" + path);
    // GitLab.com shows the plan to Owners; a self-managed instance has a licence instead.
    JsonNode plan = sample.instance().path("plan_visible");
    if (plan.asBoolean(false) && roleLevel() >= 50) {
      n.put("plan", tier);
    }
    return ok(n);
  }

  // --- Groups --------------------------------------------------------------------------------

  private Response group(HttpExchange exchange, String[] seg, Map<String, String> query) {
    if (seg.length < 2) {
      return notFound();
    }
    Optional<Long> id = groupId(decode(seg[1]));
    if (id.isEmpty()) {
      return Response.json(404, message("404 Group Not Found"));
    }
    JsonNode spec = groupsById.get(id.get());
    String path = spec.path("path").asText();
    if (seg.length == 2) {
      return ok(shapes.group(spec, id.get(), parentId(path)));
    }
    String what = String.join("/", java.util.Arrays.copyOfRange(seg, 2, seg.length));
    return switch (what) {
      case "descendant_groups" ->
          page(
              exchange,
              query,
              descendants(path).stream()
                  .map(
                      g ->
                          (JsonNode)
                              shapes.group(
                                  g,
                                  groupIds.get(g.path("path").asText()),
                                  parentId(g.path("path").asText())))
                  .toList());
      case "projects" ->
          page(exchange, query, groupProjects(path, "true".equals(query.get("include_subgroups"))));
      case "members" -> page(exchange, query, members(path, false));
      case "members/all" -> page(exchange, query, members(path, true));
      case String member when member.startsWith("members/all/") -> scannerMembership(member);
      case "billable_members" -> {
        need(50, false);
        if (parentId(path) != null) {
          yield Response.json(
              400,
              message(
                  "400 Bad request - Billable Members endpoint is only available for top-level groups"));
        }
        yield page(exchange, query, billable());
      }
      case "variables" -> {
        need(50, false);
        yield page(exchange, query, list(spec.path("variables"), shapes::variable));
      }
      case "access_tokens" -> {
        need(50, false);
        yield page(
            exchange,
            query,
            list(
                spec.path("access_tokens"),
                t -> shapes.accessToken(t, 9000 + t.path("id").asLong())));
      }
      case "deploy_tokens" -> {
        need(50, false);
        yield page(exchange, query, list(spec.path("deploy_tokens"), shapes::deployToken));
      }
      case "hooks" -> {
        need(50, true);
        yield page(
            exchange,
            query,
            list(spec.path("hooks"), h -> shapes.hook(h, "group_id", id.get(), reportsTokens())));
      }
      case "runners" -> {
        need(40, false);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode rid : spec.path("runners")) {
          runner(rid.asLong()).ifPresent(r -> out.add(shapes.runner(r)));
        }
        yield page(exchange, query, out);
      }
      case "protected_environments" -> {
        need(40, true);
        yield page(
            exchange,
            query,
            list(spec.path("protected_environments"), shapes::protectedEnvironment));
      }
      case "saml_group_links" -> {
        need(50, true);
        ArrayNode links = JSON.arrayNode();
        if (spec.path("saml").asBoolean(false)) {
          ObjectNode link = links.addObject();
          link.put("name", "acme-engineering");
          link.put("access_level", 30);
          link.putNull("member_role_id");
        }
        yield ok(links);
      }
      default -> notFound();
    };
  }

  private List<JsonNode> descendants(String path) {
    return sample.groups().stream()
        .filter(g -> g.path("path").asText().startsWith(path + "/"))
        .toList();
  }

  private List<JsonNode> groupProjects(String path, boolean subgroups) {
    boolean maintainer = roleLevel() >= 40;
    List<JsonNode> out = new ArrayList<>();
    for (Map.Entry<Long, JsonNode> e : projectsById.entrySet()) {
      String p = e.getValue().path("path").asText();
      String ns = namespaceOf(p);
      if (ns.equals(path) || (subgroups && ns.startsWith(path + "/"))) {
        out.add(
            shapes.project(
                e.getValue(),
                e.getKey(),
                groupIds.get(ns),
                sample.group(ns).orElseThrow(),
                maintainer));
      }
    }
    return out;
  }

  /** Direct members, or everyone with access (direct and inherited, highest level wins). */
  private List<JsonNode> members(String path, boolean all) {
    Map<String, JsonNode> specs = new LinkedHashMap<>();
    Map<String, Integer> levels = new LinkedHashMap<>();
    List<String> chain = new ArrayList<>();
    if (all) {
      String[] parts = path.split("/");
      StringBuilder prefix = new StringBuilder();
      for (String part : parts) {
        prefix.append(prefix.length() == 0 ? "" : "/").append(part);
        chain.add(prefix.toString());
      }
    } else {
      chain.add(path);
    }
    for (String g : chain) {
      sample
          .group(g)
          .ifPresent(
              spec ->
                  spec.path("members")
                      .forEach(
                          m -> {
                            String u = m.path("username").asText();
                            int level = GitLabShapes.level(m.path("access").asText("developer"));
                            if (level >= levels.getOrDefault(u, -1)) {
                              levels.put(u, level);
                              specs.put(u, m);
                            }
                          }));
    }
    boolean samlVisible =
        sample.groups().get(0).path("saml").asBoolean(false)
            && roleLevel() >= 50
            && !tier.equals("free");
    List<JsonNode> out = new ArrayList<>();
    specs.forEach((u, m) -> out.add(shapes.member(m, userId(u), levels.get(u), samlVisible)));
    return out;
  }

  private List<JsonNode> billable() {
    Map<String, JsonNode> all = new LinkedHashMap<>();
    for (JsonNode g : sample.groups()) {
      g.path("members").forEach(m -> all.putIfAbsent(m.path("username").asText(), m));
    }
    List<JsonNode> out = new ArrayList<>();
    all.forEach((u, m) -> out.add(shapes.billableMember(m, userId(u))));
    return out;
  }

  private Response users(HttpExchange exchange, Map<String, String> query) {
    Map<String, JsonNode> all = new LinkedHashMap<>();
    for (JsonNode g : sample.groups()) {
      g.path("members").forEach(m -> all.putIfAbsent(m.path("username").asText(), m));
    }
    List<JsonNode> out = new ArrayList<>();
    // Like GitLab: the two_factor filter (and the field) are for administrators only.
    boolean filter = admin && "disabled".equals(query.get("two_factor"));
    all.forEach(
        (u, m) -> {
          boolean has2fa = m.path("two_factor").asBoolean(true);
          if (filter && has2fa) {
            return;
          }
          ObjectNode user = JSON.objectNode();
          user.put("id", userId(u));
          user.put("username", u);
          user.put("name", u);
          user.put("state", "active");
          if (admin) {
            user.put("two_factor_enabled", has2fa);
          }
          out.add(user);
        });
    return page(exchange, query, out);
  }

  // --- Projects ------------------------------------------------------------------------------

  private Response project(HttpExchange exchange, String[] seg, Map<String, String> query) {
    if (seg.length < 2) {
      return notFound();
    }
    String key = decode(seg[1]);
    Long id = key.chars().allMatch(Character::isDigit) ? Long.valueOf(key) : projectIds.get(key);
    JsonNode spec = id == null ? null : projectsById.get(id);
    if (spec == null) {
      return Response.json(404, message("404 Project Not Found"));
    }
    String path = spec.path("path").asText();
    String ns = namespaceOf(path);
    if (seg.length == 2) {
      return ok(
          shapes.project(
              spec, id, groupIds.get(ns), sample.group(ns).orElseThrow(), roleLevel() >= 40));
    }
    String what = seg[2];
    return switch (what) {
      case "access_tokens" -> {
        need(40, false);
        yield page(
            exchange,
            query,
            list(
                spec.path("access_tokens"),
                t -> shapes.accessToken(t, 8000 + t.path("id").asLong())));
      }
      case "deploy_tokens" -> {
        need(40, false);
        yield page(exchange, query, list(spec.path("deploy_tokens"), shapes::deployToken));
      }
      case "deploy_keys" -> {
        need(40, false);
        yield page(exchange, query, list(spec.path("deploy_keys"), shapes::deployKey));
      }
      case "protected_branches" -> {
        need(30, false);
        List<JsonNode> out = new ArrayList<>();
        long pb = id * 10;
        for (JsonNode b : spec.path("protected_branches")) {
          out.add(shapes.protectedBranch(b, pb++));
        }
        yield page(exchange, query, out);
      }
      case "approvals" -> {
        need(30, true);
        yield ok(shapes.approvals(spec.path("approvals"), 0));
      }
      case "approval_rules" -> {
        need(30, true);
        List<JsonNode> out = new ArrayList<>();
        long rid = id * 100;
        for (JsonNode r : spec.path("approval_rules")) {
          out.add(shapes.approvalRule(r, rid++, spec.path("protected_branches")));
        }
        yield page(exchange, query, out);
      }
      case "push_rule" -> {
        need(40, true);
        JsonNode rule = spec.path("push_rule");
        yield ok(rule.isObject() ? shapes.pushRule(rule, id) : NullNode.instance);
      }
      case "variables" -> {
        need(40, false);
        yield page(exchange, query, list(spec.path("variables"), shapes::variable));
      }
      case "hooks" -> {
        need(40, false);
        yield page(
            exchange,
            query,
            list(spec.path("hooks"), h -> shapes.hook(h, "project_id", id, reportsTokens())));
      }
      case "runners" -> {
        need(40, false);
        yield page(
            exchange,
            query,
            projectRunners(spec).stream().map(r -> (JsonNode) shapes.runner(r)).toList());
      }
      case "environments" -> {
        need(20, false);
        List<JsonNode> out = new ArrayList<>();
        long eid = id * 10;
        for (JsonNode e : spec.path("environments")) {
          out.add(shapes.environment(e, eid++));
        }
        yield page(exchange, query, out);
      }
      case "protected_environments" -> {
        need(40, true);
        yield page(
            exchange,
            query,
            list(spec.path("protected_environments"), shapes::protectedEnvironment));
      }
      case "job_token_scope" -> {
        need(40, false);
        ObjectNode scope = JSON.objectNode();
        scope.put(
            "inbound_enabled",
            spec.path("job_token_scope").path("inbound_enabled").asBoolean(true));
        scope.put("outbound_enabled", false);
        yield ok(scope);
      }
      case "repository" -> repository(exchange, spec, seg, query);
      default -> notFound();
    };
  }

  private List<JsonNode> projectRunners(JsonNode project) {
    String path = project.path("path").asText();
    JsonNode s = project.path("settings");
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : sample.runners()) {
      String type = r.path("runner_type").asText();
      boolean serves =
          switch (type) {
            case "instance_type" -> s.path("shared_runners_enabled").asBoolean(true);
            case "group_type" ->
                s.path("group_runners_enabled").asBoolean(true)
                    && groupRunnerReaches(r.path("id").asLong(), path);
            default -> {
              boolean listed = false;
              for (JsonNode p : r.path("projects")) {
                listed |= p.asText().equals(path);
              }
              yield listed;
            }
          };
      if (serves) {
        out.add(r);
      }
    }
    return out;
  }

  private boolean groupRunnerReaches(long runnerId, String projectPath) {
    for (JsonNode g : sample.groups()) {
      for (JsonNode rid : g.path("runners")) {
        if (rid.asLong() == runnerId && projectPath.startsWith(g.path("path").asText() + "/")) {
          return true;
        }
      }
    }
    return false;
  }

  private Response repository(
      HttpExchange exchange, JsonNode spec, String[] seg, Map<String, String> query) {
    need(20, false);
    String branch =
        spec.path("default_branch").isNull() ? null : spec.path("default_branch").asText("main");
    if (branch == null || spec.path("empty_repo").asBoolean(false)) {
      return Response.json(404, message("404 Tree Not Found"));
    }
    String ref = query.get("ref");
    if (seg.length == 6 && seg[3].equals("files") && seg[5].equals("raw")) {
      if (!branch.equals(ref)) {
        return Response.json(
            404, message("404 File Not Found")); // e.g. a client defaulting to master
      }
      JsonNode content = spec.path("files").path(decode(seg[4]));
      return content.isTextual()
          ? Response.text(200, content.asText(), "text/plain; charset=utf-8")
          : Response.json(404, message("404 File Not Found"));
    }
    if (seg.length == 4 && seg[3].equals("tree")) {
      if (ref != null && !branch.equals(ref)) {
        return Response.json(404, message("404 Tree Not Found"));
      }
      return tree(exchange, spec.path("files"), query);
    }
    return notFound();
  }

  /** The repository tree of a folder, with keyset pagination as GitLab offers it for trees. */
  private Response tree(HttpExchange exchange, JsonNode files, Map<String, String> query) {
    String folder = query.getOrDefault("path", "");
    boolean recursive = "true".equals(query.get("recursive"));
    TreeSet<String> entries = new TreeSet<>();
    files
        .fieldNames()
        .forEachRemaining(
            f -> {
              String prefix = folder.isEmpty() ? "" : folder + "/";
              if (!f.startsWith(prefix)) {
                return;
              }
              String rest = f.substring(prefix.length());
              int slash = rest.indexOf('/');
              if (slash < 0 || recursive) {
                entries.add("blob:" + f);
              }
              if (slash >= 0) {
                entries.add("tree:" + prefix + rest.substring(0, slash));
                if (recursive) {
                  String[] parts = rest.split("/");
                  StringBuilder p = new StringBuilder(prefix);
                  for (int i = 0; i < parts.length - 1; i++) {
                    p.append(i == 0 ? "" : "/").append(parts[i]);
                    entries.add("tree:" + p);
                  }
                }
              }
            });
    List<JsonNode> all = new ArrayList<>();
    for (String e : entries) {
      String type = e.substring(0, 4);
      String p = e.substring(5);
      ObjectNode n = JSON.objectNode();
      n.put("id", etag(p.getBytes(StandardCharsets.UTF_8)) + "00000000");
      n.put("name", p.substring(p.lastIndexOf('/') + 1));
      n.put("type", type);
      n.put("path", p);
      n.put("mode", type.equals("tree") ? "040000" : "100644");
      all.add(n);
    }
    if (!"keyset".equals(query.get("pagination"))) {
      return page(exchange, query, all);
    }
    int perPage = Math.max(1, Math.min(100, parseInt(query.get("per_page"), 20)));
    String after = query.get("page_token");
    int from = 0;
    if (after != null) {
      while (from < all.size() && all.get(from).path("path").asText().compareTo(after) <= 0) {
        from++;
      }
    }
    int to = Math.min(all.size(), from + perPage);
    ArrayNode body = JSON.arrayNode();
    all.subList(from, to).forEach(body::add);
    Response r = ok(body);
    if (to < all.size()) {
      Map<String, String> next = new LinkedHashMap<>(query);
      next.put("page_token", all.get(to - 1).path("path").asText());
      r.headers.put("Link", "<" + link(exchange, next) + ">; rel=\"next\"");
    }
    return r;
  }

  private Response runnerDetails(String idText) {
    Optional<JsonNode> spec;
    try {
      spec = runner(Long.parseLong(idText));
    } catch (NumberFormatException e) {
      return notFound();
    }
    if (spec.isEmpty()) {
      return Response.json(404, message("404 Runner Not Found"));
    }
    // Like GitLab: any user may read an instance runner; the others need Maintainer or Owner.
    if (!spec.get().path("runner_type").asText().equals("instance_type")) {
      need(40, false);
    }
    ArrayNode projects = JSON.arrayNode();
    for (JsonNode p : spec.get().path("projects")) {
      Long pid = projectIds.get(p.asText());
      if (pid != null) {
        ObjectNode o = projects.addObject();
        o.put("id", pid);
        o.put("path_with_namespace", p.asText());
      }
    }
    return ok(shapes.runnerDetails(spec.get(), projects, JSON.arrayNode()));
  }

  // --- Helpers -------------------------------------------------------------------------------

  /** Refuses like GitLab when the token's role or the licence does not allow the endpoint. */
  private void need(int level, boolean premium) {
    if (premium && (edition.equals("ce") || tier.equals("free"))) {
      throw new Denied(
          edition.equals("ce")
              ? Response.json(404, error("404 Not Found"))
              : Response.json(403, message("403 Forbidden")));
    }
    if (roleLevel() < level && !admin) {
      throw new Denied(Response.json(403, message("403 Forbidden")));
    }
  }

  private int roleLevel() {
    return GitLabShapes.level(role);
  }

  private boolean reportsTokens() {
    String[] parts = version.split("\\.");
    return parseInt(parts[0], 0) >= 19;
  }

  private Optional<JsonNode> runner(long id) {
    return sample.runners().stream().filter(r -> r.path("id").asLong() == id).findFirst();
  }

  private Optional<Long> groupId(String idOrPath) {
    if (idOrPath.chars().allMatch(Character::isDigit)) {
      long id = Long.parseLong(idOrPath);
      return groupsById.containsKey(id) ? Optional.of(id) : Optional.empty();
    }
    for (Map.Entry<String, Long> e : groupIds.entrySet()) {
      if (e.getKey().equalsIgnoreCase(idOrPath)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  private Long parentId(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? null : groupIds.get(path.substring(0, slash));
  }

  private static String namespaceOf(String projectPath) {
    return projectPath.substring(0, projectPath.lastIndexOf('/'));
  }

  private long userId(String username) {
    return userIds.computeIfAbsent(username, u -> 5000L + userIds.size());
  }

  private static List<JsonNode> list(JsonNode specs, Function<JsonNode, ObjectNode> shape) {
    List<JsonNode> out = new ArrayList<>();
    specs.forEach(s -> out.add(shape.apply(s)));
    return out;
  }

  /** Offset pagination as GitLab sends it: Link, X-Page, X-Total and friends. */
  private Response page(HttpExchange exchange, Map<String, String> query, List<JsonNode> all) {
    int perPage = Math.max(1, Math.min(100, parseInt(query.get("per_page"), 20)));
    int pageNo = Math.max(1, parseInt(query.get("page"), 1));
    int from = Math.min(all.size(), (pageNo - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    ArrayNode body = JSON.arrayNode();
    all.subList(from, to).forEach(body::add);
    Response r = ok(body);
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    List<String> links = new ArrayList<>();
    if (pageNo > 1) {
      links.add("<" + pageLink(exchange, query, pageNo - 1) + ">; rel=\"prev\"");
    }
    if (pageNo < last) {
      links.add("<" + pageLink(exchange, query, pageNo + 1) + ">; rel=\"next\"");
    }
    links.add("<" + pageLink(exchange, query, 1) + ">; rel=\"first\"");
    links.add("<" + pageLink(exchange, query, last) + ">; rel=\"last\"");
    r.headers.put("Link", String.join(", ", links));
    r.headers.put("X-Page", String.valueOf(pageNo));
    r.headers.put("X-Per-Page", String.valueOf(perPage));
    r.headers.put("X-Total", String.valueOf(all.size()));
    r.headers.put("X-Total-Pages", String.valueOf(last));
    r.headers.put("X-Next-Page", pageNo < last ? String.valueOf(pageNo + 1) : "");
    r.headers.put("X-Prev-Page", pageNo > 1 ? String.valueOf(pageNo - 1) : "");
    return r;
  }

  private String pageLink(HttpExchange exchange, Map<String, String> query, int page) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put("page", String.valueOf(page));
    return link(exchange, q);
  }

  private String link(HttpExchange exchange, Map<String, String> query) {
    StringBuilder q = new StringBuilder();
    query.forEach(
        (k, v) ->
            q.append(q.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return url() + exchange.getRequestURI().getRawPath() + "?" + q;
  }

  /** Sends the response (a 304 when the client's ETag matches); returns the status sent. */
  private int send(HttpExchange exchange, Response response) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", response.contentType);
    headers.set("Cache-Control", "max-age=0, private, must-revalidate");
    headers.set("X-Request-Id", "01J" + requests.get());
    response.headers.forEach(headers::set);
    int status = response.status;
    if (rateLimited && !headers.containsKey("RateLimit-Remaining")) {
      long remaining = Math.max(0, rateRemaining.decrementAndGet());
      long reset = Instant.now().getEpochSecond() + 1;
      headers.set("RateLimit-Name", "throttle_authenticated_api");
      headers.set("RateLimit-Limit", "2000");
      headers.set("RateLimit-Observed", String.valueOf(2000 - remaining));
      headers.set("RateLimit-Remaining", String.valueOf(remaining));
      headers.set("RateLimit-Reset", String.valueOf(reset));
      headers.set(
          "RateLimit-ResetTime",
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              Instant.ofEpochSecond(reset).atOffset(ZoneOffset.UTC)));
    }
    if (status == 200) {
      String etag = "W/\"" + etag(response.body) + "\"";
      headers.set("ETag", etag);
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
        return 304;
      }
    }
    exchange.sendResponseHeaders(status, response.body.length == 0 ? -1 : response.body.length);
    if (response.body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body);
      }
    }
    return status;
  }

  private static Response ok(JsonNode body) {
    return Response.json(200, body);
  }

  private static Response notFound() {
    return Response.json(404, error("404 Not Found"));
  }

  private static ObjectNode message(String text) {
    ObjectNode o = JSON.objectNode();
    o.put("message", text);
    return o;
  }

  private static ObjectNode error(String text) {
    ObjectNode o = JSON.objectNode();
    o.put("error", text);
    return o;
  }

  private static String etag(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
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
