package dev.tenet.connectors.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.Parallel;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ConnectorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One collection of a GitLab group: the group and the groups above it, its subgroups, its projects,
 * and the runners they use. Groups, then projects, then runners are read in parallel within the
 * HTTP policy's concurrency bound. Whatever cannot be read becomes a blind spot that names it, the
 * reason, and the token role or GitLab tier that would reveal it.
 */
final class GitLabScan {
  /** GitLab itself stops at 150 included files; a scan needs far fewer to see the pipeline. */
  private static final int MAX_CI_FILES = 50;

  private static final Need READER = new Need("a token that can see the project (read_api)", null);
  private static final Need DEVELOPER = new Need("a token of a project Developer", null);
  private static final Need MAINTAINER = new Need("a token of a project Maintainer", null);
  private static final Need OWNER = new Need("a token of a group Owner", null);
  private static final Need PREMIUM_MAINTAINER =
      new Need("a token of a project Maintainer", "Premium");
  private static final Need PREMIUM_OWNER = new Need("a token of a group Owner", "Premium");

  /**
   * What reveals an endpoint: a role for the token, and the GitLab tier that has the feature.
   *
   * @param tier null for every tier
   */
  private record Need(String role, String tier) {
    Need withRole(String other) {
      return new Need(other, tier);
    }
  }

  private final ApiClient api;
  private final CollectContext context;
  private final ScopeEntry scope;
  private final int concurrency;
  private final GitLabMapper mapper;
  private volatile String plan;
  private volatile Boolean enterprise;

  GitLabScan(
      ApiClient api, CollectContext context, ScopeEntry scope, int concurrency, boolean dotCom) {
    this.api = api;
    this.context = context;
    this.scope = scope;
    this.concurrency = concurrency;
    this.mapper = new GitLabMapper(context.graph(), scope.target(), dotCom);
  }

  void run() throws ConnectorException, InterruptedException {
    String path = scope.target();
    context.progress(scope, 0, -1, "group " + path);
    JsonNode top = topGroup(path);
    // The group may be found under another case or an old path: use GitLab's own spelling.
    Entity topEntity = mapper.group(top);
    long topId = top.path("id").asLong();
    instance(topId);
    ancestors(top);
    boolean admin = scannerIdentity(topEntity);

    List<JsonNode> groups = new ArrayList<>();
    groups.add(top);
    readAll(
            "/groups/" + topId + "/descendant_groups?per_page=100",
            topEntity.id(),
            "the subgroups",
            READER)
        .ifPresent(
            subs ->
                subs.forEach(
                    g -> {
                      mapper.group(g);
                      groups.add(g);
                    }));
    mapper.linkGroups();

    List<JsonNode> projects;
    try {
      projects =
          api.getAllPages(
              "/groups/"
                  + topId
                  + "/projects?include_subgroups=true&with_shared=false&per_page=100"
                  + "&order_by=id&sort=asc");
    } catch (ApiException e) {
      throw new ConnectorException(
          "Could not list the projects of GitLab group " + path + ": " + e.reason() + ".", e);
    }
    context.cancellation().check();

    context.progress(scope, 0, -1, groups.size() + " groups");
    Parallel.forEach(groups, concurrency, context.cancellation(), g -> readGroup(g, g == top));
    readTopGroupPeople(topEntity, topId, admin);

    AtomicInteger done = new AtomicInteger();
    int total = projects.size();
    context.progress(scope, 0, total, "projects");
    Parallel.forEach(
        projects,
        concurrency,
        context.cancellation(),
        p -> {
          readProject(p);
          context.progress(
              scope, done.incrementAndGet(), total, p.path("path_with_namespace").asText());
        });

    List<Long> runnerIds = new ArrayList<>(mapper.runnersToDetail());
    Parallel.forEach(runnerIds, concurrency, context.cancellation(), this::readRunner);
  }

  // --- Group level ---------------------------------------------------------------------------

