package dev.tenet.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.Parallel;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a GitHub organization (github.com or GitHub Enterprise Server) through the REST API and
 * maps it into the trust graph. Organization-wide lists are fetched once; repositories are read in
 * parallel within the HTTP policy's concurrency bound.
 */
public final class GitHubConnector implements Connector {
  public static final String PLATFORM = "github";
  public static final String DEFAULT_URL = "https://api.github.com";

  private final ScopeEntry scope;
  private final URI baseUrl;
  private final Secret token;
  private final HttpPolicy policy;
  private final ResponseCache cache;

  public GitHubConnector(
      String baseUrl, String organization, Secret token, HttpPolicy policy, ResponseCache cache) {
    this.baseUrl = ApiClient.checkBaseUrl(baseUrl, "GitHub");
    this.scope = new ScopeEntry(PLATFORM, this.baseUrl.toString(), organization);
    this.token = token;
    this.policy = policy;
    this.cache = cache;
  }

  @Override
  public ScopeEntry scope() {
    return scope;
  }

  @Override
  public void collect(CollectContext context) throws ConnectorException, InterruptedException {
    ApiClient api =
        ApiClient.builder(baseUrl, "GitHub")
            .auth(Auth.bearer(token))
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .policy(policy)
            .cache(cache)
            .observer(
                new ApiClient.Observer() {
                  @Override
                  public void requestSent(String path, int status, boolean notModified) {
                    context.countRequest(notModified);
                  }

                  @Override
                  public void waiting(Duration duration, String reason) {
                    context.waiting(scope, duration, reason);
                  }
                })
            .build();
    GitHubMapper mapper = new GitHubMapper(context.graph(), scope.target());
    String org = scope.target();
    String orgPath = "/orgs/" + encode(org);

    context.progress(scope, 0, -1, "organization " + org);
    JsonNode orgJson = fetchOrganization(api, orgPath);
    mapper.organization(orgJson);
    if (!orgJson.has("two_factor_requirement_enabled")) {
      blind(
          context,
          mapper.orgId(),
          "the two-factor requirement",
          "visible to owners only",
          "use a token of an organization owner (read:org)");
    }
    if (!orgJson.has("default_repository_permission")) {
      blind(
          context,
          mapper.orgId(),
          "the base repository permission",
          "visible to owners only",
          "use a token of an organization owner (read:org)");
    }

    readMembers(api, context, mapper, orgPath);
    context.cancellation().check();

    List<JsonNode> repos;
    try {
      repos = api.getAllPages(orgPath + "/repos?type=all&per_page=100");
    } catch (ApiException e) {
      throw new ConnectorException(
          "Could not list the repositories of GitHub organization " + org + ": " + e.reason() + ".",
          e);
    }
    for (JsonNode repo : repos) {
      mapper.repository(repo);
    }
    readRepositories(api, context, mapper, repos);
  }

  private JsonNode fetchOrganization(ApiClient api, String orgPath)
      throws ConnectorException, InterruptedException {
    String where = "GitHub at " + baseUrl;
    try {
      JsonNode json = api.getJson(orgPath);
      if (!json.isObject() || !json.hasNonNull("login")) {
        throw new ConnectorException(
            baseUrl
                + " does not answer like the GitHub API (for GitHub Enterprise Server use"
                + " https://HOST/api/v3).");
      }
      return json;
    } catch (ApiException e) {
      throw switch (e.kind()) {
        case UNAUTHORIZED ->
            new ConnectorException(
                where
                    + " rejected the token ("
                    + e.reason()
                    + "); check that it is valid and"
                    + " not expired.",
                e);
        case NOT_FOUND ->
            new ConnectorException(
                "GitHub organization '"
                    + scope.target()
                    + "' was not found at "
                    + baseUrl
                    + ", or the token cannot see it.",
                e);
        case FORBIDDEN ->
            new ConnectorException(
                where
                    + " refused to show organization '"
                    + scope.target()
                    + "' to this token ("
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

  private void readMembers(
      ApiClient api, CollectContext context, GitHubMapper mapper, String orgPath)
      throws InterruptedException {
    try {
      List<JsonNode> owners = api.getAllPages(orgPath + "/members?role=admin&per_page=100");
      List<JsonNode> everyone = api.getAllPages(orgPath + "/members?per_page=100");
      mapper.members(everyone, owners);
    } catch (ApiException e) {
      blind(
          context,
          mapper.orgId(),
          "the member list",
          e.reason(),
          "grant read:org (classic) or" + " Members: read (fine-grained)");
      return;
    }
    try {
      List<JsonNode> without2fa =
          api.getAllPages(orgPath + "/members?filter=2fa_disabled&per_page=100");
      mapper.twoFactorDisabled(without2fa);
    } catch (ApiException e) {
      blind(
          context,
          mapper.orgId(),
          "which members have two-factor authentication",
          e.reason(),
          "use a token of an organization owner");
    }
  }

  private void readRepositories(
      ApiClient api, CollectContext context, GitHubMapper mapper, List<JsonNode> repos)
      throws InterruptedException {
    AtomicInteger done = new AtomicInteger();
    int total = repos.size();
    context.progress(scope, 0, total, "repositories");
    Parallel.forEach(
        repos,
        policy.maxConcurrency(),
        context.cancellation(),
        repo -> {
          readRepository(api, context, mapper, repo);
          context.progress(scope, done.incrementAndGet(), total, repo.path("name").asText());
        });
  }

  private void readRepository(
      ApiClient api, CollectContext context, GitHubMapper mapper, JsonNode repo)
      throws InterruptedException {
    String fullName = repo.path("full_name").asText();
    String branch = repo.path("default_branch").asText("");
    String repoId = mapper.repositoryId(fullName);
    if (branch.isEmpty()) {
      return;
    }
    String repoPath = "/repos/" + fullName;
    String branchPath = "/branches/" + encode(branch);

    JsonNode rules = null;
    try {
      rules = api.getJson(repoPath + "/rules" + branchPath);
    } catch (ApiException e) {
      blind(
          context,
          repoId,
          "the rulesets of branch " + branch,
          e.reason(),
          "grant repository Metadata: read");
    }
    JsonNode classic = null;
    boolean classicKnown = true;
    try {
      classic = api.getJson(repoPath + branchPath + "/protection");
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.NOT_FOUND) {
        classic = null;
      } else {
        classicKnown = false;
        blind(
            context,
            repoId,
            "the branch protection of " + branch,
            e.reason(),
            "grant repository Administration: read (fine-grained) or repo (classic)");
      }
    }
    mapper.defaultBranchProtection(fullName, branch, classicKnown, classic, rules);
  }

  private static void blind(
      CollectContext context, String resource, String what, String reason, String remedy) {
    context.blindSpot(new BlindSpot(resource, what, reason, remedy));
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
