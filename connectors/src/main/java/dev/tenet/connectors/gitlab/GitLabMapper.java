package dev.tenet.connectors.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps GitLab REST responses into trust-graph facts. Pure: no requests, no judgement. A field the
 * response does not carry leaves the attribute unset (unknown), never false. Credential values
 * (variable values, token strings) are never recorded; a variable keeps only the shape of its
 * value. Methods are synchronized: projects and groups are read in parallel and share entities
 * (users, runners).
 */
final class GitLabMapper {
  private static final String SOURCE = GitLabConnector.PLATFORM;
  private static final Pattern BOT_USERNAME =
      Pattern.compile("^(project|group)_\\d+_bot(_[0-9a-f]+)?$|^service_account_.*");
  private static final Set<String> AUTH_HEADERS =
      Set.of("authorization", "x-api-key", "x-auth-token", "x-gitlab-token", "x-hub-signature");

  private final TrustGraph graph;
  private final String topPath;
  private final boolean gitlabDotCom;
  private final Map<Long, Entity> groupsById = new HashMap<>();
  private final Map<Long, Long> parentOf = new HashMap<>();
  private final Map<Long, JsonNode> groupJson = new HashMap<>();
  private final Map<Long, List<JsonNode>> groupProtectedEnvironments = new HashMap<>();
  private final Map<Long, Entity> runners = new HashMap<>();
  private Boolean ancestorRequiresMfa;
  private Long ancestorGrace;

  GitLabMapper(TrustGraph graph, String topPath, boolean gitlabDotCom) {
    this.graph = graph;
    this.topPath = topPath;
    this.gitlabDotCom = gitlabDotCom;
  }

  static String groupId(String fullPath) {
    return ResourceId.of(SOURCE, fullPath);
  }

  String topId() {
    return groupId(topPath);
  }

  // --- Groups --------------------------------------------------------------------------------

  /**
   * The two-factor settings of groups above the scanned one: GitLab enforces the strictest setting
   * of the whole hierarchy. Null when they could not be read.
   */
  synchronized void ancestors(List<JsonNode> ancestors, boolean complete) {
    boolean requires = false;
    Long grace = null;
    for (JsonNode a : ancestors) {
      if (a.path("require_two_factor_authentication").asBoolean(false)) {
        requires = true;
        long g = a.path("two_factor_grace_period").asLong(48);
        grace = grace == null ? g : Math.min(grace, g);
      }
    }
    ancestorRequiresMfa = requires ? Boolean.TRUE : complete ? Boolean.FALSE : null;
    ancestorGrace = grace;
  }

  synchronized Entity group(JsonNode json) {
    long id = json.path("id").asLong();
    String path = json.path("full_path").asText();
    Entity g = graph.entity(groupId(path), EntityKind.ORGANIZATION, path, SOURCE);
    g.set(Attr.VISIBILITY, text(json, "visibility")).set(Attr.WEB_URL, text(json, "web_url"));
    groupsById.put(id, g);
    groupJson.put(id, json);
    if (json.hasNonNull("parent_id")) {
      parentOf.put(id, json.path("parent_id").asLong());
    }
    return g;
  }

  Optional<Entity> groupById(long id) {
    synchronized (this) {
      return Optional.ofNullable(groupsById.get(id));
    }
  }

