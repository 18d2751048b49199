package dev.tenet.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.ApiResponse;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.Parallel;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a GitHub organization (github.com or GitHub Enterprise Server) through the REST API and
 * maps it into the trust graph: the organization's settings, people, teams, integrations, Actions
 * settings, runners and secrets once, then every repository in parallel within the HTTP policy's
 * concurrency bound. An interrupted scan resumes where it stopped.
 */
public final class GitHubConnector implements Connector {
  public static final String PLATFORM = "github";
  public static final String DEFAULT_URL = "https://api.github.com";

  /** An interrupted scan is resumed (its answers reused) if it started less than this ago. */
  static final Duration RESUME_WINDOW = Duration.ofHours(12);

  private static final DateTimeFormatter TOKEN_EXPIRY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ScopeEntry scope;
  private final URI baseUrl;
  private final GitHubCredentials credentials;
  private final HttpPolicy policy;
  private final ResponseCache cache;
  private final Clock clock;
  private final AppJwt appJwt;

  /**
   * @throws IllegalArgumentException when the base URL is not allowed or a GitHub App's private key
   *     cannot be read (the message says which)
   */
  public GitHubConnector(
      String baseUrl,
      String organization,
      GitHubCredentials credentials,
      HttpPolicy policy,
      ResponseCache cache,
      Clock clock) {
    this.baseUrl = ApiClient.checkBaseUrl(baseUrl, "GitHub");
    this.scope = new ScopeEntry(PLATFORM, this.baseUrl.toString(), organization);
    this.credentials = credentials;
    this.policy = policy;
    this.cache = cache;
    this.clock = clock;
    // Read the app's key now, so a broken key is a clear error before any scan starts.
    this.appJwt =
        credentials instanceof GitHubCredentials.App app
            ? new AppJwt(app.appId(), app.privateKeyPem())
            : null;
  }

  /** A connector signing in with a personal access token. */
  public GitHubConnector(
      String baseUrl, String organization, Secret token, HttpPolicy policy, ResponseCache cache) {
    this(
        baseUrl,
        organization,
        new GitHubCredentials.PersonalToken(token),
        policy,
        cache,
        Clock.systemUTC());
  }

  @Override
  public ScopeEntry scope() {
    return scope;
  }

  @Override
  public void collect(CollectContext context) throws ConnectorException, InterruptedException {
    Optional<Instant> resumeFrom = cache.beginScan(context.scanTime(), RESUME_WINDOW);
    AtomicInteger reused = new AtomicInteger();
    ApiClient.Observer observer =
        new ApiClient.Observer() {
          @Override
          public void requestSent(String path, int status, boolean notModified) {
            context.countRequest(notModified);
          }

          @Override
          public void waiting(Duration duration, String reason) {
            context.waiting(scope, duration, reason);
          }

          @Override
          public void reused(String path) {
            reused.incrementAndGet();
          }
        };
    resumeFrom.ifPresent(
        t ->
            context.progress(
                scope,
                0,
                -1,
                "resuming the scan interrupted since "
                    + t.atOffset(ZoneOffset.UTC).toLocalTime().withNano(0)
                    + " UTC (reusing what it already read)"));

    GitHubAppAuth appAuth = null;
    Auth auth;
    if (appJwt != null) {
      ApiClient appApi =
          client(GitHubAppAuth.jwt(appJwt, clock), observer)
              .cache(cache)
              .reuseResponsesSince(resumeFrom.orElse(null))
              .build();
      appAuth = new GitHubAppAuth(appApi, encode(scope.target()), clock);
      auth = appAuth;
    } else {
      auth = Auth.bearer(((GitHubCredentials.PersonalToken) credentials).token());
    }
    ApiClient api =
        client(auth, observer)
            .cache(cache)
            .keepHeader("X-OAuth-Scopes")
            .keepHeader("GitHub-Authentication-Token-Expiration")
            .keepHeader("X-GitHub-Enterprise-Version")
            .reuseResponsesSince(resumeFrom.orElse(null))
            .build();
    BlindSpots blind = new BlindSpots(context);
    GitHubFetch fetch = new GitHubFetch(api, blind);
    GitHubMapper mapper = new GitHubMapper(context.graph(), scope.target());
    ActionsMapper actions = new ActionsMapper(context.graph());
    String org = scope.target();
    String orgPath = "/orgs/" + encode(org);

    context.progress(scope, 0, -1, "organization " + org);
    ApiResponse orgResponse = fetchOrganization(api, orgPath);
    JsonNode orgJson = parsed(orgResponse);
    mapper.organization(orgJson);
    scannerToken(mapper, orgResponse, appAuth);
    if (!orgJson.has("two_factor_requirement_enabled")) {
      blind.add(
          mapper.orgId(),
          "the two-factor requirement and base permission",
          "GitHub shows them to organization owners only",
          GitHubPermissions.OWNER_SETTINGS);
    }

    List<JsonNode> repoList;
    try {
      repoList = api.getAllPages(orgPath + "/repos?type=all&per_page=100");
    } catch (ApiException e) {
      throw new ConnectorException(
          "Could not list the repositories of GitHub organization " + org + ": " + e.reason() + ".",
          e);
    }
    List<Entity> repositories = new ArrayList<>();
    for (JsonNode repo : repoList) {
      repositories.add(mapper.repository(repo));
    }

    boolean enterpriseServer = orgResponse.header("x-github-enterprise-version").isPresent();
    OrganizationCollector orgCollector =
        new OrganizationCollector(
            fetch,
            mapper,
            actions,
            org,
            enterpriseServer,
            policy.maxConcurrency(),
            context.cancellation(),
            context.scanTime());
    OrganizationCollector.ActionsFacts orgActions = orgCollector.collect(repositories);
    blind.flush(mapper.orgId());

    RepositoryCollector repoCollector =
        new RepositoryCollector(
            fetch, mapper, actions, context, orgActions, orgCollector.rulesetDetails());
    AtomicInteger done = new AtomicInteger();
    int total = repoList.size();
    context.progress(scope, 0, total, "repositories");
    Parallel.forEach(
        repoList,
        policy.maxConcurrency(),
        context.cancellation(),
        repo -> {
          repoCollector.collect(repo);
          context.progress(scope, done.incrementAndGet(), total, repo.path("name").asText());
        });
    mapper.accessListed(true);
    blind.flushAll();
    if (reused.get() > 0) {
      context.progress(
          scope, total, total, "reused " + reused.get() + " answers of the interrupted scan");
    }
    cache.finishScan();
  }

