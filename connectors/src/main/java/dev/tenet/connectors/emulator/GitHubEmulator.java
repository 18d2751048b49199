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
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server that speaks the GitHub REST API for a {@link SampleOrganization}: the demo
 * runs the real connector against it, tests plant faults in it, and benchmarks give it latency. It
 * checks credentials (personal tokens, or a GitHub App's JWT and the installation tokens it
 * issues), paginates with Link headers, answers conditional requests with 304, and enforces a rate
 * limit with GitHub's headers. It shows owner-only settings to owners only, like GitHub.
 */
public final class GitHubEmulator implements AutoCloseable {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String API = "/api/v3";

  /** The account the emulator's personal token belongs to, as GET /user names it. */
  public static final String SCANNER = "tenet-scanner";

  /** What kind of personal token the emulator's token is. */
  public enum TokenKind {
    CLASSIC,
    FINE_GRAINED
  }

  private enum Caller {
    PERSONAL,
    APP_JWT,
    INSTALLATION
  }

  private record Response(int status, JsonNode body, Map<String, String> headers) {
    Response(int status, JsonNode body) {
      this(status, body, new LinkedHashMap<>());
    }
  }

  @FunctionalInterface
  private interface Handler {
    Response handle(Matcher m, Map<String, String> query, Caller caller);
  }

  private record Route(String method, Pattern pattern, Handler handler) {}

