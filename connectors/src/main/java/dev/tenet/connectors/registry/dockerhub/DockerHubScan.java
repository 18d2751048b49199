package dev.tenet.connectors.registry.dockerhub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.registry.ImageSelection;
import dev.tenet.connectors.registry.RegistryScan;
import dev.tenet.connectors.registry.RepositoryFacts;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ConnectorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One collection of a Docker Hub namespace through Docker Hub's API, mapped to the trust graph: the
 * namespace is a registry ({@code dockerhub:NS}) holding image repositories ({@code
 * oci:docker.io/NS/REPO}); teams, members and access tokens are parts of it. Whatever the token may
 * not read becomes a blind spot naming the role that reveals it.
 */
final class DockerHubScan {
  private static final String SOURCE = DockerHubConnector.PLATFORM;
  private static final String OWNER = "a token of an organization owner";
  private static final int MAX_PAGES = 200;

  private final DockerHubConnector.HubSession session;
  private final String namespace;
  private final String username;
  private final CollectContext context;
  private final ScopeEntry scope;
  private final RegistryScan scan;
  private final TrustGraph graph;
  private final String registryId;

  DockerHubScan(
      DockerHubConnector.HubSession session,
      String namespace,
      String username,
      CollectContext context,
      ScopeEntry scope,
      RegistryScan scan) {
    this.session = session;
    this.namespace = namespace;
    this.username = username;
    this.context = context;
    this.scope = scope;
    this.scan = scan;
    this.graph = context.graph();
    this.registryId = ResourceId.of(SOURCE, namespace);
  }

  void run() throws ConnectorException, InterruptedException {
    Entity registry = scan.registry().set("registryKind", "dockerhub");
    registry.set(Attr.WEB_URL, "https://hub.docker.com/u/" + namespace);
    List<JsonNode> repositories = repositories();
    List<RepositoryFacts> facts = new ArrayList<>();
    for (JsonNode r : repositories) {
      context.cancellation().check();
      String name = r.path("name").asText();
      if (name.isEmpty()) {
        continue;
      }
      facts.add(repository(name, r));
    }
    Map<String, Entity> images = scan.scan(facts);
    boolean organization = people(registry);
    for (Map.Entry<String, Entity> e : images.entrySet()) {
      if (organization) {
        teamPermissions(e.getKey(), e.getValue());
      }
    }
    tokens(registry, images, organization);
  }

  // --- Repositories --------------------------------------------------------------------------

  private List<JsonNode> repositories() throws ConnectorException, InterruptedException {
    try {
      return results("/v2/namespaces/" + enc(namespace) + "/repositories?page_size=100");
    } catch (ApiException e) {
      if (e.kind() != ApiException.Kind.NOT_FOUND) {
        throw cannotList(e);
      }
    }
    try {
      return results("/v2/repositories/" + enc(namespace) + "/?page_size=100");
    } catch (ApiException e) {
      throw cannotList(e);
    }
  }

  private ConnectorException cannotList(ApiException e) {
    return new ConnectorException(
        e.kind() == ApiException.Kind.NOT_FOUND
            ? "Docker Hub namespace '" + namespace + "' was not found."
            : "Could not list the repositories of Docker Hub namespace "
                + namespace
                + ": "
                + e.reason()
                + ".",
        e);
  }

  /** What Docker Hub says of one repository: visibility, tag immutability, recent tags. */
  private RepositoryFacts repository(String name, JsonNode listed)
      throws ConnectorException, InterruptedException {
    String path = namespace + "/" + name;
    String base = "/v2/namespaces/" + enc(namespace) + "/repositories/" + enc(name);
    JsonNode detail = listed;
    try {
      detail = session.api().getJson(base);
    } catch (ApiException e) {
      blind(path, "the settings of repository " + path, e, "a token that can read the repository");
    }
    Boolean immutable = immutability(detail);
    List<ImageSelection.Tag> tags = null;
    try {
      List<ImageSelection.Tag> listedTags = new ArrayList<>();
      // The first page, most recently pushed first, is all the selection ever needs.
      JsonNode page = session.api().getJson(base + "/tags?page_size=100&ordering=last_updated");
      for (JsonNode t : page.path("results")) {
        listedTags.add(
            new ImageSelection.Tag(
                t.path("name").asText(),
                instant(t, "tag_last_pushed").orElse(instant(t, "last_updated").orElse(null))));
      }
      tags = listedTags;
    } catch (ApiException e) {
      // The registry's own tag list is the fallback.
    }
    String visibility =
        detail.has("is_private")
            ? (detail.path("is_private").asBoolean() ? "private" : "public")
            : (listed.path("is_private").asBoolean(false) ? "private" : "public");
    return new RepositoryFacts(
        path, visibility, immutable, tags, "https://hub.docker.com/r/" + path);
  }

