package dev.tenet.connectors.registry.artifactory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.OciClient;
import dev.tenet.connectors.registry.RegistryOptions;
import dev.tenet.connectors.registry.RegistryScan;
import dev.tenet.connectors.registry.RepositoryFacts;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ConnectorException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One collection of an Artifactory instance, mapped to the trust graph: the instance is a registry
 * ({@code artifactory:HOST}), each Docker repository a repository of it ({@code
 * artifactory:HOST/KEY}), images under it ({@code oci:HOST/KEY/IMAGE}); users, groups and tokens
 * are parts of the instance. Permission targets become read, write and admin relations, to the
 * repositories and to the images in them.
 */
final class ArtifactoryScan {
  private static final String SOURCE = ArtifactoryConnector.PLATFORM;
  private static final String ADMIN = "an administrator's access token";
  private static final Pattern ANON =
      Pattern.compile("<anonAccessEnabled>\\s*(true|false)\\s*</anonAccessEnabled>");
  private static final int MAX_USERS = 500;

  /** What one principal may do in one repository, from the permission targets naming it. */
  private record Grant(
      String principal, boolean group, Set<String> actions, List<String> targets) {}

  private final ApiClient api;
  private final URI origin;
  private final Secret token;
  private final HttpPolicy policy;
  private final ApiClient.Observer observer;
  private final RegistryOptions options;
  private final CollectContext context;
  private final RegistryScan scan;
  private final TrustGraph graph;
  private final String registryId;
  private final String host;

  /** Repository key → principal key (user:NAME / group:NAME) → what it may do there. */
  private final Map<String, Map<String, Grant>> grants = new LinkedHashMap<>();

  private boolean permissionsRead;

  ArtifactoryScan(
      ApiClient api,
      URI origin,
      Secret token,
      HttpPolicy policy,
      ApiClient.Observer observer,
      RegistryOptions options,
      String host,
      CollectContext context,
      RegistryScan scan) {
    this.api = api;
    this.origin = origin;
    this.token = token;
    this.policy = policy;
    this.observer = observer;
    this.options = options;
    this.host = host;
    this.context = context;
    this.scan = scan;
    this.graph = context.graph();
    this.registryId = ResourceId.of(SOURCE, host);
  }

  void run() throws ConnectorException, InterruptedException {
    Entity registry = scan.registry().set("registryKind", "artifactory");
    Boolean anonymousEnabled = anonymousAccess();
    registry.set("anonymousAccessEnabled", anonymousEnabled);

    List<JsonNode> repositories;
    try {
      repositories = list(api.getJson("/artifactory/api/repositories?packageType=docker"));
    } catch (ApiException e) {
      throw new ConnectorException(
          "Could not list the Docker repositories of Artifactory at "
              + origin
              + ": "
              + e.reason()
              + ".",
          e);
    }
    permissionTargets(repositories);
    Map<String, Entity> repoEntities = new LinkedHashMap<>();
    List<RepositoryFacts> facts = new ArrayList<>();
    Map<String, String> repoOfImage = new LinkedHashMap<>();
    for (JsonNode r : repositories) {
      String key = r.path("key").asText();
      String type = r.path("type").asText("").toLowerCase(Locale.ROOT);
      if (key.isEmpty()) {
        continue;
      }
      Entity repo =
          graph
              .entity(ResourceId.of(SOURCE, host + "/" + key), EntityKind.REPOSITORY, key, SOURCE)
              .set("repositoryType", type)
              .set("packageType", "docker")
              .set(Attr.WEB_URL, r.path("url").asText(null));
      graph.relate(registry, RelationKind.CONTAINS, repo, SOURCE);
      repoEntities.put(key, repo);
      // Remote repositories cache other registries' images, virtual ones aggregate: the images
      // the organization publishes are in its local (and federated) repositories.
      if (!type.equals("local") && !type.equals("federated")) {
        continue;
      }
      Boolean immutable = permissionsRead ? overwriters(key).isEmpty() : null;
      repo.set(Attr.TAGS_IMMUTABLE, immutable);
      if (permissionsRead) {
        repo.set("overwriteAllowedFor", overwriters(key));
      }
      for (String image : images(key)) {
        String name = key + "/" + image;
        facts.add(new RepositoryFacts(name, null, immutable, null, null));
        repoOfImage.put(name, key);
      }
    }
    Map<String, Entity> images = scan.scan(facts);
    for (Map.Entry<String, Entity> e : images.entrySet()) {
      String key = repoOfImage.get(e.getKey());
      graph.relate(repoEntities.get(key), RelationKind.CONTAINS, e.getValue(), SOURCE);
    }
    Map<String, Entity> users = users(registry);
    for (Map.Entry<String, Entity> e : repoEntities.entrySet()) {
      relatePrincipals(e.getKey(), e.getValue(), images, repoOfImage, anonymousEnabled, users);
    }
    tokens(registry, users, images, repoOfImage);
  }