  private JsonNode topGroup(String path) throws ConnectorException, InterruptedException {
    String where = "GitLab at " + scope.baseUrl();
    try {
      JsonNode json = api.getJson("/groups/" + encode(path) + "?with_projects=false");
      if (!json.isObject() || !json.hasNonNull("full_path") || !json.has("id")) {
        throw notGitLab(null);
      }
      return json;
    } catch (ApiException e) {
      throw switch (e.kind()) {
        case UNAUTHORIZED ->
            new ConnectorException(
                where
                    + " rejected the token ("
                    + e.reason()
                    + "); check that it is valid, not expired, and has the read_api scope.",
                e);
        case NOT_FOUND ->
            new ConnectorException(
                "GitLab group '"
                    + path
                    + "' was not found at "
                    + scope.baseUrl()
                    + ", or the token cannot see it.",
                e);
        case FORBIDDEN ->
            new ConnectorException(
                where + " refused to show group '" + path + "' to this token (" + e.reason() + ").",
                e);
        case INVALID_RESPONSE -> notGitLab(e);
        default -> new ConnectorException("Cannot reach " + where + ": " + e.reason() + ".", e);
      };
    }
  }

  private ConnectorException notGitLab(Exception cause) {
    return new ConnectorException(
        scope.baseUrl()
            + " does not answer like the GitLab API (give the address of the GitLab instance,"
            + " e.g. https://gitlab.example.com).",
        cause);
  }

  /** Edition and plan, to name the tier in blind spots of features it lacks. */
  private void instance(long topId) throws InterruptedException {
    try {
      JsonNode metadata = api.getJson("/metadata");
      if (metadata.has("enterprise")) {
        enterprise = metadata.path("enterprise").asBoolean();
      }
    } catch (ApiException e) {
      // Older than 15.2, or hidden: the tier is then named by the failing endpoints alone.
    }
    try {
      JsonNode namespace = api.getJson("/namespaces/" + topId);
      if (namespace.path("plan").isTextual()) {
        plan = namespace.path("plan").asText();
        mapper.plan(plan);
      }
    } catch (ApiException e) {
      // The plan shows on GitLab.com to Owners only; self-managed instances have a licence.
    }
  }