  /**
   * Whether every tag is immutable: the setting is on and its rules (regular expressions) cover any
   * tag; rules for some tags only leave the others mutable.
   */
  static Boolean immutability(JsonNode repository) {
    JsonNode settings = repository.path("immutable_tags_settings");
    if (settings.isObject()) {
      if (!settings.path("enabled").asBoolean(false)) {
        return false;
      }
      JsonNode rules = settings.path("rules");
      if (!rules.isArray() || rules.isEmpty()) {
        return true;
      }
      for (JsonNode rule : rules) {
        String r = rule.asText().strip();
        if (r.equals(".*") || r.equals("*") || r.equals("^.*$")) {
          return true;
        }
      }
      return false;
    }
    if (repository.has("immutable_tags")) {
      return repository.path("immutable_tags").asBoolean();
    }
    return null;
  }

  // --- Members and teams ---------------------------------------------------------------------

  /** Members and teams of an organization; false when the namespace is a user, not one. */
  private boolean people(Entity registry) throws ConnectorException, InterruptedException {
    List<JsonNode> members;
    try {
      members = results("/v2/orgs/" + enc(namespace) + "/members?page_size=100");
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.NOT_FOUND) {
        return false; // A personal namespace: its only member is its owner.
      }
      blind(registryId, "the members of " + namespace, e, OWNER);
      return true;
    }
    registry.set(Attr.MEMBERS_LISTED, true);
    for (JsonNode m : members) {
      String login = m.path("username").asText();
      if (login.isEmpty()) {
        continue;
      }
      String role = m.path("role").asText("member").toLowerCase(Locale.ROOT);
      Entity user = member(login);
      user.set(Attr.LAST_ACTIVE_AT, instant(m, "last_seen_at").orElse(null));
      graph.relate(user, RelationKind.MEMBER_OF, registry, SOURCE).set(Attr.ROLE, role);
      if (role.equals("owner") || role.equals("editor")) {
        // Owners and editors manage every repository of the organization.
        graph.relate(user, RelationKind.CAN_ADMIN, registry, SOURCE).set(Attr.ROLE, role);
      }
    }
    List<JsonNode> groups;
    try {
      groups = results("/v2/orgs/" + enc(namespace) + "/groups?page_size=100");
    } catch (ApiException e) {
      blind(registryId, "the teams of " + namespace, e, OWNER);
      return true;
    }
    for (JsonNode g : groups) {
      String name = g.path("name").asText();
      if (name.isEmpty()) {
        continue;
      }
      Entity team = team(name);
      graph.relate(registry, RelationKind.CONTAINS, team, SOURCE);
      try {
        for (JsonNode m :
            results(
                "/v2/orgs/" + enc(namespace) + "/groups/" + enc(name) + "/members?page_size=100")) {
          String login = m.path("username").asText();
          if (!login.isEmpty()) {
            graph.relate(member(login), RelationKind.MEMBER_OF, team, SOURCE);
          }
        }
      } catch (ApiException e) {
        blind(team.id(), "the members of team " + name, e, OWNER);
      }
    }
    return true;
  }

  /** Which teams may read, write or administer a repository. */
  private void teamPermissions(String path, Entity image)
      throws ConnectorException, InterruptedException {
    String name = path.substring(namespace.length() + 1);
    List<JsonNode> groups;
    try {
      groups =
          results("/v2/repositories/" + enc(namespace) + "/" + enc(name) + "/groups?page_size=100");
    } catch (ApiException e) {
      blind(image.id(), "the team permissions of " + path, e, OWNER);
      return;
    }
    for (JsonNode g : groups) {
      String teamName = g.path("group_name").asText();
      if (teamName.isEmpty()) {
        continue;
      }
      String permission = g.path("permission").asText("read").toLowerCase(Locale.ROOT);
      RelationKind kind =
          switch (permission) {
            case "admin" -> RelationKind.CAN_ADMIN;
            case "write", "read_write" -> RelationKind.CAN_WRITE;
            default -> RelationKind.CAN_READ;
          };
      graph.relate(team(teamName), kind, image, SOURCE).set("permission", permission);
    }
  }

  // --- Access tokens ---------------------------------------------------------------------------

  private void tokens(Entity registry, Map<String, Entity> images, boolean organization)
      throws ConnectorException, InterruptedException {
    try {
      for (JsonNode t : results("/v2/access-tokens?page_size=100")) {
        personalToken(t, images);
      }
    } catch (ApiException e) {
      // An organization access token cannot list personal tokens: only a person's own can.
      if (e.kind() != ApiException.Kind.UNAUTHORIZED && e.kind() != ApiException.Kind.FORBIDDEN
          || !username.equalsIgnoreCase(namespace)) {
        blind(
            ResourceId.of(SOURCE, username),
            "the personal access tokens of " + username,
            e,
            "a personal access token of " + username);
      }
    }
    if (!organization) {
      return;
    }
    List<JsonNode> listed;
    try {
      listed = results("/v2/orgs/" + enc(namespace) + "/access-tokens?page_size=100");
    } catch (ApiException e) {
      blind(registryId, "the organization access tokens of " + namespace, e, OWNER);
      return;
    }
    for (JsonNode t : listed) {
      JsonNode detail = t;
      String id = t.path("id").asText();
      if (!t.has("resources") && !id.isEmpty()) {
        try {
          detail =
              session.api().getJson("/v2/orgs/" + enc(namespace) + "/access-tokens/" + enc(id));
        } catch (ApiException e) {
          blind(registryId, "the resources of organization access token " + id, e, OWNER);
        }
      }
      organizationToken(registry, detail, images);
    }
  }

  private void personalToken(JsonNode t, Map<String, Entity> images) {
    String uuid = t.path("uuid").asText();
    if (uuid.isEmpty()) {
      return;
    }
    List<String> scopes = texts(t.path("scopes"));
    Set<String> grants = new LinkedHashSet<>();
    for (String s : scopes) {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "repo:admin" -> grants.addAll(List.of("pull", "push", "delete"));
        case "repo:write" -> grants.addAll(List.of("pull", "push"));
        case "repo:read", "repo:public_read" -> grants.add("pull");
        default -> grants.add(s);
      }
    }
    Entity token =
        graph
            .entity(
                ResourceId.of(SOURCE, username, "token", uuid),
                EntityKind.TOKEN,
                t.path("token_label").asText(uuid),
                SOURCE)
            .set("tokenType", "personal")
            .set(Attr.SCOPES, scopes)
            .set(Attr.GRANTS, List.copyOf(grants))
            .set(Attr.RESOURCES, List.of("*"))
            .set(Attr.ACTIVE, t.has("is_active") ? t.path("is_active").asBoolean() : null)
            .set(Attr.LAST_ACTIVE_AT, instant(t, "last_used").orElse(null));
    expiry(token, t);
    graph
        .find(ResourceId.part(registryId, "member", username))
        .ifPresent(user -> graph.relate(user, RelationKind.CONTAINS, token, SOURCE));
    if (grants.contains("push")) {
      for (Entity image : writableBy(username, images)) {
        graph
            .relate(token, RelationKind.CAN_WRITE, image, SOURCE)
            .set("via", "personal access token");
      }
    }
  }

  private void organizationToken(Entity registry, JsonNode t, Map<String, Entity> images) {
    String id = t.path("id").asText();
    if (id.isEmpty()) {
      return;
    }
    List<String> scopes = new ArrayList<>();
    Set<String> grants = new LinkedHashSet<>();
    List<String> resources = new ArrayList<>();
    for (JsonNode r : t.path("resources")) {
      String type = r.path("type").asText();
      String path = r.path("path").asText();
      for (String s : texts(r.path("scopes"))) {
        scopes.add(path + ":" + s);
        String l = s.toLowerCase(Locale.ROOT);
        if (l.contains("delete")) {
          grants.add("delete");
        }
        if (l.contains("push") || l.contains("write")) {
          grants.add("push");
        }
        if (l.contains("pull") || l.contains("read")) {
          grants.add("pull");
        }
        if (type.equals("TYPE_ORG") && !l.contains("pull") && !l.contains("read")) {
          grants.add("admin");
        }
      }
      resources.add(type.equals("TYPE_ORG") || path.equals(namespace + "/*") ? "*" : path);
    }
    Entity token =
        graph
            .entity(
                ResourceId.part(registryId, "token", id),
                EntityKind.TOKEN,
                t.path("label").asText(id),
                SOURCE)
            .set("tokenType", "organization")
            .set(Attr.SCOPES, t.has("resources") ? scopes : null)
            .set(Attr.GRANTS, t.has("resources") ? List.copyOf(grants) : null)
            .set(Attr.RESOURCES, t.has("resources") ? resources : null)
            .set(Attr.ACTIVE, t.has("is_active") ? t.path("is_active").asBoolean() : null)
            .set(Attr.LAST_ACTIVE_AT, instant(t, "last_used_at").orElse(null))
            .set("createdBy", t.path("created_by").asText(null));
    expiry(token, t);
    graph.relate(registry, RelationKind.CONTAINS, token, SOURCE);
    if (grants.contains("push")) {
      for (Map.Entry<String, Entity> e : images.entrySet()) {
        if (covers(resources, e.getKey())) {
          graph
              .relate(token, RelationKind.CAN_WRITE, e.getValue(), SOURCE)
              .set("via", "organization access token");
        }
      }
    }
  }

  private static void expiry(Entity token, JsonNode t) {
    if (!t.has("expires_at")) {
      return; // Not reported: unknown.
    }
    Optional<Instant> expires = instant(t, "expires_at");
    token.set(Attr.HAS_EXPIRY, expires.isPresent()).set(Attr.EXPIRES_AT, expires.orElse(null));
  }

  /** Whether an organization token's resource paths (acme/api, acme/*, *) cover a repository. */
  static boolean covers(List<String> resources, String repository) {
    for (String r : resources) {
      if (r.equals("*") || r.equals(repository)) {
        return true;
      }
      if (r.endsWith("/*") && repository.startsWith(r.substring(0, r.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /** The repositories a member can push to: all for owners and editors, else through teams. */
  private List<Entity> writableBy(String login, Map<String, Entity> images) {
    Optional<Entity> user = graph.find(ResourceId.part(registryId, "member", login));
    if (user.isEmpty()) {
      // A personal namespace: its owner writes everything in it.
      return login.equalsIgnoreCase(namespace) ? List.copyOf(images.values()) : List.of();
    }
    if (!graph.targets(user.get(), RelationKind.CAN_ADMIN).isEmpty()) {
      return List.copyOf(images.values());
    }
    Set<Entity> out = new LinkedHashSet<>();
    for (Entity team : graph.targets(user.get(), RelationKind.MEMBER_OF)) {
      if (team.kind() != EntityKind.TEAM) {
        continue;
      }
      out.addAll(graph.targets(team, RelationKind.CAN_WRITE));
      out.addAll(graph.targets(team, RelationKind.CAN_ADMIN));
    }
    return List.copyOf(out);
  }

  // --- Helpers -------------------------------------------------------------------------------

  private Entity member(String login) {
    return graph.entity(
        ResourceId.part(registryId, "member", login), EntityKind.USER, login, SOURCE);
  }

  private Entity team(String name) {
    return graph.entity(ResourceId.part(registryId, "team", name), EntityKind.TEAM, name, SOURCE);
  }

  /** Every result of a paginated Docker Hub list ({"results": [...], "next": URL}). */
  private List<JsonNode> results(String first)
      throws ApiException, ConnectorException, InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    String next = first;
    for (int pages = 0; next != null && pages < MAX_PAGES; pages++) {
      JsonNode page = session.api().getJson(next);
      JsonNode results = page.isArray() ? page : page.path("results");
      results.forEach(out::add);
      String link = page.path("next").asText("");
      next = link.isEmpty() || page.isArray() ? null : link;
    }
    return out;
  }

  private void blind(String resource, String what, ApiException e, String remedy) {
    boolean permission =
        e.kind() == ApiException.Kind.FORBIDDEN || e.kind() == ApiException.Kind.UNAUTHORIZED;
    context.blindSpot(new BlindSpot(resource, what, e.reason(), permission ? remedy : ""));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static Optional<Instant> instant(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(v.asText()));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(java.time.OffsetDateTime.parse(v.asText()).toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static String enc(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