  // --- Anonymous access and permission targets -------------------------------------------------

  /**
   * Whether anonymous access is on for the instance (system configuration, administrators only).
   */
  private Boolean anonymousAccess() throws InterruptedException {
    try {
      Matcher m = ANON.matcher(api.get("/artifactory/api/system/configuration").text());
      return m.find() ? Boolean.valueOf(m.group(1)) : null;
    } catch (ApiException e) {
      context.blindSpot(
          new BlindSpot(registryId, "whether anonymous access is enabled", e.reason(), ADMIN));
      return null;
    }
  }

  private void permissionTargets(List<JsonNode> repositories) throws InterruptedException {
    List<JsonNode> targets;
    try {
      targets = list(api.getJson("/artifactory/api/v2/security/permissions"));
    } catch (ApiException e) {
      context.blindSpot(new BlindSpot(registryId, "the permission targets", e.reason(), ADMIN));
      return;
    }
    boolean complete = true;
    for (JsonNode t : targets) {
      String name = t.path("name").asText();
      JsonNode detail;
      try {
        detail = api.getJson("/artifactory/api/v2/security/permissions/" + enc(name));
      } catch (ApiException e) {
        context.blindSpot(
            new BlindSpot(registryId, "permission target " + name, e.reason(), ADMIN));
        complete = false;
        continue;
      }
      JsonNode repo = detail.path("repo");
      List<String> covered = new ArrayList<>();
      repo.path("repositories").forEach(r -> covered.add(r.asText()));
      for (JsonNode r : repositories) {
        String key = r.path("key").asText();
        String type = r.path("type").asText("").toUpperCase(Locale.ROOT);
        if (!covers(covered, key, type)) {
          continue;
        }
        add(key, name, repo.path("actions").path("users"), false);
        add(key, name, repo.path("actions").path("groups"), true);
      }
    }
    permissionsRead = complete;
  }

  static boolean covers(List<String> covered, String key, String type) {
    for (String c : covered) {
      if (c.equals(key) || c.equals("ANY") || c.equals("ANY " + type)) {
        return true;
      }
    }
    return false;
  }

  private void add(String key, String target, JsonNode principals, boolean group) {
    principals
        .properties()
        .forEach(
            p -> {
              Map<String, Grant> byPrincipal =
                  grants.computeIfAbsent(key, k -> new LinkedHashMap<>());
              String id = (group ? "group:" : "user:") + p.getKey();
              Grant g =
                  byPrincipal.computeIfAbsent(
                      id,
                      k -> new Grant(p.getKey(), group, new LinkedHashSet<>(), new ArrayList<>()));
              p.getValue().forEach(a -> g.actions().add(a.asText().toLowerCase(Locale.ROOT)));
              g.targets().add(target);
            });
  }

  /** Who may delete or overwrite in a repository (tags included): user:NAME, group:NAME. */
  private List<String> overwriters(String key) {
    List<String> out = new ArrayList<>();
    grants
        .getOrDefault(key, Map.of())
        .forEach(
            (id, g) -> {
              if (g.actions().contains("delete") || g.actions().contains("manage")) {
                out.add(id);
              }
            });
    return out;
  }

