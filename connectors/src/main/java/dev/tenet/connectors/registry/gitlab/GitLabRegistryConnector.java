package dev.tenet.connectors.registry.gitlab;

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
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The container registry of a GitLab group (GitLab.com or self-managed): its image repositories,
 * their projects' visibility, the tags with their push time and protection rules come from GitLab's
 * REST API; images, signatures and attestations from the registry itself, whose tokens GitLab
 * issues ({@code /jwt/auth}) for the same personal, group or project access token (read_api and
 * read_registry).
 */
public final class GitLabRegistryConnector implements Connector {
  public static final String PLATFORM = "oci";
  public static final String REGISTRY_URL = "https://registry.gitlab.com";

  private final URI gitlab;
  private final URI registry;
  private final String registryHost;
  private final String group;
  private final String username;
  private final Secret token;
  private final RegistryOptions options;
  private final HttpPolicy policy;
  private final ResponseCache cache;
  private final ScopeEntry scope;

  /**
   * @param gitlabUrl the GitLab instance (https://gitlab.com)
   * @param registryUrl its container registry (https://registry.gitlab.com)
   * @param group the full path of the group
   * @param username the token's user name for the registry's token service; null to ask GitLab
   */
  public GitLabRegistryConnector(
      String gitlabUrl,
      String registryUrl,
      String group,
      String username,
      Secret token,
      RegistryOptions options,
      HttpPolicy policy,
      ResponseCache cache) {
    URI base = ApiClient.checkBaseUrl(gitlabUrl, "GitLab");
    String text = base.toString().replaceAll("/+$", "");
    if (text.toLowerCase(Locale.ROOT).endsWith("/api/v4")) {
      text = text.substring(0, text.length() - 7);
    }
    this.gitlab = URI.create(text);
    this.registry = ApiClient.checkBaseUrl(registryUrl, "GitLab container registry");
    this.registryHost =
        registry.getHost().toLowerCase(Locale.ROOT)
            + (registry.getPort() >= 0 ? ":" + registry.getPort() : "");
    String g = group == null ? "" : group.strip().replaceAll("^/+|/+$", "");
    if (g.isEmpty()) {
      throw new IllegalArgumentException(
          "Give the full path of the GitLab group whose registry to scan.");
    }
    this.group = g;
    this.username = username;
    this.token = token;
    this.options =
        options.withTrustedSources(
            List.of(gitlab.getHost().toLowerCase(Locale.ROOT) + "/" + g.toLowerCase(Locale.ROOT)));
    this.policy = policy;
    this.cache = cache;
    this.scope = new ScopeEntry(PLATFORM, registry.toString(), registryHost + "/" + g);
  }

  @Override
  public ScopeEntry scope() {
    return scope;
  }

  @Override
  public void collect(CollectContext context) throws ConnectorException, InterruptedException {
    ApiClient.Observer observer = Observers.of(context, scope);
    ApiClient api =
        ApiClient.builder(URI.create(gitlab + "/api/v4"), "GitLab")
            .auth(Auth.header("PRIVATE-TOKEN", token))
            .header("Accept", "application/json")
            .policy(policy)
            .cache(cache)
            // Project details carry the runner registration token on older GitLab versions.
            .neverStore(java.util.regex.Pattern.compile("^/projects/\\d+(\\?|$)"))
            .observer(observer)
            .clock(options.clock())
            .build();
    List<JsonNode> repositories;
    try {
      repositories =
          api.getAllPages("/groups/" + enc(group) + "/registry/repositories?per_page=100");
    } catch (ApiException e) {
      throw switch (e.kind()) {
        case UNAUTHORIZED ->
            new ConnectorException(
                "GitLab at "
                    + gitlab
                    + " rejected the token ("
                    + e.reason()
                    + "); it needs read_api.",
                e);
        case NOT_FOUND ->
            new ConnectorException(
                "GitLab group '"
                    + group
                    + "' was not found at "
                    + gitlab
                    + ", or the token cannot see it.",
                e);
        case FORBIDDEN ->
            new ConnectorException(
                "GitLab refused to list the container registry of "
                    + group
                    + " ("
                    + e.reason()
                    + "); the token needs read_api and at least the Reporter role.",
                e);
        default ->
            new ConnectorException("Cannot reach GitLab at " + gitlab + ": " + e.reason() + ".", e);
      };
    }
    String user = username;
    if (user == null || user.isBlank()) {
      try {
        user = api.getJson("/user").path("username").asText("tenet");
      } catch (ApiException e) {
        user = "tenet"; // Group and project access tokens accept any user name.
      }
    }
    Map<Long, JsonNode> projects = new LinkedHashMap<>();
    Map<Long, List<JsonNode>> protections = new LinkedHashMap<>();
    List<RepositoryFacts> facts = new ArrayList<>();
    Map<String, JsonNode> projectOf = new LinkedHashMap<>();
    for (JsonNode r : repositories) {
      context.cancellation().check();
      long projectId = r.path("project_id").asLong(-1);
      String path = r.path("path").asText("");
      if (path.isEmpty() || projectId < 0) {
        continue;
      }
      JsonNode project =
          projects.computeIfAbsent(projectId, id -> read(api, context, "/projects/" + id, path));
      String imageId = ResourceId.of("oci", registryHost + "/" + path.toLowerCase(Locale.ROOT));
      List<JsonNode> rules =
          protections.computeIfAbsent(projectId, id -> rules(api, context, id, imageId, path));
      List<ImageSelection.Tag> tags =
          tags(api, context, projectId, r.path("id").asLong(), imageId, path);
      facts.add(
          new RepositoryFacts(
              path.toLowerCase(Locale.ROOT),
              visibility(project),
              rules == null ? null : immutable(rules),
              tags,
              project == null
                  ? null
                  : project.path("web_url").asText(null) + "/container_registry"));
      if (project != null) {
        projectOf.put(path.toLowerCase(Locale.ROOT), project);
      }
    }
    RegistryTarget target =
        new RegistryTarget(
            ResourceId.of("oci", registryHost + "/" + group.toLowerCase(Locale.ROOT)),
            registryHost + "/" + group,
            registryHost,
            PLATFORM,
            options.trustedSources());
    RegistryScan scan =
        RegistryScan.withToken(
            target,
            registry,
            new BearerChallenges.Credentials(user, token),
            options,
            policy,
            cache,
            observer,
            context,
            scope,
            "a token with read_registry of a project Reporter");
    scan.registry().set("registryKind", "gitlab");
    Map<String, Entity> images = scan.scan(facts);
    linkProjects(context.graph(), images, projectOf);
  }