  /**
   * Links subgroups to their parents and sets each group's effective two-factor requirement: its
   * own, or that of any group above it, with the shortest grace period among them.
   */
  synchronized void linkGroups() {
    for (Map.Entry<Long, Entity> e : groupsById.entrySet()) {
      Long parent = parentOf.get(e.getKey());
      if (parent != null && groupsById.containsKey(parent)) {
        graph.relate(groupsById.get(parent), RelationKind.CONTAINS, e.getValue(), SOURCE);
      }
    }
    for (Map.Entry<Long, Entity> e : groupsById.entrySet()) {
      Boolean required = null;
      Long grace = null;
      boolean complete = true;
      for (Long id = e.getKey(); id != null; id = parentOf.get(id)) {
        JsonNode json = groupJson.get(id);
        if (json == null) {
          break; // Above the scanned group: covered by ancestors().
        }
        JsonNode flag = json.get("require_two_factor_authentication");
        if (flag == null || !flag.isBoolean()) {
          complete = false;
        } else if (flag.asBoolean()) {
          required = true;
          JsonNode g = json.get("two_factor_grace_period");
          if (g != null && g.isNumber()) {
            grace = grace == null ? g.asLong() : Math.min(grace, g.asLong());
          }
        }
      }
      if (Boolean.TRUE.equals(ancestorRequiresMfa)) {
        required = true;
        if (ancestorGrace != null) {
          grace = grace == null ? ancestorGrace : Math.min(grace, ancestorGrace);
        }
      }
      if (required == null && complete && Boolean.FALSE.equals(ancestorRequiresMfa)) {
        required = false;
      }
      e.getValue().set(Attr.MFA_REQUIRED, required).set(Attr.MFA_GRACE_PERIOD_HOURS, grace);
    }
  }

  synchronized void plan(String plan) {
    Entity top = graph.get(topId());
    top.set(Attr.PLAN, plan);
    // On GitLab.com, SAML single sign-on needs Premium: a Free group cannot have any.
    if (gitlabDotCom && "free".equals(plan) && !top.has(Attr.SSO_CONFIGURED)) {
      top.set(Attr.SSO_CONFIGURED, false);
    }
  }

  /** SAML group links exist: the group has an identity provider. */
  synchronized void samlGroupLinks(List<JsonNode> links) {
    if (!links.isEmpty()) {
      graph.get(topId()).set(Attr.SSO_CONFIGURED, true);
    }
  }

  /**
   * Members of a group: everyone with access ({@code /members/all}: direct, inherited and through
   * invited groups) and the direct members, to tell the two apart.
   */
  synchronized void members(Entity group, List<JsonNode> all, List<JsonNode> direct) {
    Map<String, Integer> directLevels = new HashMap<>();
    direct.forEach(
        m -> directLevels.put(m.path("username").asText(), m.path("access_level").asInt()));
    boolean samlVisible = false;
    for (JsonNode m : all) {
      String username = m.path("username").asText();
      int level = m.path("access_level").asInt();
      Entity user = member(username);
      user.set(Attr.WEB_URL, text(m, "web_url"))
          .set(Attr.ACTIVE, m.has("state") ? "active".equals(m.path("state").asText()) : null);
      if (m.has("group_saml_identity")) {
        samlVisible = true;
        user.set(Attr.SSO_IDENTITY_LINKED, !m.path("group_saml_identity").isNull());
      }
      Integer own = directLevels.get(username);
      graph
          .relate(user, RelationKind.MEMBER_OF, group, SOURCE)
          .set(Attr.ROLE, AccessLevels.role(level))
          .set(Attr.INHERITED, own == null || own < level)
          .set(Attr.EXPIRES_AT, instant(m, "expires_at"));
    }
    group.set(Attr.MEMBERS_LISTED, true);
    if (samlVisible && group.id().equals(topId())) {
      group.set(Attr.SSO_CONFIGURED, true);
    }
  }

  /** Last activity of the top group's members ({@code billable_members}, Owners only). */
  synchronized void lastActivity(List<JsonNode> billable) {
    for (JsonNode m : billable) {
      Instant last = instant(m, "last_activity_on");
      if (last != null) {
        graph
            .find(ResourceId.part(topId(), "member", m.path("username").asText()))
            .ifPresent(u -> u.set(Attr.LAST_ACTIVE_AT, last));
      }
    }
  }

  /**
   * Two-factor status of every member, from the administrators' user list filtered on
   * two_factor=disabled: members not in the complete list have two-factor authentication.
   */
  synchronized void twoFactorDisabled(Set<String> usernamesWithout2fa) {
    for (Entity user : graph.entities(EntityKind.USER)) {
      if (user.id().startsWith(topId() + "#member/")) {
        user.set(Attr.MFA_ENABLED, !usernamesWithout2fa.contains(user.name()));
      }
    }
  }