  /** Groups above the scanned one: their two-factor requirement applies to it too. */
  private void ancestors(JsonNode top) throws InterruptedException {
    if (!top.hasNonNull("parent_id")) {
      mapper.ancestors(List.of(), true);
      return;
    }
    String[] segments = top.path("full_path").asText().split("/");
    List<JsonNode> found = new ArrayList<>();
    boolean complete = true;
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < segments.length - 1; i++) {
      prefix.append(i == 0 ? "" : "/").append(segments[i]);
      try {
        found.add(api.getJson("/groups/" + encode(prefix.toString()) + "?with_projects=false"));
      } catch (ApiException e) {
        complete = false;
        blind(
            mapper.topId(),
            "the two-factor setting of parent group " + prefix,
            e,
            new Need("a token that can see the parent group", null));
      }
    }
    mapper.ancestors(found, complete);
  }

  /** Tenet's own token (its scopes) and whether it is an administrator's. */
  private boolean scannerIdentity(Entity top) throws InterruptedException {
    boolean admin = false;
    try {
      admin = api.getJson("/user").path("is_admin").asBoolean(false);
    } catch (ApiException e) {
      // Without /user the administrator-only reads are simply not tried.
    }
    try {
      mapper.scannerToken(api.getJson("/personal_access_tokens/self"));
    } catch (ApiException e) {
      blind(
          top.id(),
          "the scopes of Tenet's own token",
          e,
          new Need("GitLab 15.5 or later and a personal, project or group access token", null));
    }
    return admin;
  }

  private void readGroup(JsonNode json, boolean isTop) throws InterruptedException {
    long id = json.path("id").asLong();
    Entity group = mapper.groupById(id).orElseThrow();
    String base = "/groups/" + id;
    Optional<List<JsonNode>> all =
        readAll(
            base + "/members/all?per_page=100",
            group.id(),
            "the members of " + group.name(),
            READER);
    Optional<List<JsonNode>> direct =
        all.isEmpty()
            ? Optional.empty()
            : readAll(
                base + "/members?per_page=100",
                group.id(),
                "the direct members of " + group.name(),
                READER);
    if (all.isPresent() && direct.isPresent()) {
      mapper.members(group, all.get(), direct.get());
    }
    readAll(
            base + "/variables?per_page=100",
            group.id(),
            "the CI/CD variables of group " + group.name(),
            OWNER)
        .ifPresent(v -> mapper.variables(group, v));
    readAll(
            base + "/access_tokens?per_page=100",
            group.id(),
            "the access tokens of group " + group.name(),
            OWNER)
        .ifPresent(t -> mapper.accessTokens(group, t));
    readAll(
            base + "/deploy_tokens?per_page=100",
            group.id(),
            "the deploy tokens of group " + group.name(),
            OWNER)
        .ifPresent(t -> mapper.deployTokens(group, t));
    readAll(
            base + "/hooks?per_page=100",
            group.id(),
            "the webhooks of group " + group.name(),
            PREMIUM_OWNER)
        .ifPresent(h -> mapper.hooks(group, h));
    readAll(
            base + "/runners?type=group_type&per_page=100",
            group.id(),
            "the runners of group " + group.name(),
            OWNER)
        .ifPresent(r -> mapper.runners(group, r));
    readAll(
            base + "/protected_environments?per_page=100",
            group.id(),
            "the protected environments of group " + group.name(),
            PREMIUM_MAINTAINER)
        .ifPresent(e -> mapper.groupProtectedEnvironments(id, e));
    if (isTop) {
      readAll(
              base + "/saml_group_links",
              group.id(),
              "the SAML configuration of " + group.name(),
              PREMIUM_OWNER)
          .ifPresent(mapper::samlGroupLinks);
    }
  }

  /** Reads that need every group's members first: last activity and two-factor status. */
  private void readTopGroupPeople(Entity top, long topId, boolean admin)
      throws InterruptedException {
    readAll(
            "/groups/" + topId + "/billable_members?per_page=100",
            top.id(),
            "when members were last active",
            new Need("a token of the top-level group's Owner", null))
        .ifPresent(mapper::lastActivity);
    if (!admin) {
      context.blindSpot(
          new BlindSpot(
              top.id(),
              "which members have two-factor authentication",
              "GitLab shows it to instance administrators only",
              "on self-managed GitLab, scan with an administrator's read_api token; otherwise"
                  + " check the group's member list in the web interface"));
      return;
    }
    readAll(
            "/users?two_factor=disabled&without_project_bots=true&per_page=100",
            top.id(),
            "which members have two-factor authentication",
            new Need("a token of an instance administrator", null))
        .ifPresent(
            users -> {
              Set<String> without = new HashSet<>();
              users.forEach(u -> without.add(u.path("username").asText()));
              mapper.twoFactorDisabled(without);
            });
  }

  // --- Project level -------------------------------------------------------------------------

  private void readProject(JsonNode json) throws InterruptedException {
    Entity project = mapper.project(json);
    long id = json.path("id").asLong();
    String base = "/projects/" + id;
    String name = project.name();
    String branch = json.path("default_branch").asText("");
    boolean archived = json.path("archived").asBoolean(false);

    // Credentials stay valid in archived projects; everything else there is frozen.
    readAll(
            base + "/access_tokens?per_page=100",
            project.id(),
            "the access tokens of " + name,
            MAINTAINER)
        .ifPresent(t -> mapper.accessTokens(project, t));
    readAll(
            base + "/deploy_tokens?per_page=100",
            project.id(),
            "the deploy tokens of " + name,
            MAINTAINER)
        .ifPresent(t -> mapper.deployTokens(project, t));
    readAll(
            base + "/deploy_keys?per_page=100",
            project.id(),
            "the deploy keys of " + name,
            MAINTAINER)
        .ifPresent(k -> mapper.deployKeys(project, k));
    if (archived) {
      return;
    }
    if (!branch.isEmpty()) {
      JsonNode rules =
          readAll(
                  base + "/protected_branches?per_page=100",
                  project.id(),
                  "the protected branches of " + name,
                  DEVELOPER)
              .map(GitLabScan::array)
              .orElse(null);
      mapper.protectedBranches(project, rules);
    }
    Optional<JsonNode> approvals =
        read(
            base + "/approvals",
            project.id(),
            "the merge request approval settings of " + name,
            PREMIUM_MAINTAINER);
    Optional<List<JsonNode>> approvalRules =
        approvals.isEmpty()
            ? Optional.empty()
            : readAll(
                base + "/approval_rules?per_page=100",
                project.id(),
                "the merge request approval rules of " + name,
                PREMIUM_MAINTAINER);
    if (approvals.isPresent()) {
      mapper.approvals(project, approvals.get(), approvalRules.map(GitLabScan::array).orElse(null));
    }
    read(base + "/push_rule", project.id(), "the push rules of " + name, PREMIUM_MAINTAINER)
        .ifPresent(r -> mapper.pushRule(project, r));
    readAll(
            base + "/variables?per_page=100",
            project.id(),
            "the CI/CD variables of " + name,
            MAINTAINER)
        .ifPresent(v -> mapper.variables(project, v));
    readAll(base + "/hooks?per_page=100", project.id(), "the webhooks of " + name, MAINTAINER)
        .ifPresent(h -> mapper.hooks(project, h));
    readAll(
            base + "/runners?per_page=100",
            project.id(),
            "the runners available to " + name,
            MAINTAINER)
        .ifPresent(r -> mapper.runners(project, r));
    Optional<List<JsonNode>> environments =
        readAll(
            base + "/environments?per_page=100",
            project.id(),
            "the environments of " + name,
            READER);
    // Only production environments are judged: protection of review apps is not read.
    if (environments.isPresent() && environments.get().stream().anyMatch(GitLabScan::production)) {
      List<JsonNode> protectedEnvironments =
          readAll(
                  base + "/protected_environments?per_page=100",
                  project.id(),
                  "the protected environments of " + name,
                  PREMIUM_MAINTAINER)
              .orElse(null);
      mapper.environments(
          project,
          json.path("namespace").path("id").asLong(-1),
          environments.get(),
          protectedEnvironments);
    }
    read(
            base + "/job_token_scope",
            project.id(),
            "the CI/CD job token scope of " + name,
            MAINTAINER)
        .ifPresent(s -> mapper.jobTokenScope(project, s));
    if (!branch.isEmpty() && ciEnabled(json)) {
      readPipeline(project, id, branch, json.path("ci_config_path").asText(""));
    }
  }

  private static boolean production(JsonNode environment) {
    String tier = environment.path("tier").asText("");
    String name = environment.path("name").asText("").toLowerCase(java.util.Locale.ROOT);
    return tier.equals("production")
        || (tier.isEmpty() && name.matches("^(prod|production|live)([-_/].*)?$"));
  }

  private static boolean ciEnabled(JsonNode project) {
    if (project.path("empty_repo").asBoolean(false)) {
      return false;
    }
    String builds = project.path("builds_access_level").asText("enabled");
    return !builds.equals("disabled") && project.path("jobs_enabled").asBoolean(true);
  }

  /**
   * The CI configuration on the default branch and every local file it includes, handed to the
   * pipeline analyser. The ref is always given: GitLab would otherwise read its own default.
   */
  private void readPipeline(Entity project, long id, String branch, String configPath)
      throws InterruptedException {
    String main = configPath.isBlank() ? ".gitlab-ci.yml" : configPath.strip();
    if (main.contains("@") || main.contains("://")) {
      context.blindSpot(
          new BlindSpot(
              project.id(),
              "the pipeline configuration " + main,
              "it is kept outside this project",
              "scan the project or address that holds it"));
      return;
    }
    while (main.startsWith("/")) {
      main = main.substring(1);
    }
    Deque<String> todo = new ArrayDeque<>(List.of(main));
    Set<String> seen = new LinkedHashSet<>();
    while (!todo.isEmpty() && seen.size() < MAX_CI_FILES) {
      String path = todo.pop();
      if (!seen.add(path)) {
        continue;
      }
      Optional<String> text = file(project, id, branch, path);
      if (text.isEmpty()) {
        continue;
      }
      context.source(new SourceFile(project.id(), path, text.get()));
      for (CiIncludes.Include include : CiIncludes.local(text.get())) {
        if (include.glob()) {
          todo.addAll(matchingFiles(project, id, branch, include));
        } else {
          todo.add(include.path());
        }
      }
    }
  }

  private Optional<String> file(Entity project, long id, String branch, String path)
      throws InterruptedException {
    try {
      return Optional.of(
          api.get(
                  "/projects/"
                      + id
                      + "/repository/files/"
                      + encode(path)
                      + "/raw?ref="
                      + encode(branch))
              .text());
    } catch (ApiException e) {
      if (e.kind() != ApiException.Kind.NOT_FOUND) {
        blind(
            project.id(),
            "the pipeline file " + path,
            e,
            READER.withRole("a token with read_repository"));
      }
      return Optional.empty();
    }
  }

  /** The files a local include glob matches, from the repository tree (keyset pagination). */
  private List<String> matchingFiles(
      Entity project, long id, String branch, CiIncludes.Include include)
      throws InterruptedException {
    String folder = include.folder();
    Optional<List<JsonNode>> tree =
        readAll(
            "/projects/"
                + id
                + "/repository/tree?ref="
                + encode(branch)
                + (folder.isEmpty() ? "" : "&path=" + encode(folder))
                + (include.recursive() ? "&recursive=true" : "")
                + "&per_page=100&pagination=keyset",
            project.id(),
            "the files matching the pipeline include " + include.path(),
            READER.withRole("a token with read_repository"));
    List<String> out = new ArrayList<>();
    tree.ifPresent(
        entries ->
            entries.stream()
                .filter(e -> e.path("type").asText().equals("blob"))
                .map(e -> e.path("path").asText())
                .filter(include::matches)
                .sorted()
                .forEach(out::add));
    return out;
  }

  private void readRunner(Long id) throws InterruptedException {
    try {
      mapper.runnerDetails(api.getJson("/runners/" + id));
    } catch (ApiException e) {
      blind(
          mapper.runnerId(id),
          "the settings of runner #" + id,
          e,
          new Need(
              "an administrator's token for instance runners, a Maintainer's or Owner's for"
                  + " the others",
              null));
    }
  }

  // --- Reading with blind spots --------------------------------------------------------------

  private Optional<JsonNode> read(String path, String resource, String what, Need need)
      throws InterruptedException {
    try {
      return Optional.of(api.getJson(path));
    } catch (ApiException e) {
      blind(resource, what, e, need);
      return Optional.empty();
    }
  }

  private Optional<List<JsonNode>> readAll(String path, String resource, String what, Need need)
      throws InterruptedException {
    try {
      return Optional.of(api.getAllPages(path));
    } catch (ApiException e) {
      blind(resource, what, e, need);
      return Optional.empty();
    }
  }

  private void blind(String resource, String what, ApiException e, Need need) {
    String reason = e.reason();
    String remedy =
        need.role() + (need.tier() == null ? "" : " on GitLab " + need.tier() + " or Ultimate");
    boolean refused =
        e.kind() == ApiException.Kind.NOT_FOUND || e.kind() == ApiException.Kind.FORBIDDEN;
    if (refused && need.tier() != null) {
      Optional<String> lacking = tierLacking();
      if (lacking.isPresent()) {
        reason = "not available on " + lacking.get() + " (" + e.reason() + ")";
        remedy = "needs GitLab " + need.tier() + " or Ultimate; then " + need.role();
      }
    }
    context.blindSpot(new BlindSpot(resource, what, reason, remedy));
  }

  /** The tier that lacks Premium features, when Tenet knows it. */
  private Optional<String> tierLacking() {
    if ("free".equals(plan)) {
      return Optional.of("the Free tier");
    }
    if (Boolean.FALSE.equals(enterprise)) {
      return Optional.of("GitLab Community Edition");
    }
    return Optional.empty();
  }

  private static JsonNode array(List<JsonNode> items) {
    com.fasterxml.jackson.databind.node.ArrayNode a =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    items.forEach(a::add);
    return a;
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
