package dev.tenet.connectors.registry.oci;

import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.BearerChallenges;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.ImageSelection;
import dev.tenet.connectors.registry.Observers;
import dev.tenet.connectors.registry.OciClient;
import dev.tenet.connectors.registry.RegistryOptions;
import dev.tenet.connectors.registry.RegistryScan;
import dev.tenet.connectors.registry.RegistryTarget;
import dev.tenet.connectors.registry.RepositoryFacts;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Any registry that speaks the OCI Distribution API (CNCF Distribution, Harbor, Zot, Quay, cloud
 * registries…): repositories from the catalog, then the shared image checks. The URL may carry a
 * namespace ({@code https://registry.example/payments}) to limit the scan to the repositories below
 * it. Without a credential the scan is anonymous, which is exactly what anyone else sees.
 */
public final class OciRegistryConnector implements Connector {
  public static final String PLATFORM = "oci";

  private final URI origin;
  private final String namespace;
  private final String host;
  private final BearerChallenges.Credentials credentials;
  private final RegistryOptions options;
  private final HttpPolicy policy;
  private final ResponseCache cache;
  private final ScopeEntry scope;

  /**
   * @param url the registry, optionally with a namespace path
   * @param host the name images are pulled by, when it differs from the URL's (a registry behind a
   *     proxy, the demo's emulator); null for the URL's host and port
   * @param credentials the user name and token, or null to scan anonymously
   */
  public OciRegistryConnector(
      String url,
      String host,
      BearerChallenges.Credentials credentials,
      RegistryOptions options,
      HttpPolicy policy,
      ResponseCache cache) {
    URI checked = ApiClient.checkBaseUrl(url, "registry");
    this.origin = URI.create(checked.getScheme() + "://" + checked.getRawAuthority());
    String path = checked.getPath() == null ? "" : checked.getPath();
    this.namespace = path.replaceAll("^/+|/+$", "");
    this.host =
        host != null
            ? host
            : checked.getHost().toLowerCase(Locale.ROOT)
                + (checked.getPort() >= 0 ? ":" + checked.getPort() : "");
    this.credentials = credentials;
    this.options = options;
    this.policy = policy;
    this.cache = cache;
    this.scope =
        new ScopeEntry(
            PLATFORM, checked.toString(), this.host + (namespace.isEmpty() ? "" : "/" + namespace));
  }

  @Override
  public ScopeEntry scope() {
    return scope;
  }

  @Override
  public void collect(CollectContext context) throws ConnectorException, InterruptedException {
    ApiClient.Observer observer = Observers.of(context, scope);
    OciClient client =
        OciClient.connect(
            origin, "", credentials, Auth.NONE, policy, cache, observer, options.clock());
    OciClient anonymous =
        credentials == null
            ? client
            : OciClient.connect(
                origin, "", null, Auth.NONE, policy, ResponseCache.NONE, observer, options.clock());
    OciClient bare = OciClient.bare(origin, "", policy, observer, options.clock());
    String where = "the registry at " + origin;
    try {
      client.ping();
    } catch (ApiException e) {
      throw switch (e.kind()) {
        case UNAUTHORIZED, FORBIDDEN ->
            new ConnectorException(
                credentials == null
                    ? where
                        + " requires credentials ("
                        + e.reason()
                        + "): name the variable holding a token with --token-env."
                    : where
                        + " rejected the credentials ("
                        + e.reason()
                        + "); check the user name and that the token can pull.",
                e);
        case NOT_FOUND, INVALID_RESPONSE ->
            new ConnectorException(
                origin + " does not answer like an OCI registry (no /v2/ API).", e);
        default -> new ConnectorException("Cannot reach " + where + ": " + e.reason() + ".", e);
      };
    }
    RegistryTarget target =
        new RegistryTarget(
            ResourceId.of(PLATFORM, host), host, host, PLATFORM, options.trustedSources());
    RegistryScan scan =
        new RegistryScan(
            target,
            client,
            anonymous,
            bare,
            options.selection(),
            options.keys(),
            options.keyless(),
            options.history(),
            context,
            scope,
            policy.maxConcurrency(),
            "a token that can pull the repository");
    scan.registry().set("registryKind", "oci");
    scan.probeAuthentication();
    scan.scan(repositories(client, context, target));
  }

  private List<RepositoryFacts> repositories(
      OciClient client, CollectContext context, RegistryTarget target)
      throws ConnectorException, InterruptedException {
    List<String> names;
    try {
      names = client.catalog();
    } catch (ApiException e) {
      List<String> listed = literalRepositories(options.selection());
      if (listed.isEmpty()) {
        throw new ConnectorException(
            "The registry at "
                + origin
                + " does not list its repositories ("
                + e.reason()
                + "): name the repositories to inspect.",
            e);
      }
      context.blindSpot(
          new BlindSpot(
              target.registryId(),
              "the repository catalog",
              e.reason(),
              "a token allowed to list the catalog (registry:catalog:*)"));
      names = listed;
    }
    List<RepositoryFacts> facts = new ArrayList<>();
    for (String name : names) {
      if (namespace.isEmpty() || name.startsWith(namespace + "/") || name.equals(namespace)) {
        facts.add(RepositoryFacts.named(name));
      }
    }
    return facts;
  }

  private static List<String> literalRepositories(ImageSelection selection) {
    return selection.repositories().stream().filter(r -> !r.contains("*")).toList();
  }
}