  private Entity member(String username) {
    EntityKind kind = BOT_USERNAME.matcher(username).matches() ? EntityKind.BOT : EntityKind.USER;
    return graph.entity(ResourceId.part(topId(), "member", username), kind, username, SOURCE);
  }

  /** Tenet's own token, from {@code /personal_access_tokens/self}. */
  synchronized void scannerToken(JsonNode json) {
    Entity t = token(graph.get(topId()), "token", json);
    t.set(Attr.SCANNER_TOKEN, true);
  }

  synchronized void groupProtectedEnvironments(long groupId, List<JsonNode> environments) {
    groupProtectedEnvironments.put(groupId, environments);
  }

  // --- Projects ------------------------------------------------------------------------------

  synchronized Entity project(JsonNode json) {
    String path = json.path("path_with_namespace").asText();
    Entity p = graph.entity(ResourceId.of(SOURCE, path), EntityKind.REPOSITORY, path, SOURCE);
    p.set(Attr.VISIBILITY, text(json, "visibility"))
        .set(Attr.DEFAULT_BRANCH, text(json, "default_branch"))
        .set(Attr.ARCHIVED, bool(json, "archived"))
        .set(
            Attr.FORK,
            json.has("forked_from_project") ? json.hasNonNull("forked_from_project") : null)
        .set(Attr.WEB_URL, text(json, "web_url"))
        .set(Attr.STATUS_CHECKS_REQUIRED, bool(json, "only_allow_merge_if_pipeline_succeeds"))
        .set(Attr.SKIPPED_PIPELINE_ALLOWED, bool(json, "allow_merge_on_skipped_pipeline"))
        .set(
            Attr.FORK_PIPELINES_IN_PARENT,
            bool(json, "ci_allow_fork_pipelines_to_run_in_parent_project"));
    Boolean publicJobs = bool(json, "public_jobs");
    String builds = text(json, "builds_access_level");
    if (publicJobs != null) {
      // "private" CI/CD limits pipelines to members whatever public_jobs says.
      p.set(
          Attr.JOB_LOGS_PUBLIC,
          publicJobs && !"private".equals(builds) && !"disabled".equals(builds));
    }
    Boolean pushProtection = bool(json, "secret_push_protection_enabled");
    if (pushProtection == null) {
      pushProtection = bool(json, "pre_receive_secret_detection_enabled"); // name before 17.11
    }
    if (Boolean.TRUE.equals(pushProtection)) {
      p.set(Attr.PUSH_PROTECTION, true);
    }
    JsonNode namespace = json.path("namespace");
    Entity parent = groupsById.get(namespace.path("id").asLong(-1));
    if (parent != null) {
      graph.relate(parent, RelationKind.CONTAINS, p, SOURCE);
    }
    return p;
  }

  /**
   * The default branch and the protected-branch rules that match it. When several match, GitLab
   * applies the most permissive one (push, merge, force push), except code-owner approval, which
   * any matching rule can require.
   *
   * @param rules the project's protected branches; null when they could not be read
   */
  synchronized void protectedBranches(Entity project, JsonNode rules) {
    Optional<String> name = project.text(Attr.DEFAULT_BRANCH);
    if (name.isEmpty()) {
      return;
    }
    Entity b = defaultBranch(project, name.get());
    if (rules == null) {
      return;
    }
    List<String> sources = new ArrayList<>();
    Set<String> push = new LinkedHashSet<>();
    Set<String> merge = new LinkedHashSet<>();
    boolean forcePush = false;
    boolean codeOwners = false;
    boolean codeOwnersKnown = false;
    for (JsonNode rule : rules) {
      String pattern = rule.path("name").asText();
      if (!refMatches(pattern, name.get())) {
        continue;
      }
      sources.add("protected-branch:" + pattern);
      rule.path("push_access_levels").forEach(e -> push.add(AccessLevels.entry(e)));
      rule.path("merge_access_levels").forEach(e -> merge.add(AccessLevels.entry(e)));
      forcePush |= rule.path("allow_force_push").asBoolean(false);
      if (rule.has("code_owner_approval_required")) {
        codeOwnersKnown = true;
        codeOwners |= rule.path("code_owner_approval_required").asBoolean(false);
      }
    }
    if (sources.isEmpty()) {
      b.set(Attr.PROTECTED, false);
      return;
    }
    // "No one" only stays when nothing more permissive matches.
    if (push.size() > 1) {
      push.remove("no one");
    }
    if (merge.size() > 1) {
      merge.remove("no one");
    }
    b.set(Attr.PROTECTED, true)
        .set(Attr.PROTECTION_SOURCES, sources)
        .set(Attr.PUSH_ACCESS, List.copyOf(push))
        .set(Attr.MERGE_ACCESS, List.copyOf(merge))
        .set(Attr.FORCE_PUSH_ALLOWED, forcePush)
        .set(Attr.CODE_OWNER_REVIEWS, codeOwnersKnown ? codeOwners : null);
  }