  private void relatePrincipals(
      String key,
      Entity repo,
      Map<String, Entity> images,
      Map<String, String> repoOfImage,
      Boolean anonymousEnabled,
      Map<String, Entity> users) {
    List<Entity> inRepo = new ArrayList<>();
    images.forEach(
        (name, image) -> {
          if (key.equals(repoOfImage.get(name))) {
            inRepo.add(image);
          }
        });
    for (Grant g : grants.getOrDefault(key, Map.of()).values()) {
      boolean anonymous = !g.group() && g.principal().equals("anonymous");
      if (anonymous) {
        if (!Boolean.TRUE.equals(anonymousEnabled)) {
          continue; // Granted, but anonymous access is off (or unknown: the live probe decides).
        }
        for (Entity image : inRepo) {
          if (g.actions().contains("write") || g.actions().contains("delete")) {
            image.set(Attr.ANONYMOUS_PUSH, true);
          }
        }
      }
      Entity principal =
          anonymous
              ? graph.entity(
                  RegistryScan.INTERNET_ID, EntityKind.INTERNET, "anyone on the internet", SOURCE)
              : g.group()
                  ? group(g.principal())
                  : users.getOrDefault(g.principal(), user(g.principal()));
      RelationKind kind = strongest(g.actions());
      if (kind == null) {
        continue;
      }
      graph
          .relate(principal, kind, repo, SOURCE)
          .set("permissionTargets", g.targets())
          .set("actions", List.copyOf(g.actions()));
      for (Entity image : inRepo) {
        graph.relate(principal, kind, image, SOURCE).set("permissionTargets", g.targets());
      }
    }
  }

  private static RelationKind strongest(Set<String> actions) {
    if (actions.contains("manage")) {
      return RelationKind.CAN_ADMIN;
    }
    if (actions.contains("write") || actions.contains("delete")) {
      return RelationKind.CAN_WRITE;
    }
    return actions.contains("read") ? RelationKind.CAN_READ : null;
  }

  // --- Images ----------------------------------------------------------------------------------

  /** The images of a Docker repository, from its catalog. */
  private List<String> images(String key) throws InterruptedException {
    OciClient catalog =
        OciClient.withAuth(
            origin,
            "/artifactory/api/docker/" + key,
            Auth.bearer(token),
            policy,
            ResponseCache.NONE,
            observer,
            options.clock());
    try {
      return catalog.catalog();
    } catch (ApiException e) {
      context.blindSpot(
          new BlindSpot(
              ResourceId.of(SOURCE, host + "/" + key),
              "the images of repository " + key,
              e.reason(),
              "a token with read permission on the repository"));
      return List.of();
    }
  }

  // --- Users and tokens ------------------------------------------------------------------------

  private Map<String, Entity> users(Entity registry) throws InterruptedException {
    Map<String, Entity> users = new LinkedHashMap<>();
    List<JsonNode> listed;
    try {
      listed = list(api.getJson("/artifactory/api/security/users"));
    } catch (ApiException e) {
      context.blindSpot(new BlindSpot(registryId, "the users", e.reason(), ADMIN));
      return users;
    }
    registry.set(Attr.MEMBERS_LISTED, listed.size() <= MAX_USERS);
    for (JsonNode u : listed.stream().limit(MAX_USERS).toList()) {
      String name = u.path("name").asText();
      if (name.isEmpty() || name.equals("anonymous")) {
        continue;
      }
      Entity user = user(name).set("realm", u.path("realm").asText(null));
      users.put(name, user);
      graph.relate(user, RelationKind.MEMBER_OF, registry, SOURCE);
      try {
        JsonNode detail = api.getJson("/artifactory/api/security/users/" + enc(name));
        boolean admin = detail.path("admin").asBoolean(false);
        user.set(Attr.ROLE, admin ? "admin" : "user");
        if (detail.path("lastLoggedIn").isTextual()) {
          user.set(Attr.LAST_ACTIVE_AT, parse(detail.path("lastLoggedIn").asText()));
        }
        if (admin) {
          graph.relate(user, RelationKind.CAN_ADMIN, registry, SOURCE).set(Attr.ROLE, "admin");
        }
        for (JsonNode g : detail.path("groups")) {
          graph.relate(user, RelationKind.MEMBER_OF, group(g.asText()), SOURCE);
        }
      } catch (ApiException e) {
        context.blindSpot(
            new BlindSpot(user.id(), "the details of user " + name, e.reason(), ADMIN));
      }
    }
    return users;
  }

