package dev.tenet.connectors.gitlab;

import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a GitLab group with all its subgroups and projects (GitLab.com or self-managed) through the
 * REST API v4 and maps it into the trust graph. Every request goes through the shared HTTP policy
 * ({@link ApiClient}): the token only to this host, conditional requests, rate limits, retries and
 * counting. Responses are read as JSON trees (see docs/ARCHITECTURE.md, Decisions).
 */
public final class GitLabConnector implements Connector {
  public static final String PLATFORM = "gitlab";
  public static final String DEFAULT_URL = "https://gitlab.com";

  /**
   * Responses that may hold secret values and so never reach the response cache: CI/CD variables,
   * hooks (URLs with credentials), runner details and group or project settings (registration
   * tokens on older GitLab versions).
   */
  static final Pattern CARRIES_SECRETS =
      Pattern.compile(
          "^/(groups|projects)/[^/?]+/variables|/hooks(\\?|$)|^/runners/|^/groups/[^/?]+(\\?|$)"
              + "|^/groups/\\d+/(descendant_groups|projects)(\\?|$)");

  private final ScopeEntry scope;
  private final URI webUrl;
  private final URI apiUrl;
  private final Secret token;
  private final HttpPolicy policy;
  private final ResponseCache cache;

  /**
   * @param baseUrl the GitLab address (https://gitlab.com, https://gitlab.example.com, or with
   *     /api/v4 already appended)
   * @param group the full path of the group, e.g. acme or acme/platform
   */
  public GitLabConnector(
      String baseUrl, String group, Secret token, HttpPolicy policy, ResponseCache cache) {
    URI checked = ApiClient.checkBaseUrl(baseUrl, "GitLab");
    this.webUrl = webUrl(checked);
    this.apiUrl = URI.create(this.webUrl + "/api/v4");
    String path = group.strip();
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      throw new IllegalArgumentException(
          "Give the full path of a GitLab group, e.g. acme/platform.");
    }
    this.scope = new ScopeEntry(PLATFORM, this.webUrl.toString(), path);
    this.token = token;
    this.policy = policy;
    this.cache = cache;
  }

  /** The web address without a trailing slash or /api/v4. */
  static URI webUrl(URI base) {
    String text = base.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.toLowerCase(Locale.ROOT).endsWith("/api/v4")) {
      text = text.substring(0, text.length() - "/api/v4".length());
    }
    return URI.create(text);
  }

  /** The API base this connector uses (the web address followed by /api/v4). */
  public URI apiUrl() {
    return apiUrl;
  }

  @Override
  public ScopeEntry scope() {
    return scope;
  }

  @Override
  public void collect(CollectContext context) throws ConnectorException, InterruptedException {
    ApiClient api =
        ApiClient.builder(apiUrl, "GitLab")
            .auth(Auth.header("PRIVATE-TOKEN", token))
            .header("Accept", "application/json")
            .policy(policy)
            .cache(cache)
            .neverStore(CARRIES_SECRETS)
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
    boolean gitlabDotCom = webUrl.getHost().equalsIgnoreCase("gitlab.com");
    new GitLabScan(api, context, scope, policy.maxConcurrency(), gitlabDotCom).run();
  }
}
