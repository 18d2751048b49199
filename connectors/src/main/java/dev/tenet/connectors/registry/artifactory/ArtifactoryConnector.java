package dev.tenet.connectors.registry.artifactory;

import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.Observers;
import dev.tenet.connectors.registry.OciClient;
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
import java.util.Locale;

/**
 * A JFrog Artifactory instance (SaaS or self-hosted): its Docker repositories, the permission
 * targets that decide who may read, deploy or overwrite in them (anonymous included), users and
 * groups, and access tokens with their scope and expiry, through Artifactory's REST and Access
 * APIs; then the shared image checks through its Docker API (repository path method:
 * HOST/REPO-KEY/IMAGE). The access token is sent as a bearer to this host only.
 */
public final class ArtifactoryConnector implements Connector {
  public static final String PLATFORM = "artifactory";

  private final URI base;
  private final String host;
  private final Secret token;
  private final RegistryOptions options;
  private final HttpPolicy policy;
  private final ResponseCache cache;
  private final ScopeEntry scope;

  /**
   * @param url the instance (https://acme.jfrog.io, https://repo.example/artifactory)
   * @param token an access token (an administrator's reveals permission targets and tokens)
   */
  public ArtifactoryConnector(
      String url, Secret token, RegistryOptions options, HttpPolicy policy, ResponseCache cache) {
    URI checked = ApiClient.checkBaseUrl(url, "Artifactory");
    String text = checked.toString().replaceAll("/+$", "");
    if (text.toLowerCase(Locale.ROOT).endsWith("/artifactory")) {
      text = text.substring(0, text.length() - "/artifactory".length());
    }
    this.base = URI.create(text);
    this.host =
        checked.getHost().toLowerCase(Locale.ROOT)
            + (checked.getPort() >= 0 ? ":" + checked.getPort() : "");
    this.token = token;
    this.options = options;
    this.policy = policy;
    this.cache = cache;
    this.scope = new ScopeEntry(PLATFORM, this.base.toString(), host);
  }

  @Override
  public ScopeEntry scope() {
    return scope;
  }

  @Override
  public void collect(CollectContext context) throws ConnectorException, InterruptedException {
    ApiClient.Observer observer = Observers.of(context, scope);
    ApiClient api =
        ApiClient.builder(base, "Artifactory")
            .auth(Auth.bearer(token))
            .policy(policy)
            .cache(cache)
            .observer(observer)
            .clock(options.clock())
            .header("Accept", "application/json")
            // The system configuration holds (encrypted) secrets of the instance: never stored.
            .neverStore(java.util.regex.Pattern.compile("^/artifactory/api/system/configuration"))
            .build();
    try {
      api.get("/artifactory/api/system/ping");
    } catch (ApiException e) {
      throw switch (e.kind()) {
        case UNAUTHORIZED, FORBIDDEN ->
            new ConnectorException(
                "Artifactory at "
                    + base
                    + " rejected the access token ("
                    + e.reason()
                    + "); check that it is valid and not expired.",
                e);
        case NOT_FOUND, INVALID_RESPONSE ->
            new ConnectorException(
                base + " does not answer like JFrog Artifactory (no /artifactory/api).", e);
        default ->
            new ConnectorException(
                "Cannot reach Artifactory at " + base + ": " + e.reason() + ".", e);
      };
    }
    URI origin = URI.create(base.getScheme() + "://" + base.getRawAuthority());
    OciClient client =
        OciClient.withAuth(
            origin, "", Auth.bearer(token), policy, cache, observer, options.clock());
    OciClient anonymous =
        OciClient.connect(
            origin, "", null, Auth.NONE, policy, ResponseCache.NONE, observer, options.clock());
    RegistryTarget target =
        new RegistryTarget(
            ResourceId.of(PLATFORM, host), host, host, PLATFORM, options.trustedSources());
    RegistryScan scan =
        new RegistryScan(
            target,
            client,
            anonymous,
            null,
            options.selection(),
            options.keys(),
            options.keyless(),
            options.history(),
            context,
            scope,
            policy.maxConcurrency(),
            "a token with read permission on the repository");
    new ArtifactoryScan(api, origin, token, policy, observer, options, host, context, scan).run();
  }
}