  private void tokens(
      Entity registry,
      Map<String, Entity> users,
      Map<String, Entity> images,
      Map<String, String> repoOfImage)
      throws InterruptedException {
    JsonNode answer;
    try {
      answer = api.getJson("/access/api/v1/tokens");
    } catch (ApiException e) {
      context.blindSpot(new BlindSpot(registryId, "the access tokens", e.reason(), ADMIN));
      return;
    }
    for (JsonNode t : answer.path("tokens")) {
      String id = t.path("token_id").asText();
      if (id.isEmpty()) {
        continue;
      }
      String subject = t.path("subject").asText("");
      String owner =
          subject.contains("/users/")
              ? subject.substring(subject.lastIndexOf("/users/") + 7)
              : null;
      String scopeText = t.path("scope").asText("");
      Set<String> grant = new LinkedHashSet<>();
      Set<String> resources = new LinkedHashSet<>();
      List<String> groups = new ArrayList<>();
      boolean userScope = false;
      for (String s : scopeText.split("\\s+")) {
        if (s.equals("applied-permissions/admin")) {
          grant.add("admin");
          resources.add("*");
        } else if (s.equals("applied-permissions/user")) {
          userScope = true;
        } else if (s.startsWith("applied-permissions/groups:")) {
          groups.addAll(List.of(s.substring("applied-permissions/groups:".length()).split(",")));
        }
      }
      if (userScope && owner != null) {
        Entity user = users.get(owner);
        if (user != null && "admin".equals(user.text(Attr.ROLE).orElse(null))) {
          grant.add("admin");
          resources.add("*");
        }
        List<String> principals = new ArrayList<>(List.of("user:" + owner));
        if (user != null) {
          for (Entity g : graph.targets(user, RelationKind.MEMBER_OF)) {
            if (g.kind() == EntityKind.TEAM) {
              principals.add("group:" + g.name());
            }
          }
        }
        collect(principals, grant, resources);
      }
      if (!groups.isEmpty()) {
        collect(groups.stream().map(g -> "group:" + g).toList(), grant, resources);
      }
      Entity entity =
          graph
              .entity(
                  ResourceId.part(registryId, "token", id),
                  EntityKind.TOKEN,
                  t.path("description").asText(id).isBlank()
                      ? id
                      : t.path("description").asText(id),
                  SOURCE)
              .set(Attr.SCOPES, scopeText.isBlank() ? null : List.of(scopeText.split("\\s+")))
              .set(Attr.GRANTS, scopeText.isBlank() ? null : List.copyOf(grant))
              .set(Attr.RESOURCES, scopeText.isBlank() ? null : List.copyOf(resources))
              .set(Attr.HAS_EXPIRY, t.has("expiry") && t.path("expiry").asLong(0) > 0)
              .set(
                  Attr.EXPIRES_AT,
                  t.path("expiry").asLong(0) > 0
                      ? Instant.ofEpochSecond(t.path("expiry").asLong())
                      : null)
              .set(
                  Attr.LAST_ACTIVE_AT,
                  t.path("last_used").asLong(0) > 0
                      ? Instant.ofEpochSecond(t.path("last_used").asLong())
                      : null)
              .set("subject", owner)
              .set("refreshable", t.has("refreshable") ? t.path("refreshable").asBoolean() : null);
      graph.relate(registry, RelationKind.CONTAINS, entity, SOURCE);
      if (owner != null && users.containsKey(owner)) {
        graph.relate(users.get(owner), RelationKind.CONTAINS, entity, SOURCE);
      }
      if (grant.contains("push") || grant.contains("admin")) {
        images.forEach(
            (name, image) -> {
              if (resources.contains("*") || resources.contains(repoOfImage.get(name))) {
                graph
                    .relate(entity, RelationKind.CAN_WRITE, image, SOURCE)
                    .set("via", "access token");
              }
            });
      }
    }
  }

  /** What these principals may do, over every repository, as token grants. */
  private void collect(List<String> principals, Set<String> grant, Set<String> resources) {
    grants.forEach(
        (key, byPrincipal) -> {
          for (String p : principals) {
            Grant g = byPrincipal.get(p);
            if (g == null) {
              continue;
            }
            for (String action : g.actions()) {
              switch (action) {
                case "read" -> grant.add("pull");
                case "write" -> grant.add("push");
                case "delete" -> grant.add("delete");
                case "manage" -> grant.add("admin");
                default -> {
                  // annotate, distribute...: not about images' content.
                }
              }
            }
            resources.add(key);
          }
        });
  }

  // --- Helpers -------------------------------------------------------------------------------

  private Entity user(String name) {
    return graph.entity(ResourceId.part(registryId, "user", name), EntityKind.USER, name, SOURCE);
  }

  private Entity group(String name) {
    return graph.entity(ResourceId.part(registryId, "group", name), EntityKind.TEAM, name, SOURCE);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static Instant parse(String text) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(
                text, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX"))
            .toInstant();
      } catch (java.time.format.DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static String enc(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