  /**
   * Merge request approval settings and the approvals the default branch needs.
   *
   * @param config {@code /approvals}, or null when unavailable
   * @param rules {@code /approval_rules}, or null when unavailable
   */
  synchronized void approvals(Entity project, JsonNode config, JsonNode rules) {
    if (config != null) {
      Boolean author = bool(config, "merge_requests_author_approval");
      Boolean noCommitters = bool(config, "merge_requests_disable_committers_approval");
      Boolean noOverride = bool(config, "disable_overriding_approvers_per_merge_request");
      project
          .set(Attr.AUTHOR_CAN_APPROVE, author)
          .set(Attr.COMMITTERS_CAN_APPROVE, noCommitters == null ? null : !noCommitters)
          .set(Attr.APPROVALS_RESET_ON_PUSH, bool(config, "reset_approvals_on_push"))
          .set(Attr.APPROVERS_OVERRIDABLE, noOverride == null ? null : !noOverride);
    }
    Optional<String> name = project.text(Attr.DEFAULT_BRANCH);
    if (name.isEmpty() || rules == null) {
      return;
    }
    Entity b = defaultBranch(project, name.get());
    // approvals_before_merge is the pre-rules setting; GitLab turned it into an approval rule,
    // so it only counts where no rule exists.
    long required =
        rules.isEmpty() && config != null ? config.path("approvals_before_merge").asLong(0) : 0;
    for (JsonNode rule : rules) {
      String type = rule.path("rule_type").asText("regular");
      if (type.equals("report_approver")) {
        continue; // Security approvals apply to findings, not to every change.
      }
      if (appliesTo(rule, b)) {
        required = Math.max(required, rule.path("approvals_required").asLong(0));
      }
    }
    b.set(Attr.REQUIRED_APPROVALS, required);
  }

