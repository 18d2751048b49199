package dev.tenet.connectors.registry.ghcr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.BearerChallenges;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.ImageSelection;
import dev.tenet.connectors.registry.Observers;
import dev.tenet.connectors.registry.RegistryOptions;
import dev.tenet.connectors.registry.RegistryScan;
import dev.tenet.connectors.registry.RegistryTarget;
import dev.tenet.connectors.registry.RepositoryFacts;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The container images of a GitHub organization (or user) in GitHub's Container registry: the
 * packages and their visibility, linked repository and tags come from GitHub's REST API (with the
 * GitHub token, which needs read:packages), the images, signatures and attestations from ghcr.io
 * itself (the same token exchanged for registry tokens). GHCR has no tag immutability, so every
 * repository's tags can be overwritten.
 */
public final class GhcrConnector implements Connector {
  public static final String PLATFORM = "oci";
  public static final String REGISTRY_URL = "https://ghcr.io";
  public static final String HOST = "ghcr.io";

  private final URI api;
  private final URI registry;
  private final String owner;
  private final String username;
  private final Secret token;
  private final RegistryOptions options;
  private final HttpPolicy policy;
  private final ResponseCache cache;
  private final ScopeEntry scope;

  /**
   * @param githubApi the GitHub REST API (https://api.github.com)
   * @param registry ghcr.io (or a stand-in for tests)
   * @param owner the organization or user whose packages to read
   * @param username sent with the token to ghcr.io's token service (any name works with a token)
   */
  public GhcrConnector(
      String githubApi,
      String registry,
      String owner,
      String username,
      Secret token,
      RegistryOptions options,
      HttpPolicy policy,
      ResponseCache cache) {
    this.api = ApiClient.checkBaseUrl(githubApi, "GitHub");
    this.registry = ApiClient.checkBaseUrl(registry, "GitHub Container registry");
    String o = owner == null ? "" : owner.strip();
    if (o.isEmpty() || o.contains("/")) {
      throw new IllegalArgumentException(
          "Give the organization of ghcr.io to scan, e.g. https://ghcr.io/acme.");
    }
    this.owner = o;
    this.username = username == null || username.isBlank() ? "tenet" : username;
    this.token = token;
    this.options = options.withTrustedSources(List.of("github.com/" + o.toLowerCase(Locale.ROOT)));
    this.policy = policy;
    this.cache = cache;
    this.scope = new ScopeEntry(PLATFORM, REGISTRY_URL, HOST + "/" + o);
  }

  @Override
  public ScopeEntry scope() {
    return scope;
  }

  @Override
  public void collect(CollectContext context) throws ConnectorException, InterruptedException {
    ApiClient.Observer observer = Observers.of(context, scope);
    ApiClient github =
        ApiClient.builder(api, "GitHub")
            .auth(Auth.bearer(token))
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .policy(policy)
            .cache(cache)
            .observer(observer)
            .clock(options.clock())
            .build();
    String kind = "orgs";
    List<JsonNode> packages;
    try {
      packages =
          github.getAllPages(
              "/orgs/" + enc(owner) + "/packages?package_type=container&per_page=100");
    } catch (ApiException e) {
      if (e.kind() != ApiException.Kind.NOT_FOUND) {
        throw failed(e);
      }
      kind = "users";
      try {
        packages =
            github.getAllPages(
                "/users/" + enc(owner) + "/packages?package_type=container&per_page=100");
      } catch (ApiException again) {
        throw failed(again);
      }
    }
    List<RepositoryFacts> facts = new ArrayList<>();
    Map<String, String> linked = new LinkedHashMap<>();
    for (JsonNode p : packages) {
      String name = p.path("name").asText();
      if (name.isEmpty()) {
        continue;
      }
      String path = owner.toLowerCase(Locale.ROOT) + "/" + name;
      List<ImageSelection.Tag> tags = null;
      try {
        tags =
            tags(
                github.getAllPages(
                    "/"
                        + kind
                        + "/"
                        + enc(owner)
                        + "/packages/container/"
                        + enc(name)
                        + "/versions?per_page=100"));
      } catch (ApiException e) {
        context.blindSpot(
            new BlindSpot(
                ResourceId.of("oci", HOST + "/" + path),
                "the versions of package " + name,
                e.reason(),
                "a token with read:packages that can see the package"));
      }
      facts.add(
          new RepositoryFacts(
              path,
              p.path("visibility").asText(null),
              // GitHub's Container registry has no setting that stops a tag from being moved.
              false,
              tags,
              p.path("html_url").asText(null)));
      String repository = p.path("repository").path("full_name").asText("");
      if (!repository.isEmpty()) {
        linked.put(path, repository);
      }
    }
    RegistryTarget target =
        new RegistryTarget(
            ResourceId.of("oci", HOST + "/" + owner.toLowerCase(Locale.ROOT)),
            HOST + "/" + owner,
            HOST,
            PLATFORM,
            options.trustedSources());
    RegistryScan scan =
        RegistryScan.withToken(
            target,
            registry,
            new BearerChallenges.Credentials(username, token),
            options,
            policy,
            cache,
            observer,
            context,
            scope,
            "a token with read:packages that can see the package");
    scan.registry().set("registryKind", "ghcr");
    Map<String, Entity> images = scan.scan(facts);
    // A package linked to a repository takes its access from it: that repository's workflows
    // publish it with their GITHUB_TOKEN. Linked only when the GitHub scan reported the repository.
    for (Map.Entry<String, String> e : linked.entrySet()) {
      Entity image = images.get(e.getKey());
      if (image == null) {
        continue;
      }
      context
          .graph()
          .find(ResourceId.of("github", e.getValue()))
          .filter(r -> r.kind() == EntityKind.REPOSITORY)
          .ifPresent(
              repo ->
                  context
                      .graph()
                      .relate(repo, RelationKind.CAN_WRITE, image, PLATFORM)
                      .set("via", "package linked to the repository"));
      image.set("linkedRepository", e.getValue());
    }
  }

  /**
   * Tags and their push times from package versions (untagged versions are signatures, platforms).
   */
  static List<ImageSelection.Tag> tags(List<JsonNode> versions) {
    List<ImageSelection.Tag> tags = new ArrayList<>();
    for (JsonNode v : versions) {
      Instant at = instant(v.path("updated_at").asText(v.path("created_at").asText("")));
      for (JsonNode t : v.path("metadata").path("container").path("tags")) {
        tags.add(new ImageSelection.Tag(t.asText(), at));
      }
    }
    return tags;
  }

  private static Instant instant(String text) {
    try {
      return text.isEmpty() ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private ConnectorException failed(ApiException e) {
    return switch (e.kind()) {
      case UNAUTHORIZED ->
          new ConnectorException(
              "GitHub rejected the token (" + e.reason() + "); it needs the read:packages scope.",
              e);
      case FORBIDDEN ->
          new ConnectorException(
              "GitHub refused to list the packages of "
                  + owner
                  + " ("
                  + e.reason()
                  + "); the token needs the read:packages scope.",
              e);
      case NOT_FOUND ->
          new ConnectorException("No GitHub organization or user named '" + owner + "'.", e);
      default ->
          new ConnectorException("Cannot reach GitHub at " + api + ": " + e.reason() + ".", e);
    };
  }

  private static String enc(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
