package dev.tenet.connectors.registry.dockerhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.BearerChallenges;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.Observers;
import dev.tenet.connectors.registry.RegistryOptions;
import dev.tenet.connectors.registry.RegistryScan;
import dev.tenet.connectors.registry.RegistryTarget;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A Docker Hub namespace (an organization or a user): repositories with their visibility and tag
 * immutability, teams and their permissions per repository, members, personal and organization
 * access tokens with scopes, expiry and last use (Docker Hub's own API, hub.docker.com), and the
 * shared image checks over the registry (registry-1.docker.io, tokens from auth.docker.io).
 */
public final class DockerHubConnector implements Connector {
  public static final String PLATFORM = "dockerhub";
  public static final String HUB_URL = "https://hub.docker.com";
  public static final String REGISTRY_URL = "https://registry-1.docker.io";

  /** Docker Hub's session tokens last 10 minutes; Tenet logs in again before that. */
  static final Duration SESSION = Duration.ofMinutes(8);

  private final URI hub;
  private final URI registry;
  private final String namespace;
  private final String username;
  private final Secret secret;
  private final RegistryOptions options;
  private final HttpPolicy policy;
  private final ResponseCache cache;
  private final ScopeEntry scope;

  /**
   * @param hub the Docker Hub API (https://hub.docker.com)
   * @param registry the registry images are pulled from (https://registry-1.docker.io)
   * @param namespace the organization or user
   * @param username the account the token belongs to; an organization access token's is the
   *     organization's name
   * @param secret a personal or organization access token (never a password)
   */
  public DockerHubConnector(
      String hub,
      String registry,
      String namespace,
      String username,
      Secret secret,
      RegistryOptions options,
      HttpPolicy policy,
      ResponseCache cache) {
    this.hub = ApiClient.checkBaseUrl(hub, "Docker Hub");
    this.registry = ApiClient.checkBaseUrl(registry, "Docker Hub registry");
    String ns = namespace == null ? "" : namespace.strip().toLowerCase(Locale.ROOT);
    if (ns.isEmpty() || ns.contains("/")) {
      throw new IllegalArgumentException(
          "Give the Docker Hub namespace to scan, e.g. https://hub.docker.com/acme.");
    }
    this.namespace = ns;
    this.username = username == null || username.isBlank() ? ns : username.strip();
    this.secret = secret;
    this.options = options;
    this.policy = policy;
    this.cache = cache;
    this.scope = new ScopeEntry(PLATFORM, this.hub.toString(), ns);
  }

  /**
   * The namespace a Docker Hub URL names: hub.docker.com/u/acme, /orgs/acme, /acme, docker.io/acme.
   */
  public static String namespaceOf(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    if (parts.length >= 2 && List.of("u", "orgs", "r", "repositories").contains(parts[0])) {
      return parts[1];
    }
    return parts.length == 0 ? "" : parts[0];
  }

  @Override
  public ScopeEntry scope() {
    return scope;
  }

  @Override
  public void collect(CollectContext context) throws ConnectorException, InterruptedException {
    ApiClient.Observer observer = Observers.of(context, scope);
    HubSession session = new HubSession(observer);
    session.login();
    RegistryTarget target =
        new RegistryTarget(
            ResourceId.of(PLATFORM, namespace),
            namespace,
            "docker.io",
            PLATFORM,
            options.trustedSources());
    RegistryScan scan =
        RegistryScan.withToken(
            target,
            registry,
            new BearerChallenges.Credentials(username, secret),
            options,
            policy,
            cache,
            observer,
            context,
            scope,
            "a token of a member who can read the repository (Repo Read-only)");
    new DockerHubScan(session, namespace, username, context, scope, scan).run();
  }

  /**
   * A logged-in session of Docker Hub's API: the access token is exchanged for a short-lived bearer
   * (POST /v2/auth/token), renewed before it runs out.
   */
  final class HubSession {
    private final ApiClient.Observer observer;
    private ApiClient api;
    private Instant since;

    HubSession(ApiClient.Observer observer) {
      this.observer = observer;
    }

    void login() throws ConnectorException, InterruptedException {
      ApiClient anonymous =
          ApiClient.builder(hub, "Docker Hub")
              .policy(policy)
              .observer(observer)
              .clock(options.clock())
              .header("Accept", "application/json")
              .build();
      JsonNode body =
          JsonNodeFactory.instance
              .objectNode()
              .put("identifier", username)
              .put("secret", secret.reveal());
      String token;
      try {
        JsonNode answer = anonymous.post("/v2/auth/token", body.toString()).json();
        token = answer.path("access_token").asText(answer.path("token").asText(""));
      } catch (ApiException e) {
        throw switch (e.kind()) {
          case UNAUTHORIZED, FORBIDDEN ->
              new ConnectorException(
                  "Docker Hub rejected the access token of "
                      + username
                      + " ("
                      + e.status()
                      + "); check the user name (an organization access token's is the"
                      + " organization) and that the token is active.",
                  e);
          default ->
              new ConnectorException(
                  "Cannot reach Docker Hub at " + hub + ": " + e.reason() + ".", e);
        };
      }
      if (token.isBlank()) {
        throw new ConnectorException("Docker Hub answered the login without a token.");
      }
      Secret bearer = Secret.of(token);
      api =
          ApiClient.builder(hub, "Docker Hub")
              .auth(Auth.bearer(bearer))
              .policy(policy)
              .observer(observer)
              .clock(options.clock())
              .header("Accept", "application/json")
              .build();
      since = options.clock().instant();
    }

    /** The API, logged in again when the session is about to expire. */
    synchronized ApiClient api() throws ConnectorException, InterruptedException {
      if (Duration.between(since, options.clock().instant()).compareTo(SESSION) > 0) {
        login();
      }
      return api;
    }
  }
}