  /**
   * A project's pipelines push to its registry with their job token, and its deploy tokens with
   * write_registry can too: when the GitLab scan reported them, they can write the images.
   */
  private static void linkProjects(
      TrustGraph graph, Map<String, Entity> images, Map<String, JsonNode> projectOf) {
    for (Map.Entry<String, Entity> e : images.entrySet()) {
      JsonNode project = projectOf.get(e.getKey());
      if (project == null) {
        continue;
      }
      String path = project.path("path_with_namespace").asText("");
      graph
          .find(ResourceId.of("gitlab", path))
          .filter(p -> p.kind() == EntityKind.REPOSITORY)
          .ifPresent(
              p -> {
                graph
                    .relate(p, RelationKind.CAN_WRITE, e.getValue(), PLATFORM)
                    .set("via", "CI job token");
                for (Entity part : graph.targets(p, RelationKind.CONTAINS)) {
                  if (part.kind() == EntityKind.TOKEN
                      && part.list(Attr.SCOPES).contains("write_registry")) {
                    graph
                        .relate(part, RelationKind.CAN_WRITE, e.getValue(), PLATFORM)
                        .set("via", "write_registry");
                  }
                }
              });
    }
  }

  private static JsonNode read(ApiClient api, CollectContext context, String path, String what) {
    try {
      return api.getJson(path);
    } catch (ApiException e) {
      context.blindSpot(
          new BlindSpot(
              ResourceId.of("gitlab", what), "the project of registry " + what, e.reason(), ""));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The project's container tag protection rules; null when not readable (tier, version, role). */
  private static List<JsonNode> rules(
      ApiClient api, CollectContext context, long projectId, String imageId, String what) {
    try {
      List<JsonNode> out = new ArrayList<>();
      api.getJson("/projects/" + projectId + "/registry/protection/tag/rules").forEach(out::add);
      return out;
    } catch (ApiException e) {
      if (e.kind() != ApiException.Kind.NOT_FOUND) {
        context.blindSpot(
            new BlindSpot(
                imageId,
                "the container tag protection rules of " + what,
                e.reason(),
                "a token of a project Maintainer"));
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static List<ImageSelection.Tag> tags(
      ApiClient api,
      CollectContext context,
      long projectId,
      long repositoryId,
      String imageId,
      String path)
      throws InterruptedException {
    String base = "/projects/" + projectId + "/registry/repositories/" + repositoryId + "/tags";
    List<ImageSelection.Tag> tags = new ArrayList<>();
    try {
      for (JsonNode t : api.getAllPages(base + "?per_page=100")) {
        String name = t.path("name").asText();
        Instant at = instant(t.path("created_at").asText(""));
        if (at == null && tags.size() < 50) {
          // Older GitLab lists tags without dates: the tag's details have them.
          try {
            at = instant(api.getJson(base + "/" + enc(name)).path("created_at").asText(""));
          } catch (ApiException e) {
            // Left undated: selection then orders by version.
          }
        }
        tags.add(new ImageSelection.Tag(name, at));
      }
      return tags;
    } catch (ApiException e) {
      context.blindSpot(
          new BlindSpot(
              ResourceId.of("gitlab", path),
              "the tags of registry repository " + path,
              e.reason(),
              ""));
      return null;
    }
  }

  /**
   * Whether the protection rules make every tag immutable: a rule marked immutable whose pattern
   * matches any tag name.
   */
  static boolean immutable(List<JsonNode> rules) {
    for (JsonNode rule : rules) {
      if (!rule.path("immutable").asBoolean(false)) {
        continue;
      }
      String pattern = rule.path("tag_name_pattern").asText("");
      try {
        Pattern p = Pattern.compile(pattern);
        if (p.matcher("latest").matches()
            && p.matcher("v1.2.3").matches()
            && p.matcher("anything-else").matches()) {
          return true;
        }
      } catch (PatternSyntaxException e) {
        // A pattern Java cannot read protects nothing Tenet can vouch for.
      }
    }
    return false;
  }

  private static String visibility(JsonNode project) {
    if (project == null) {
      return null;
    }
    String level = project.path("container_registry_access_level").asText("");
    if (level.equals("private") || level.equals("disabled")) {
      return "private";
    }
    return project.path("visibility").asText(null);
  }

  private static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String enc(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