  private ApiClient.Builder client(Auth auth, ApiClient.Observer observer) {
    return ApiClient.builder(baseUrl, "GitHub")
        .auth(auth)
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", "2022-11-28")
        .policy(policy)
        .clock(clock)
        .observer(observer);
  }

  /** What Tenet's own token may do, as far as GitHub says. */
  private void scannerToken(GitHubMapper mapper, ApiResponse response, GitHubAppAuth appAuth) {
    if (appAuth != null) {
      mapper.scannerToken("app-installation", null, appAuth.permissions(), true, null);
      return;
    }
    String type = ((GitHubCredentials.PersonalToken) credentials).kind();
    List<String> scopes =
        response
            .header("x-oauth-scopes")
            .map(
                s ->
                    Arrays.stream(s.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList())
            .orElse(null);
    Optional<String> expiry = response.header("github-authentication-token-expiration");
    Instant expiresAt = expiry.map(GitHubConnector::tokenExpiry).orElse(null);
    mapper.scannerToken(type, scopes, null, expiry.isPresent() ? Boolean.TRUE : null, expiresAt);
  }

  /** GitHub's token expiry header: "2026-12-01 00:00:00 UTC" (or with an offset). */
  static Instant tokenExpiry(String header) {
    String text = header.strip();
    try {
      if (text.endsWith(" UTC")) {
        return LocalDateTime.parse(text.substring(0, text.length() - 4), TOKEN_EXPIRY)
            .toInstant(ZoneOffset.UTC);
      }
      return java.time.OffsetDateTime.parse(
              text, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx"))
          .toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static JsonNode parsed(ApiResponse response) throws ConnectorException {
    try {
      return response.json();
    } catch (ApiException e) {
      throw new ConnectorException(e.reason(), e);
    }
  }

  private ApiResponse fetchOrganization(ApiClient api, String orgPath)
      throws ConnectorException, InterruptedException {
    String where = "GitHub at " + baseUrl;
    try {
      ApiResponse response = api.get(orgPath);
      JsonNode json = response.json();
      if (!json.isObject() || !json.hasNonNull("login")) {
        throw new ConnectorException(
            baseUrl
                + " does not answer like the GitHub API (for GitHub Enterprise Server use"
                + " https://HOST/api/v3).");
      }
      return response;
    } catch (ApiException e) {
      throw switch (e.kind()) {
        case UNAUTHORIZED ->
            new ConnectorException(
                where
                    + " rejected the "
                    + (credentials instanceof GitHubCredentials.App
                        ? "GitHub App's credentials"
                        : "token")
                    + " ("
                    + e.reason()
                    + "); check that it is valid and not expired.",
                e);
        case NOT_FOUND ->
            new ConnectorException(
                "GitHub organization '"
                    + scope.target()
                    + "' was not found at "
                    + baseUrl
                    + (credentials instanceof GitHubCredentials.App
                        ? ", or the GitHub App is not installed on it."
                        : ", or the token cannot see it."),
                e);
        case FORBIDDEN ->
            new ConnectorException(
                where
                    + " refused to show organization '"
                    + scope.target()
                    + "' ("
                    + e.reason()
                    + ").",
                e);
        case INVALID_RESPONSE ->
            new ConnectorException(
                baseUrl
                    + " does not answer like the GitHub API (for GitHub Enterprise Server use"
                    + " https://HOST/api/v3).",
                e);
        default -> new ConnectorException("Cannot reach " + where + ": " + e.reason() + ".", e);
      };
    }
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