  private final SampleOrganization org;
  private final String token;
  private final HttpServer server;
  private final ExecutorService executor;
  private final GitHubShapes shapes;
  private final List<Route> routes = new ArrayList<>();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final Map<Pattern, List<Integer>> faults = new ConcurrentHashMap<>();
  private final Map<String, Instant> installationTokens = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final Object rateLock = new Object();
  private final long orgId = 9_000_001L;
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean ownerToken = true;
  private volatile TokenKind tokenKind = TokenKind.CLASSIC;
  private volatile String scopes = "read:org, repo";
  private volatile String appId;
  private volatile PublicKey appKey;
  private volatile Duration installationTokenLifetime = Duration.ofHours(1);
  private volatile Clock clock = Clock.systemUTC();
  private volatile String enterpriseVersion;
  private volatile boolean securityInLists = true;
  private volatile boolean rulesets = true;
  private long rateLimit = 5000;
  private Duration rateWindow = Duration.ofHours(1);
  private long rateRemaining = 5000;
  private Instant rateReset;

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
    routes();
  }

  /** Starts an emulator on a free loopback port that accepts {@code token} (a classic PAT). */
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

  /** The kind of the personal token, and (classic) the scopes GitHub reports for it. */
  public GitHubEmulator tokenKind(TokenKind kind, String classicScopes) {
    this.tokenKind = kind;
    this.scopes = classicScopes;
    return this;
  }

  /**
   * Accepts a GitHub App: JWTs signed by its key, and the installation tokens it exchanges them
   * for. The app's permissions are those of the installation named {@code slug} in the sample.
   */
  public GitHubEmulator app(String appId, PublicKey publicKey, Duration tokenLifetime) {
    this.appId = appId;
    this.appKey = publicKey;
    this.installationTokenLifetime = tokenLifetime;
    return this;
  }

  /** Answers like GitHub Enterprise Server of this version (its version header on every answer). */
  public GitHubEmulator enterpriseServer(String version) {
    this.enterpriseVersion = version;
    return this;
  }

  /**
   * Whether repository lists carry {@code security_and_analysis} (GitHub's do, for administrators);
   * without it, only GET /repos/{owner}/{repo} shows it, like some servers.
   */
  public GitHubEmulator securityInRepositoryLists(boolean included) {
    this.securityInLists = included;
    return this;
  }

  /** Answers like a server from before rulesets (GitHub Enterprise Server before 3.11): 404. */
  public GitHubEmulator withoutRulesets() {
    this.rulesets = false;
    return this;
  }

  /** The clock deciding "today" (for the ages in the sample) and token lifetimes. */
  public GitHubEmulator clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** A fault status for {@link #fail}: the answer promises a body and hangs up halfway. */
  public static final int TRUNCATED = -1;

  /**
   * The next requests whose path and query match {@code pathRegex} fail with these statuses (403
   * and 429 as secondary rate limits, {@link #TRUNCATED} as a cut connection).
   */
  public GitHubEmulator fail(String pathRegex, Integer... statuses) {
    faults.put(
        Pattern.compile(pathRegex),
        Collections.synchronizedList(new ArrayList<>(List.of(statuses))));
    return this;
  }

  /** A core rate limit of {@code limit} counted requests per {@code window}, like GitHub's. */
  public GitHubEmulator rateLimit(long limit, Duration window) {
    synchronized (rateLock) {
      this.rateLimit = limit;
      this.rateWindow = window;
      this.rateRemaining = limit;
      this.rateReset = null;
    }
    return this;
  }

  /** Sets the remaining core rate limit of the current window. */
  public GitHubEmulator rateLimitRemaining(long remaining) {
    synchronized (rateLock) {
      rateRemaining = remaining;
    }
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

  /** Revokes every installation token issued so far (their next use answers 401). */
  public void revokeInstallationTokens() {
    installationTokens.clear();
  }

  public int installationTokensIssued() {
    return tokensIssued.get();
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

  // ---- Serving ------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!latency.isZero()) {
        Thread.sleep(latency.toMillis());
      }
      requests.incrementAndGet();
      Response response = route(exchange);
      if (response.status == TRUNCATED) {
        exchange.sendResponseHeaders(200, 1000);
        exchange.getResponseBody().write("{\"login\":".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        log.add(exchange.getRequestMethod() + " " + pathAndQuery(exchange) + " truncated");
        return;
      }
      int status = send(exchange, response);
      log.add(exchange.getRequestMethod() + " " + pathAndQuery(exchange) + " " + status);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Response route(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    String full = pathAndQuery(exchange);
    for (Map.Entry<Pattern, List<Integer>> fault : faults.entrySet()) {
      if (fault.getKey().matcher(full).find() && !fault.getValue().isEmpty()) {
        int status = fault.getValue().remove(0);
        if (status == 429 || status == 403) {
          Response r = new Response(status, message("You have exceeded a secondary rate limit."));
          r.headers.put("Retry-After", "1");
          return r;
        }
        return new Response(status, message("Emulated fault"));
      }
    }
    Caller caller = caller(exchange.getRequestHeaders().getFirst("Authorization"));
    if (caller == null) {
      return new Response(401, message("Bad credentials"));
    }
    if (!path.startsWith(API)) {
      return notFound();
    }
    String p = path.substring(API.length());
    String method = exchange.getRequestMethod();
    for (Route route : routes) {
      Matcher m = route.pattern.matcher(p);
      if (m.matches()) {
        if (!route.method.equals(method)) {
          return new Response(405, message("Tenet never writes: this emulator is read-only"));
        }
        boolean appRoute =
            route.pattern.pattern().startsWith("^/app/")
                || route.pattern.pattern().endsWith("/installation$");
        if (appRoute != (caller == Caller.APP_JWT)) {
          return new Response(
              caller == Caller.APP_JWT ? 403 : 401,
              message(
                  caller == Caller.APP_JWT
                      ? "A JSON web token could not be used for this request."
                      : "A JSON web token is required to access this endpoint."));
        }
        if (!rulesets && route.pattern.pattern().matches(".*/rule(set)?s.*")) {
          return notFound();
        }
        Response limited = rateLimited();
        if (limited != null) {
          return limited;
        }
        return route.handler.handle(m, query(exchange.getRequestURI()), caller);
      }
    }
    return notFound();
  }

  private Caller caller(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String presented = authorization.substring("Bearer ".length()).strip();
    if (presented.equals(token)) {
      return Caller.PERSONAL;
    }
    Instant expiry = installationTokens.get(presented);
    if (expiry != null) {
      return clock.instant().isBefore(expiry) ? Caller.INSTALLATION : null;
    }
    if (appKey != null && validJwt(presented)) {
      return Caller.APP_JWT;
    }
    return null;
  }

  private boolean validJwt(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      return false;
    }
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(appKey);
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return false;
      }
      JsonNode header = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
      JsonNode claims = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
      long now = clock.instant().getEpochSecond();
      return header.path("alg").asText().equals("RS256")
          && claims.path("iss").asText().equals(appId)
          && claims.path("iat").asLong() <= now + 60
          && claims.path("exp").asLong() > now
          && claims.path("exp").asLong() - claims.path("iat").asLong() <= 600;
    } catch (Exception e) {
      return false;
    }
  }

  private Response rateLimited() {
    synchronized (rateLock) {
      Instant now = clock.instant();
      if (rateReset == null || !now.isBefore(rateReset)) {
        rateReset = now.plus(rateWindow);
        rateRemaining = rateLimit;
      }
      if (rateRemaining > 0) {
        return null;
      }
      Response r = new Response(403, message("API rate limit exceeded for installation."));
      r.headers.put("X-RateLimit-Limit", Long.toString(rateLimit));
      r.headers.put("X-RateLimit-Remaining", "0");
      r.headers.put("X-RateLimit-Reset", Long.toString(rateReset.getEpochSecond()));
      r.headers.put("X-RateLimit-Resource", "core");
      return r;
    }
  }

  /** GET /rate_limit: the core budget as GitHub reports it. */
  private ObjectNode rateLimit() {
    long remaining;
    long reset;
    synchronized (rateLock) {
      Instant now = clock.instant();
      remaining = Math.max(0, rateRemaining);
      reset = (rateReset == null ? now.plus(rateWindow) : rateReset).getEpochSecond();
    }
    ObjectNode core = JSON.objectNode();
    core.put("limit", rateLimit);
    core.put("used", rateLimit - remaining);
    core.put("remaining", remaining);
    core.put("reset", reset);
    ObjectNode root = JSON.objectNode();
    root.putObject("resources").set("core", core);
    root.set("rate", core.deepCopy());
    return root;
  }

  // ---- Routes -------------------------------------------------------------------------------

  private void get(String regex, Handler handler) {
    routes.add(new Route("GET", Pattern.compile("^" + regex + "$"), handler));
  }

  private void routes() {
    String o = "/orgs/([^/]+)";
    String r = "/repos/([^/]+)/([^/]+)";
    get(o, (m, q, c) -> withOrg(m, () -> ok(orgBody())));
    get(
        "/user",
        (m, q, c) ->
            c == Caller.PERSONAL
                ? ok(shapes.user(SCANNER, 9_000_101L))
                : new Response(403, message("Resource not accessible by integration")));
    get("/rate_limit", (m, q, c) -> ok(rateLimit()));
    get(o + "/installation", (m, q, c) -> withOrg(m, this::appInstallation));
    routes.add(
        new Route(
            "POST",
            Pattern.compile("^/app/installations/(\\d+)/access_tokens$"),
            (m, q, c) -> accessToken(m.group(1))));
    get(o + "/members", (m, q, c) -> withOrg(m, () -> members(q)));
    get(o + "/outside_collaborators", (m, q, c) -> withOrg(m, () -> outsideCollaborators(q)));
    get(o + "/credential-authorizations", (m, q, c) -> withOrg(m, this::credentialAuthorizations));
    get(o + "/audit-log", (m, q, c) -> withOrg(m, () -> auditLog(q)));
    get(o + "/teams", (m, q, c) -> withOrg(m, () -> page(teams(), q)));
    get(
        o + "/teams/([^/]+)/repos",
        (m, q, c) -> withOrg(m, () -> teamRepos(decode(m.group(2)), q)));
    get(
        o + "/teams/([^/]+)/members",
        (m, q, c) -> withOrg(m, () -> teamMembers(decode(m.group(2)), q)));
    get(o + "/hooks", (m, q, c) -> withOrg(m, () -> ownerOnly(() -> page(orgHooks(), q))));
    get(o + "/installations", (m, q, c) -> withOrg(m, () -> ownerOnly(() -> installations(q))));
    get(o + "/personal-access-tokens", (m, q, c) -> withOrg(m, () -> tokenGrants(q, c)));
    get(o + "/rulesets", (m, q, c) -> withOrg(m, () -> page(orgRulesets(false), q)));
    get(
        o + "/rulesets/(\\d+)",
        (m, q, c) -> withOrg(m, () -> ownerOnly(() -> orgRuleset(m.group(2)))));
    get(o + "/actions/permissions", (m, q, c) -> withOrg(m, () -> ownerOnly(this::orgActions)));
    get(
        o + "/actions/permissions/selected-actions",
        (m, q, c) -> withOrg(m, () -> ownerOnly(() -> ok(selectedActions(org.actions())))));
    get(
        o + "/actions/permissions/workflow",
        (m, q, c) -> withOrg(m, () -> ownerOnly(() -> ok(workflowPermissions(org.actions())))));
    get(
        o + "/actions/permissions/fork-pr-contributor-approval",
        (m, q, c) ->
            withOrg(
                m,
                () ->
                    ownerOnly(
                        () ->
                            ok(
                                forkApproval(
                                    org.actions()
                                        .path("fork_pr_approval")
                                        .asText("first_time_contributors_new_to_github"))))));
    get(
        o + "/actions/permissions/fork-pr-workflows-private-repos",
        (m, q, c) ->
            withOrg(
                m,
                () ->
                    ownerOnly(() -> ok(org.actions().path("private_fork_workflows").deepCopy()))));
    get(
        o + "/actions/permissions/self-hosted-runners",
        (m, q, c) -> withOrg(m, () -> ownerOnly(this::repositoryRunnersSetting)));
    get(
        o + "/actions/permissions/self-hosted-runners/repositories",
        (m, q, c) ->
            withOrg(
                m,
                () ->
                    ownerOnly(
                        () ->
                            repositoriesPage(
                                repositoriesNamed(
                                    org.actions().path("repository_runners").path("repositories")),
                                q))));
    get(
        o + "/actions/runner-groups",
        (m, q, c) ->
            withOrg(m, () -> ownerOnly(() -> objectPage("runner_groups", runnerGroups(), q))));
    get(
        o + "/actions/runner-groups/(\\d+)/runners",
        (m, q, c) -> withOrg(m, () -> ownerOnly(() -> groupRunners(m.group(2), q))));
    get(
        o + "/actions/runner-groups/(\\d+)/repositories",
        (m, q, c) -> withOrg(m, () -> ownerOnly(() -> groupRepositories(m.group(2), q))));
    get(
        o + "/actions/runners",
        (m, q, c) -> withOrg(m, () -> ownerOnly(() -> objectPage("runners", allOrgRunners(), q))));
    get(
        o + "/(actions|dependabot)/secrets",
        (m, q, c) -> withOrg(m, () -> ownerOnly(() -> orgSecrets(m.group(2), q))));
    get(
        o + "/(actions|dependabot)/secrets/([^/]+)/repositories",
        (m, q, c) ->
            withOrg(
                m, () -> ownerOnly(() -> secretRepositories(m.group(2), decode(m.group(3)), q))));
    get(o + "/repos", (m, q, c) -> withOrg(m, () -> page(repositories(), q)));

    get(
        r,
        (m, q, c) ->
            withRepo(
                m,
                repo ->
                    ok(
                        shapes.repository(
                            org.login(),
                            orgId,
                            repo,
                            700_000_001L + org.indexOf(repo),
                            ownerToken,
                            org.security(repo)))));
    get(r + "/rulesets", (m, q, c) -> withRepo(m, repo -> page(repoRulesets(repo, q), q)));
    get(r + "/rulesets/(\\d+)", (m, q, c) -> withRepo(m, repo -> repoRuleset(repo, m.group(3))));
    get(
        r + "/rules/branches/([^/]+)",
        (m, q, c) -> withBranch(m, repo -> page(branchRules(repo), q)));
    get(
        r + "/branches/([^/]+)/protection",
        (m, q, c) -> withBranch(m, repo -> adminOnly(() -> protection(repo))));
    get(r + "/branches/([^/]+)", (m, q, c) -> withBranch(m, this::branch));
    get(r + "/collaborators", (m, q, c) -> withRepo(m, repo -> page(collaborators(repo), q)));
    get(r + "/keys", (m, q, c) -> withRepo(m, repo -> adminOnly(() -> page(deployKeys(repo), q))));
    get(r + "/hooks", (m, q, c) -> withRepo(m, repo -> adminOnly(() -> page(repoHooks(repo), q))));
    get(
        r + "/actions/secrets",
        (m, q, c) ->
            withRepo(
                m,
                repo ->
                    adminOnly(
                        () -> objectPage("secrets", secrets(repo.path("secrets"), null), q))));
    get(
        r + "/vulnerability-alerts",
        (m, q, c) -> withRepo(m, repo -> adminOnly(() -> vulnerabilityAlerts(repo))));
    get(
        r + "/environments",
        (m, q, c) -> withRepo(m, repo -> objectPage("environments", environments(repo), q)));
    get(
        r + "/environments/([^/]+)/deployment-branch-policies",
        (m, q, c) -> withRepo(m, repo -> environmentPart(repo, decode(m.group(3)), true, q)));
    get(
        r + "/environments/([^/]+)/secrets",
        (m, q, c) -> withRepo(m, repo -> environmentPart(repo, decode(m.group(3)), false, q)));
    get(
        r + "/actions/permissions",
        (m, q, c) -> withRepo(m, repo -> adminOnly(() -> ok(repoActions(repo)))));
    get(
        r + "/actions/permissions/selected-actions",
        (m, q, c) -> withRepo(m, repo -> adminOnly(() -> ok(selectedActions(merged(repo))))));
    get(
        r + "/actions/permissions/workflow",
        (m, q, c) -> withRepo(m, repo -> adminOnly(() -> ok(workflowPermissions(merged(repo))))));
    get(
        r + "/actions/permissions/fork-pr-contributor-approval",
        (m, q, c) ->
            withRepo(
                m,
                repo ->
                    adminOnly(
                        () ->
                            ok(
                                forkApproval(
                                    merged(repo)
                                        .path("fork_pr_approval")
                                        .asText("first_time_contributors_new_to_github"))))));
    get(
        r + "/actions/runners",
        (m, q, c) ->
            withRepo(m, repo -> adminOnly(() -> objectPage("runners", repoRunners(repo), q))));
    get(
        r + "/actions/workflows",
        (m, q, c) -> withRepo(m, repo -> objectPage("workflows", workflows(repo), q)));
    get(r + "/contents/(.+)", (m, q, c) -> withRepo(m, repo -> contents(repo, decode(m.group(3)))));
    get(r + "/code-scanning/analyses", (m, q, c) -> withRepo(m, this::analyses));
  }

  private Response withOrg(Matcher m, java.util.function.Supplier<Response> handler) {
    return decode(m.group(1)).equals(org.login()) ? handler.get() : notFound();
  }

  private Response withRepo(Matcher m, Function<JsonNode, Response> handler) {
    if (!decode(m.group(1)).equals(org.login())) {
      return notFound();
    }
    Optional<JsonNode> repo = org.repository(decode(m.group(2)));
    return repo.isEmpty() ? notFound() : handler.apply(repo.get());
  }

  private Response withBranch(Matcher m, Function<JsonNode, Response> handler) {
    return withRepo(
        m,
        repo ->
            decode(m.group(3)).equals(repo.path("default_branch").asText("main"))
                ? handler.apply(repo)
                : new Response(404, message("Branch not found")));
  }

  private Response ownerOnly(java.util.function.Supplier<Response> handler) {
    return ownerToken
        ? handler.get()
        : new Response(403, message("Must have admin rights to Repository."));
  }

  private Response adminOnly(java.util.function.Supplier<Response> handler) {
    return ownerToken
        ? handler.get()
        : new Response(403, message("Resource not accessible by personal access token"));
  }

  // ---- Organization -------------------------------------------------------------------------

  private JsonNode orgBody() {
    ObjectNode body = shapes.organization(org.organization(), ownerToken, orgId);
    return body;
  }

  private Response appInstallation() {
    JsonNode app = scannerApp();
    return ok(shapes.installation(org.login(), orgId, app));
  }

  private JsonNode scannerApp() {
    for (JsonNode i : org.installations()) {
      if (i.path("app_id").asText().equals(appId)) {
        return i;
      }
    }
    ObjectNode fallback = JSON.objectNode();
    fallback.put("app_id", appId == null ? 1 : Long.parseLong(appId.replaceAll("\\D", "1")));
    fallback.put("app_slug", "tenet-scanner");
    fallback.putObject("permissions").put("metadata", "read");
    return fallback;
  }

  private Response accessToken(String installationId) {
    JsonNode app = scannerApp();
    if (!installationId.equals(Long.toString(40_000_000L + app.path("app_id").asLong()))) {
      return notFound();
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String value = "ghs_" + HexFormat.of().formatHex(random);
    Instant expires = clock.instant().plus(installationTokenLifetime);
    installationTokens.put(value, expires);
    tokensIssued.incrementAndGet();
    ObjectNode body = JSON.objectNode();
    body.put("token", value);
    body.put("expires_at", expires.toString());
    body.set("permissions", app.path("permissions").deepCopy());
    body.put("repository_selection", app.path("repository_selection").asText("all"));
    return new Response(201, body);
  }

  private Response members(Map<String, String> query) {
    String role = query.getOrDefault("role", "all");
    String filter = query.getOrDefault("filter", "all");
    if (filter.equals("2fa_disabled") && !ownerToken) {
      return new Response(422, message("Only owners can use this filter."));
    }
    List<JsonNode> out = new ArrayList<>();
    long id = 5_000_000L;
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
    return page(out, query);
  }

  private Response outsideCollaborators(Map<String, String> query) {
    if (!ownerToken) {
      return new Response(403, message("Must be an owner to list outside collaborators."));
    }
    boolean without2fa = query.getOrDefault("filter", "all").equals("2fa_disabled");
    List<JsonNode> out = new ArrayList<>();
    long id = 6_100_000L;
    for (JsonNode c : org.outsideCollaborators()) {
      id++;
      if (!without2fa || !c.path("two_factor").asBoolean(true)) {
        out.add(shapes.user(c.path("login").asText(), id));
      }
    }
    return page(out, query);
  }

  private Response credentialAuthorizations() {
    if (!org.organization().path("saml_sso").asBoolean(false)) {
      return notFound();
    }
    if (!ownerToken) {
      return new Response(403, message("Must be an organization owner."));
    }
    ArrayNode out = JSON.arrayNode();
    for (JsonNode c : org.credentialAuthorizations()) {
      String expires =
          c.has("expires_in_days") ? daysFromNow(c.path("expires_in_days").asInt()) : null;
      out.add(shapes.credentialAuthorization(c, expires));
    }
    return ok(out);
  }

  private Response auditLog(Map<String, String> query) {
    if (!org.organization().path("plan").asText("").equals("enterprise")) {
      return notFound();
    }
    if (!ownerToken) {
      return new Response(403, message("Must have admin rights to read the audit log."));
    }
    String phrase = query.getOrDefault("phrase", "");
    String actor = phrase.startsWith("actor:") ? phrase.substring("actor:".length()) : null;
    ArrayNode out = JSON.arrayNode();
    for (JsonNode m : org.members()) {
      if (m.path("login").asText().equals(actor) && m.has("last_active_days_ago")) {
        int days = m.path("last_active_days_ago").asInt();
        if (days <= 180) {
          out.add(GitHubShapes.auditEvent(actor, instantDaysAgo(days).toEpochMilli()));
        }
      }
    }
    return ok(out);
  }

  private List<JsonNode> teams() {
    List<JsonNode> out = new ArrayList<>();
    List<JsonNode> teams = org.teams();
    for (int i = 0; i < teams.size(); i++) {
      out.add(shapes.team(org.login(), teams.get(i).path("slug").asText(), 6_000L + i));
    }
    return out;
  }

  private long teamId(String slug) {
    List<JsonNode> teams = org.teams();
    for (int i = 0; i < teams.size(); i++) {
      if (teams.get(i).path("slug").asText().equals(slug)) {
        return 6_000L + i;
      }
    }
    return 6_999L;
  }

  private Optional<JsonNode> team(String slug) {
    return org.teams().stream().filter(t -> t.path("slug").asText().equals(slug)).findFirst();
  }

  private Response teamRepos(String slug, Map<String, String> query) {
    Optional<JsonNode> team = team(slug);
    if (team.isEmpty()) {
      return notFound();
    }
    JsonNode access = team.get().path("access");
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode repo : org.repositories()) {
      String permission =
          access.path(SampleOrganization.template(repo)).asText(access.path("*").asText(""));
      if (!permission.isEmpty()) {
        out.add(GitHubShapes.withRole(repositoryBody(repo), permission));
      }
    }
    return page(out, query);
  }

  private Response teamMembers(String slug, Map<String, String> query) {
    Optional<JsonNode> team = team(slug);
    if (team.isEmpty()) {
      return notFound();
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : team.get().path("members")) {
      out.add(shapes.user(m.asText(), 5_100_000L + Math.abs(m.asText().hashCode() % 1000)));
    }
    return page(out, query);
  }

  private List<JsonNode> orgHooks() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode h : org.hooks()) {
      out.add(shapes.hook(apiUrl() + "/orgs/" + org.login(), h, true));
    }
    return out;
  }

  private Response installations(Map<String, String> query) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode i : org.installations()) {
      all.add(shapes.installation(org.login(), orgId, i));
    }
    return objectPage("installations", all, query);
  }

  private Response tokenGrants(Map<String, String> query, Caller caller) {
    if (caller != Caller.INSTALLATION) {
      return new Response(403, message("Resource not accessible by personal access token"));
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode g : org.tokenGrants()) {
      String expires =
          g.has("expires_in_days") ? daysFromNow(g.path("expires_in_days").asInt()) : null;
      String lastUsed =
          g.has("last_used_days_ago") ? daysAgo(g.path("last_used_days_ago").asInt()) : null;
      out.add(shapes.tokenGrant(orgId, g, 5_200_000L + g.path("id").asLong(), lastUsed, expires));
    }
    return page(out, query);
  }

  private ArrayNode bypass(JsonNode spec) {
    ArrayNode out = JSON.arrayNode();
    for (JsonNode b : spec.path("bypass")) {
      String[] actor = b.path("actor").asText().split(":", 2);
      ObjectNode a = out.addObject();
      switch (actor[0]) {
        case "team" -> {
          a.put("actor_id", teamId(actor[1]));
          a.put("actor_type", "Team");
        }
        case "app" -> {
          a.put("actor_id", Long.parseLong(actor[1]));
          a.put("actor_type", "Integration");
        }
        default -> {
          if (actor[1].equals("organization-admin")) {
            a.put("actor_id", 1);
            a.put("actor_type", "OrganizationAdmin");
          } else {
            a.put("actor_id", 5);
            a.put("actor_type", "RepositoryRole");
          }
        }
      }
      a.put("bypass_mode", b.path("mode").asText("always"));
    }
    return out;
  }

  private List<JsonNode> orgRulesets(boolean detail) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode rs : org.rulesets()) {
      out.add(
          shapes.ruleset(
              rs.path("id").asLong(), rs, "Organization", org.login(), detail, bypass(rs)));
    }
    return out;
  }

  private Response orgRuleset(String id) {
    for (JsonNode rs : org.rulesets()) {
      if (rs.path("id").asText().equals(id)) {
        return ok(
            shapes.ruleset(
                rs.path("id").asLong(), rs, "Organization", org.login(), true, bypass(rs)));
      }
    }
    return notFound();
  }

  private Response orgActions() {
    JsonNode a = org.actions();
    ObjectNode body = JSON.objectNode();
    body.put("enabled_repositories", a.path("enabled_repositories").asText("all"));
    body.put("allowed_actions", a.path("allowed_actions").asText("all"));
    if (a.path("allowed_actions").asText("all").equals("selected")) {
      body.put(
          "selected_actions_url",
          apiUrl() + "/organizations/" + orgId + "/actions/permissions/selected-actions");
    }
    body.put("sha_pinning_required", a.path("sha_pinning_required").asBoolean(false));
    return ok(body);
  }

  private static ObjectNode selectedActions(JsonNode settings) {
    JsonNode s = settings.path("selected_actions");
    ObjectNode body = JSON.objectNode();
    body.put("github_owned_allowed", s.path("github_owned_allowed").asBoolean(true));
    body.put("verified_allowed", s.path("verified_allowed").asBoolean(false));
    ArrayNode patterns = body.putArray("patterns_allowed");
    s.path("patterns_allowed").forEach(p -> patterns.add(p.asText()));
    return body;
  }

  private static ObjectNode workflowPermissions(JsonNode settings) {
    ObjectNode body = JSON.objectNode();
    body.put(
        "default_workflow_permissions",
        settings.path("default_workflow_permissions").asText("read"));
    body.put(
        "can_approve_pull_request_reviews",
        settings.path("can_approve_pull_request_reviews").asBoolean(false));
    return body;
  }

  private static ObjectNode forkApproval(String policy) {
    ObjectNode body = JSON.objectNode();
    body.put("approval_policy", policy);
    return body;
  }

  private Response repositoryRunnersSetting() {
    JsonNode s = org.actions().path("repository_runners");
    ObjectNode body = JSON.objectNode();
    String enabled = s.path("enabled_repositories").asText("all");
    body.put("enabled_repositories", enabled);
    if (enabled.equals("selected")) {
      body.put(
          "selected_repositories_url",
          apiUrl()
              + "/organizations/"
              + orgId
              + "/actions/permissions/self-hosted-runners/repositories");
    }
    return ok(body);
  }

  private List<JsonNode> runnerGroups() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode g : org.runnerGroups()) {
      out.add(shapes.runnerGroup(org.login(), g));
    }
    return out;
  }

  private Optional<JsonNode> runnerGroup(String id) {
    return org.runnerGroups().stream().filter(g -> g.path("id").asText().equals(id)).findFirst();
  }

  private Response groupRunners(String id, Map<String, String> query) {
    Optional<JsonNode> group = runnerGroup(id);
    if (group.isEmpty()) {
      return notFound();
    }
    List<JsonNode> out = new ArrayList<>();
    group.get().path("runners").forEach(rn -> out.add(GitHubShapes.runner(rn)));
    return objectPage("runners", out, query);
  }

  private Response groupRepositories(String id, Map<String, String> query) {
    Optional<JsonNode> group = runnerGroup(id);
    if (group.isEmpty()) {
      return notFound();
    }
    return repositoriesPage(repositoriesNamed(group.get().path("repositories")), query);
  }

  private List<JsonNode> allOrgRunners() {
    List<JsonNode> out = new ArrayList<>();
    org.runnerGroups()
        .forEach(g -> g.path("runners").forEach(rn -> out.add(GitHubShapes.runner(rn))));
    return out;
  }

  private Response orgSecrets(String product, Map<String, String> query) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s : org.secrets(product)) {
      out.add(
          secretBody(
              s,
              s.path("visibility").asText("all"),
              apiUrl()
                  + "/orgs/"
                  + org.login()
                  + "/"
                  + product
                  + "/secrets/"
                  + s.path("name").asText()
                  + "/repositories"));
    }
    return objectPage("secrets", out, query);
  }

  private Response secretRepositories(String product, String name, Map<String, String> query) {
    for (JsonNode s : org.secrets(product)) {
      if (s.path("name").asText().equals(name)) {
        return repositoriesPage(repositoriesNamed(s.path("repositories")), query);
      }
    }
    return notFound();
  }

  private JsonNode secretBody(JsonNode s, String visibility, String selectedUrl) {
    int updated = s.path("updated_days_ago").asInt(30);
    int created = Math.max(updated, s.path("created_days_ago").asInt(updated));
    return GitHubShapes.secret(
        s.path("name").asText(), daysAgo(created), daysAgo(updated), visibility, selectedUrl);
  }

  private List<JsonNode> secrets(JsonNode specs, String visibility) {
    List<JsonNode> out = new ArrayList<>();
    specs.forEach(s -> out.add(secretBody(s, visibility, null)));
    return out;
  }

  private List<JsonNode> repositoriesNamed(JsonNode names) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode repo : org.repositories()) {
      if (SampleOrganization.names(names, repo)) {
        out.add(repositoryBody(repo));
      }
    }
    return out;
  }

  private Response repositoriesPage(List<JsonNode> repos, Map<String, String> query) {
    return objectPage("repositories", repos, query);
  }

  private List<JsonNode> repositories() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : org.repositories()) {
      out.add(repositoryBody(r));
    }
    return out;
  }

  private ObjectNode repositoryBody(JsonNode repo) {
    return shapes.repository(
        org.login(),
        orgId,
        repo,
        700_000_001L + org.indexOf(repo),
        ownerToken,
        securityInLists ? org.security(repo) : null);
  }

  // ---- Repositories -------------------------------------------------------------------------

  private String fullName(JsonNode repo) {
    return org.login() + "/" + repo.path("name").asText();
  }

  /** The repository's own rulesets (from its profile and its own list), with ids. */
  private List<Map.Entry<Long, JsonNode>> ownRulesets(JsonNode repo) {
    List<Map.Entry<Long, JsonNode>> out = new ArrayList<>();
    long id = 100_000L + 10L * org.indexOf(repo);
    for (JsonNode rs : org.protection(repo).path("rulesets")) {
      out.add(Map.entry(id++, rs));
    }
    for (JsonNode rs : repo.path("rulesets")) {
      out.add(Map.entry(id++, rs));
    }
    return out;
  }

  /** The organization rulesets whose repository patterns match this repository. */
  private List<JsonNode> orgRulesetsFor(JsonNode repo) {
    List<JsonNode> out = new ArrayList<>();
    String name = repo.path("name").asText();
    for (JsonNode rs : org.rulesets()) {
      for (JsonNode pattern : rs.path("repositories")) {
        if (name.matches(pattern.asText().replace(".", "\\.").replace("*", ".*"))) {
          out.add(rs);
          break;
        }
      }
    }
    return out;
  }

  private List<JsonNode> repoRulesets(JsonNode repo, Map<String, String> query) {
    List<JsonNode> out = new ArrayList<>();
    for (Map.Entry<Long, JsonNode> e : ownRulesets(repo)) {
      out.add(shapes.ruleset(e.getKey(), e.getValue(), "Repository", fullName(repo), false, null));
    }
    if (!query.getOrDefault("includes_parents", "true").equals("false")) {
      for (JsonNode rs : orgRulesetsFor(repo)) {
        out.add(
            shapes.ruleset(rs.path("id").asLong(), rs, "Organization", org.login(), false, null));
      }
    }
    return out;
  }

  private Response repoRuleset(JsonNode repo, String id) {
    for (Map.Entry<Long, JsonNode> e : ownRulesets(repo)) {
      if (e.getKey().toString().equals(id)) {
        ArrayNode bypass = ownerToken ? bypass(e.getValue()) : null;
        ObjectNode body =
            shapes.ruleset(e.getKey(), e.getValue(), "Repository", fullName(repo), true, bypass);
        if (!ownerToken) {
          body.remove("bypass_actors");
        }
        return ok(body);
      }
    }
    for (JsonNode rs : orgRulesetsFor(repo)) {
      if (rs.path("id").asText().equals(id)) {
        return ok(
            shapes.ruleset(
                rs.path("id").asLong(), rs, "Organization", org.login(), true, bypass(rs)));
      }
    }
    return notFound();
  }

  private List<JsonNode> branchRules(JsonNode repo) {
    List<JsonNode> out = new ArrayList<>();
    for (Map.Entry<Long, JsonNode> e : ownRulesets(repo)) {
      addRules(out, e.getValue(), e.getKey(), "Repository", fullName(repo));
    }
    for (JsonNode rs : orgRulesetsFor(repo)) {
      addRules(out, rs, rs.path("id").asLong(), "Organization", org.login());
    }
    return out;
  }

  private static void addRules(
      List<JsonNode> out, JsonNode ruleset, long id, String type, String source) {
    if (!ruleset.path("enforcement").asText("active").equals("active")) {
      return; // GitHub leaves out the rules of rulesets that only evaluate.
    }
    for (JsonNode rule : ruleset.path("rules")) {
      ObjectNode r = JSON.objectNode();
      r.put("type", rule.path("type").asText());
      if (rule.has("parameters")) {
        r.set("parameters", rule.path("parameters").deepCopy());
      }
      r.put("ruleset_source_type", type);
      r.put("ruleset_source", source);
      r.put("ruleset_id", id);
      out.add(r);
    }
  }

  private Response protection(JsonNode repo) {
    JsonNode classic = org.protection(repo).path("branch_protection");
    String branch = repo.path("default_branch").asText("main");
    return classic.isMissingNode()
        ? new Response(404, message("Branch not protected"))
        : ok(shapes.protection(fullName(repo), branch, classic));
  }

  private Response branch(JsonNode repo) {
    boolean active = org.protection(repo).has("branch_protection") || !branchRules(repo).isEmpty();
    String branch = repo.path("default_branch").asText("main");
    return ok(shapes.branch(fullName(repo), branch, active, sha(repo.path("name").asText())));
  }

  private List<JsonNode> collaborators(JsonNode repo) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : repo.path("collaborators")) {
      String login = c.path("login").asText();
      ObjectNode user = shapes.user(login, 6_100_000L + Math.abs(login.hashCode() % 1000));
      out.add(GitHubShapes.withRole(user, c.path("permission").asText("read")));
    }
    return out;
  }

  private List<JsonNode> deployKeys(JsonNode repo) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode k : repo.path("deploy_keys")) {
      out.add(shapes.deployKey(fullName(repo), k, daysAgo(k.path("created_days_ago").asInt(100))));
    }
    return out;
  }

  private List<JsonNode> repoHooks(JsonNode repo) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode h : repo.path("hooks")) {
      out.add(shapes.hook(apiUrl() + "/repos/" + fullName(repo), h, false));
    }
    return out;
  }

  private Response vulnerabilityAlerts(JsonNode repo) {
    return org.security(repo).path("dependabot_alerts").asBoolean(true)
        ? new Response(204, null)
        : new Response(404, message("Vulnerability alerts are disabled."));
  }

  private List<JsonNode> environments(JsonNode repo) {
    List<JsonNode> out = new ArrayList<>();
    long id = 161_000_000L + 100L * org.indexOf(repo);
    for (JsonNode e : repo.path("environments")) {
      out.add(shapes.environment(fullName(repo), e, id++, this::teamId));
    }
    return out;
  }

  private Response environmentPart(
      JsonNode repo, String name, boolean policies, Map<String, String> query) {
    for (JsonNode e : repo.path("environments")) {
      if (!e.path("name").asText().equals(name)) {
        continue;
      }
      if (!policies) {
        return objectPage("secrets", secrets(e.path("secrets"), null), query);
      }
      List<JsonNode> out = new ArrayList<>();
      long id = 361_000L;
      for (JsonNode pattern : e.path("branch_policy")) {
        ObjectNode p = JSON.objectNode();
        p.put("id", id);
        p.put("node_id", "MDE2OkdhdGVCcmFuY2hQb2xpY3k" + id++);
        p.put("name", pattern.asText());
        p.put("type", "branch");
        out.add(p);
      }
      return objectPage("branch_policies", out, query);
    }
    return notFound();
  }

  /** The organization's Actions settings with the repository's own overrides. */
  private JsonNode merged(JsonNode repo) {
    ObjectNode m = org.actions().deepCopy();
    if (repo.path("actions").isObject()) {
      m.setAll((ObjectNode) repo.path("actions").deepCopy());
    }
    return m;
  }

  private JsonNode repoActions(JsonNode repo) {
    JsonNode m = merged(repo);
    ObjectNode body = JSON.objectNode();
    body.put("enabled", m.path("enabled").asBoolean(true));
    body.put("allowed_actions", m.path("allowed_actions").asText("all"));
    if (m.path("allowed_actions").asText("all").equals("selected")) {
      body.put(
          "selected_actions_url",
          apiUrl() + "/repos/" + fullName(repo) + "/actions/permissions/selected-actions");
    }
    body.put("sha_pinning_required", m.path("sha_pinning_required").asBoolean(false));
    return body;
  }

  private List<JsonNode> repoRunners(JsonNode repo) {
    List<JsonNode> out = new ArrayList<>();
    repo.path("runners").forEach(rn -> out.add(GitHubShapes.runner(rn)));
    return out;
  }

  private List<JsonNode> workflows(JsonNode repo) {
    List<JsonNode> out = new ArrayList<>();
    long id = 161_335L + 100L * org.indexOf(repo);
    for (String path : org.workflows(repo).keySet()) {
      out.add(shapes.workflow(fullName(repo), path, id++, false));
    }
    if (org.security(repo).path("code_scanning").asText("none").equals("default")) {
      out.add(shapes.workflow(fullName(repo), "dynamic/github-code-scanning/codeql", id, true));
    }
    return out;
  }

  private Response contents(JsonNode repo, String path) {
    String text = org.workflows(repo).get(path);
    return text == null ? notFound() : ok(shapes.contents(fullName(repo), path, text));
  }

  private Response analyses(JsonNode repo) {
    JsonNode security = org.security(repo);
    boolean isPublic = repo.path("visibility").asText("private").equals("public");
    if (!isPublic && !security.path("advanced_security").asBoolean(true)) {
      return new Response(
          403,
          message("Advanced Security must be enabled for this repository to use code scanning."));
    }
    String mode = security.path("code_scanning").asText("none");
    if (mode.equals("none")) {
      return new Response(404, message("no analysis found"));
    }
    ArrayNode out = JSON.arrayNode();
    out.add(GitHubShapes.analysis(201L + org.indexOf(repo), daysAgo(1)));
    return ok(out);
  }

  // ---- Plumbing -----------------------------------------------------------------------------

  private Response page(List<JsonNode> all, Map<String, String> query) {
    int perPage = Math.max(1, Math.min(100, parseInt(query.get("per_page"), 30)));
    int pageNo = Math.max(1, parseInt(query.get("page"), 1));
    int from = Math.min(all.size(), (pageNo - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    ArrayNode body = JSON.arrayNode();
    all.subList(from, to).forEach(body::add);
    Response r = ok(body);
    links(r, all.size(), perPage, pageNo, query);
    return r;
  }

  /** A page of a list GitHub wraps in an object: {"total_count": n, "<field>": [...]}. */
  private Response objectPage(String field, List<JsonNode> all, Map<String, String> query) {
    Response list = page(all, query);
    ObjectNode body = JSON.objectNode();
    body.put("total_count", all.size());
    body.set(field, list.body);
    return new Response(200, body, list.headers);
  }

  private void links(Response r, int total, int perPage, int pageNo, Map<String, String> query) {
    int last = Math.max(1, (total + perPage - 1) / perPage);
    List<String> links = new ArrayList<>();
    if (pageNo < last) {
      links.add("<" + pageUrl(query, pageNo + 1) + ">; rel=\"next\"");
      links.add("<" + pageUrl(query, last) + ">; rel=\"last\"");
    }
    if (pageNo > 1) {
      links.add("<" + pageUrl(query, 1) + ">; rel=\"first\"");
      links.add("<" + pageUrl(query, pageNo - 1) + ">; rel=\"prev\"");
    }
    if (!links.isEmpty()) {
      r.headers.put("Link", String.join(", ", links));
    }
  }

  private final ThreadLocal<String> currentPath = new ThreadLocal<>();

  private String pageUrl(Map<String, String> query, int page) {
    StringBuilder q = new StringBuilder();
    query.forEach(
        (k, v) -> {
          if (!k.equals("page")) {
            q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(encodeQuery(v));
          }
        });
    q.append(q.isEmpty() ? "" : "&").append("page=").append(page);
    return "http://127.0.0.1:" + server.getAddress().getPort() + currentPath.get() + "?" + q;
  }

  /** Sends the response (a 304 instead when the client's ETag matches); returns the status sent. */
  private int send(HttpExchange exchange, Response response) throws IOException {
    byte[] body =
        response.body == null ? new byte[0] : Json.mapper().writeValueAsBytes(response.body);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json; charset=utf-8");
    headers.set("X-GitHub-Media-Type", "github.v3; format=json");
    if (enterpriseVersion != null) {
      headers.set("X-GitHub-Enterprise-Version", enterpriseVersion);
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (tokenKind == TokenKind.CLASSIC && auth != null && auth.equals("Bearer " + token)) {
      headers.set("X-OAuth-Scopes", scopes);
      headers.set("X-Accepted-OAuth-Scopes", "");
    }
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
      rateHeaders(exchange, status != 304 && status != 401);
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
    long remaining;
    Instant reset;
    synchronized (rateLock) {
      if (counts && rateRemaining > 0) {
        rateRemaining--;
      }
      remaining = rateRemaining;
      reset = rateReset == null ? clock.instant().plus(rateWindow) : rateReset;
    }
    var headers = exchange.getResponseHeaders();
    headers.set("X-RateLimit-Limit", Long.toString(rateLimit));
    headers.set("X-RateLimit-Remaining", String.valueOf(Math.max(0, remaining)));
    headers.set("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond()));
    headers.set("X-RateLimit-Used", String.valueOf(rateLimit - Math.max(0, remaining)));
    headers.set("X-RateLimit-Resource", "core");
  }

  private Instant instantDaysAgo(int days) {
    return LocalDate.now(clock).minusDays(days).atTime(9, 30).toInstant(ZoneOffset.UTC);
  }

  private String daysAgo(int days) {
    return instantDaysAgo(days).toString();
  }

  private String daysFromNow(int days) {
    return instantDaysAgo(-days).toString();
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
    o.put("status", "");
    return o;
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

  private String pathAndQuery(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    currentPath.set(uri.getRawPath());
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

  private static String encodeQuery(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static int parseInt(String s, int fallback) {
    try {
      return s == null ? fallback : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