  private static boolean appliesTo(JsonNode rule, Entity branch) {
    if (rule.path("applies_to_all_protected_branches").asBoolean(false)) {
      return branch.isTrue(Attr.PROTECTED);
    }
    JsonNode branches = rule.path("protected_branches");
    if (!branches.isArray() || branches.isEmpty()) {
      return true; // A rule scoped to no branch applies to all of them.
    }
    for (JsonNode pb : branches) {
      if (refMatches(pb.path("name").asText(), branch.name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Push rules (Premium). GitLab answers {@code null} when a project has none: nothing is rejected
   * then.
   */
  synchronized void pushRule(Entity project, JsonNode rule) {
    boolean none = rule == null || rule.isNull();
    boolean rejectUnsigned = !none && rule.path("reject_unsigned_commits").asBoolean(false);
    boolean preventSecrets = !none && rule.path("prevent_secrets").asBoolean(false);
    project
        .text(Attr.DEFAULT_BRANCH)
        .ifPresent(
            n -> defaultBranch(project, n).set(Attr.SIGNED_COMMITS_REQUIRED, rejectUnsigned));
    if (preventSecrets) {
      project.set(Attr.PUSH_PROTECTION, true);
    } else if (!project.isTrue(Attr.PUSH_PROTECTION)) {
      // The push rule lets secrets through and secret push protection is not on.
      project.set(Attr.PUSH_PROTECTION, false);
    }
  }

  synchronized void jobTokenScope(Entity project, JsonNode scope) {
    project.set(Attr.CI_TOKEN_SCOPE_LIMITED, bool(scope, "inbound_enabled"));
  }

  private Entity defaultBranch(Entity project, String name) {
    Entity b =
        graph.entity(
            ResourceId.part(project.id(), "branch", name), EntityKind.BRANCH, name, SOURCE);
    graph.relate(project, RelationKind.CONTAINS, b, SOURCE);
    return b;
  }

  // --- Credentials and integrations ----------------------------------------------------------

  synchronized void variables(Entity holder, List<JsonNode> variables) {
    for (JsonNode v : variables) {
      String key = v.path("key").asText();
      String scope = v.path("environment_scope").asText("*");
      String part = scope.equals("*") ? key : key + "@" + scope;
      Entity e =
          graph.entity(
              ResourceId.part(holder.id(), "variable", part), EntityKind.VARIABLE, key, SOURCE);
      boolean hidden = v.path("hidden").asBoolean(false);
      Boolean masked = bool(v, "masked");
      Boolean raw = bool(v, "raw");
      e.set(Attr.PROTECTED, bool(v, "protected"))
          .set(Attr.MASKED, hidden ? Boolean.TRUE : masked)
          .set(Attr.VARIABLE_TYPE, text(v, "variable_type"))
          .set(Attr.ENVIRONMENT_SCOPE, scope)
          .set(Attr.EXPANDED, raw == null ? null : !raw)
          .set(Attr.VALUE_SHAPE, ValueShapes.of(text(v, "value")));
      graph.relate(holder, RelationKind.CONTAINS, e, SOURCE);
    }
  }

  /** Project or group access tokens. */
  synchronized void accessTokens(Entity holder, List<JsonNode> tokens) {
    for (JsonNode t : tokens) {
      Entity e = token(holder, "token", t);
      graph.relate(holder, RelationKind.CONTAINS, e, SOURCE);
      if (t.has("access_level")) {
        e.set(Attr.ROLE, AccessLevels.role(t.path("access_level").asInt()));
      }
    }
  }

  synchronized void deployTokens(Entity holder, List<JsonNode> tokens) {
    for (JsonNode t : tokens) {
      Entity e = token(holder, "deploy-token", t);
      graph.relate(holder, RelationKind.CONTAINS, e, SOURCE);
      if (t.path("expired").asBoolean(false)) {
        e.set(Attr.ACTIVE, false);
      }
    }
  }

  private Entity token(Entity holder, String kind, JsonNode t) {
    Entity e =
        graph.entity(
            ResourceId.part(holder.id(), kind, t.path("id").asText()),
            EntityKind.TOKEN,
            t.path("name").asText(t.path("id").asText()),
            SOURCE);
    List<String> scopes = new ArrayList<>();
    t.path("scopes").forEach(s -> scopes.add(s.asText()));
    boolean revoked = t.path("revoked").asBoolean(false);
    Boolean active = t.has("active") ? t.path("active").asBoolean() : null;
    e.set(Attr.SCOPES, t.has("scopes") ? scopes : null)
        .set(Attr.ACTIVE, revoked ? Boolean.FALSE : active == null ? Boolean.TRUE : active)
        .set(Attr.LAST_ACTIVE_AT, instant(t, "last_used_at"));
    expiry(e, t);
    return e;
  }

  synchronized void deployKeys(Entity project, List<JsonNode> keys) {
    for (JsonNode k : keys) {
      Entity e =
          graph.entity(
              ResourceId.part(project.id(), "deploy-key", k.path("id").asText()),
              EntityKind.DEPLOY_KEY,
              k.path("title").asText(k.path("id").asText()),
              SOURCE);
      graph.relate(project, RelationKind.CONTAINS, e, SOURCE);
      expiry(e, k);
      if (k.has("can_push")) {
        graph.relate(
            e,
            k.path("can_push").asBoolean() ? RelationKind.CAN_WRITE : RelationKind.CAN_READ,
            project,
            SOURCE);
      }
    }
  }

  /** Project or group webhooks. The URL is reduced to scheme and host (it may hold secrets). */
  synchronized void hooks(Entity holder, List<JsonNode> hooks) {
    for (JsonNode h : hooks) {
      String id = h.path("id").asText();
      String name = h.path("name").asText("");
      Entity e =
          graph.entity(
              ResourceId.part(holder.id(), "hook", id),
              EntityKind.WEBHOOK,
              name.isBlank() ? "#" + id : name,
              SOURCE);
      graph.relate(holder, RelationKind.CONTAINS, e, SOURCE);
      String url = h.path("url").asText("");
      int colon = url.indexOf("://");
      if (colon > 0) {
        e.set(Attr.URL_SCHEME, url.substring(0, colon).toLowerCase(Locale.ROOT));
        String rest = url.substring(colon + 3);
        String authority = rest.split("[/?#]", 2)[0];
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        e.set(Attr.TARGET_HOST, host.startsWith("{") ? null : host);
      }
      e.set(Attr.TLS_VERIFIED, bool(h, "enable_ssl_verification"));
      e.set(Attr.SECRET_CONFIGURED, secretConfigured(h));
    }
  }

  /**
   * True when deliveries carry something the receiver can check (a secret or signing token, or an
   * authentication header); false only when GitLab says no token is set and nothing else
   * authenticates; unknown (null) on GitLab before 19.0, which does not say.
   */
  private static Boolean secretConfigured(JsonNode h) {
    if (h.path("token_present").asBoolean(false)
        || h.path("signing_token_present").asBoolean(false)) {
      return true;
    }
    for (JsonNode header : h.path("custom_headers")) {
      if (AUTH_HEADERS.contains(header.path("key").asText("").toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return h.has("token_present") ? Boolean.FALSE : null;
  }

  /** Runners that may take jobs of a project or group. */
  synchronized void runners(Entity user, List<JsonNode> list) {
    for (JsonNode r : list) {
      Entity runner = runner(r);
      graph.relate(user, RelationKind.RUNS_ON, runner, SOURCE);
    }
    if (user.kind() == EntityKind.REPOSITORY) {
      user.set(Attr.RUNNERS_LISTED, true);
    }
  }

  /** Runners whose settings Tenet judges: all but the platform-hosted ones. */
  synchronized List<Long> runnersToDetail() {
    return runners.entrySet().stream()
        .filter(e -> !e.getValue().isTrue(Attr.HOSTED))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  String runnerId(long id) {
    return ResourceId.part(topId(), "runner", String.valueOf(id));
  }

  /** Details of a runner ({@code /runners/:id}): what it runs and who may use it. */
  synchronized void runnerDetails(JsonNode r) {
    Entity runner = runner(r);
    List<String> tags = new ArrayList<>();
    r.path("tag_list").forEach(t -> tags.add(t.asText()));
    runner
        .set(Attr.RUN_UNTAGGED, bool(r, "run_untagged"))
        .set(Attr.LOCKED, bool(r, "locked"))
        .set(Attr.TAGS, r.has("tag_list") ? tags : null);
    if (r.has("access_level")) {
      runner.set(Attr.PROTECTED, "ref_protected".equals(r.path("access_level").asText()));
    }
  }

  private Entity runner(JsonNode r) {
    long id = r.path("id").asLong();
    String description = r.path("description").asText("");
    Entity runner =
        runners.computeIfAbsent(
            id,
            k ->
                graph.entity(
                    ResourceId.part(topId(), "runner", String.valueOf(id)),
                    EntityKind.RUNNER,
                    description.isBlank() ? "#" + id : description,
                    SOURCE));
    String type = text(r, "runner_type");
    if (type == null && r.has("is_shared")) {
      type = r.path("is_shared").asBoolean() ? "instance_type" : null;
    }
    if (type != null) {
      String scope = type.replace("_type", "");
      runner.set(Attr.RUNNER_SCOPE, scope);
      // GitLab.com's instance runners are GitLab-hosted: a fresh VM for every job.
      runner.set(Attr.HOSTED, gitlabDotCom && scope.equals("instance"));
    }
    Boolean paused = bool(r, "paused");
    Boolean active = paused != null ? Boolean.valueOf(!paused) : bool(r, "active");
    if (active != null) {
      runner.set(Attr.ACTIVE, active);
    }
    return runner;
  }

  /**
   * Environments and their protection: the project's protected environments (by name) and those of
   * its groups (by deployment tier).
   *
   * @param protectedEnvironments the project's protected environments; null when unavailable
   */
  synchronized void environments(
      Entity project,
      long namespaceId,
      List<JsonNode> environments,
      List<JsonNode> protectedEnvironments) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    if (protectedEnvironments != null) {
      protectedEnvironments.forEach(pe -> byName.put(pe.path("name").asText(), pe));
    }
    List<JsonNode> groupLevel = new ArrayList<>();
    boolean groupLevelKnown = true;
    for (Long id = namespaceId; id != null && groupsById.containsKey(id); id = parentOf.get(id)) {
      List<JsonNode> list = groupProtectedEnvironments.get(id);
      if (list == null) {
        groupLevelKnown = false;
      } else {
        groupLevel.addAll(list);
      }
    }
    for (JsonNode env : environments) {
      String name = env.path("name").asText();
      Entity e =
          graph.entity(
              ResourceId.part(project.id(), "environment", name),
              EntityKind.ENVIRONMENT,
              name,
              SOURCE);
      graph.relate(project, RelationKind.CONTAINS, e, SOURCE);
      String tier = text(env, "tier");
      e.set(Attr.TIER, tier);
      List<JsonNode> protections = new ArrayList<>();
      if (byName.containsKey(name)) {
        protections.add(byName.get(name));
      }
      for (JsonNode g : groupLevel) {
        if (tier != null && tier.equals(g.path("name").asText())) {
          protections.add(g);
        }
      }
      if (!protections.isEmpty()) {
        Set<String> deployers = new LinkedHashSet<>();
        long approvals = 0;
        for (JsonNode pe : protections) {
          pe.path("deploy_access_levels").forEach(a -> deployers.add(AccessLevels.entry(a)));
          long fromRules = 0;
          for (JsonNode rule : pe.path("approval_rules")) {
            fromRules += rule.path("required_approvals").asLong(0);
          }
          approvals =
              Math.max(
                  approvals, Math.max(fromRules, pe.path("required_approval_count").asLong(0)));
        }
        e.set(Attr.PROTECTED, true)
            .set(Attr.DEPLOY_ACCESS, List.copyOf(deployers))
            .set(Attr.REQUIRED_APPROVALS, approvals);
      } else if (protectedEnvironments != null && groupLevelKnown) {
        e.set(Attr.PROTECTED, false);
      }
    }
  }

  // --- Helpers -------------------------------------------------------------------------------

  private static void expiry(Entity e, JsonNode json) {
    if (!json.has("expires_at")) {
      return;
    }
    Instant expires = instant(json, "expires_at");
    e.set(Attr.HAS_EXPIRY, expires != null).set(Attr.EXPIRES_AT, expires);
  }

  /**
   * GitLab's protected-ref patterns: an exact name, or wildcards where {@code *} matches any run of
   * characters, slashes included.
   */
  static boolean refMatches(String pattern, String ref) {
    if (!pattern.contains("*")) {
      return pattern.equals(ref);
    }
    String[] pieces = pattern.split("\\*", -1);
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        re.append(".*");
      }
      re.append(Pattern.quote(pieces[i]));
    }
    return Pattern.matches(re.toString(), ref);
  }

  private static Boolean bool(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v != null && v.isBoolean() ? v.asBoolean() : null;
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** A date ("2024-06-18") or a timestamp; null when absent, null or unreadable. */
  static Instant instant(JsonNode json, String field) {
    String v = text(json, field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
