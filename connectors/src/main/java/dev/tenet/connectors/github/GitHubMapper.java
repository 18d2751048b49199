package dev.tenet.connectors.github;

import static dev.tenet.connectors.github.Fields.bool;
import static dev.tenet.connectors.github.Fields.instant;
import static dev.tenet.connectors.github.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps GitHub REST responses about the organization, its people and its repositories into
 * trust-graph facts. Pure: no requests, no judgement. A field the response does not carry leaves
 * the attribute unset (unknown), never false. Thread-safe: repositories are mapped in parallel.
 */
final class GitHubMapper {
  static final String SOURCE = GitHubConnector.PLATFORM;

  private final TrustGraph graph;
  private final String org;
  private Entity orgEntity;
  private final Set<String> memberLogins = new HashSet<>();
  private final Map<Long, String> teamSlugs = new HashMap<>();
  private final Map<Long, String> appSlugs = new HashMap<>();

  GitHubMapper(TrustGraph graph, String org) {
    this.graph = graph;
    this.org = org;
  }

  TrustGraph graph() {
    return graph;
  }

  String orgId() {
    return ResourceId.of(SOURCE, org);
  }

  Entity organizationEntity() {
    return orgEntity;
  }

  String repositoryId(String fullName) {
    return ResourceId.of(SOURCE, fullName);
  }

  Entity repositoryEntity(String fullName) {
    return graph.get(repositoryId(fullName));
  }

  // ---- Organization -------------------------------------------------------------------------

  synchronized Entity organization(JsonNode json) {
    orgEntity =
        graph.entity(orgId(), EntityKind.ORGANIZATION, json.path("login").asText(org), SOURCE);
    orgEntity
        .set(Attr.MFA_REQUIRED, bool(json, "two_factor_requirement_enabled"))
        .set(Attr.BASE_PERMISSION, text(json, "default_repository_permission"))
        .set(
            Attr.PLAN,
            json.path("plan").path("name").isTextual()
                ? json.path("plan").path("name").asText()
                : null)
        .set(Attr.WEB_URL, text(json, "html_url"));
    return orgEntity;
  }

  synchronized void singleSignOn(boolean configured) {
    orgEntity.set(Attr.SSO_CONFIGURED, configured);
  }

  /**
   * The token Tenet itself scans with.
   *
   * @param scopes classic OAuth scopes, or null when the token has none (fine-grained, app)
   * @param permissions granted permissions as "name:level", or null when not visible
   * @param hasExpiry whether it expires, or null when not visible
   */
  synchronized void scannerToken(
      String type, List<String> scopes, List<String> permissions, Boolean hasExpiry, Instant at) {
    Entity token =
        graph.entity(
            ResourceId.part(orgId(), "scanner-token", "tenet"),
            EntityKind.TOKEN,
            "Tenet's " + type + " token",
            SOURCE);
    token
        .set(Attr.TOKEN_TYPE, type)
        .set(Attr.SCOPES, scopes)
        .set(Attr.PERMISSIONS, permissions)
        .set(Attr.HAS_EXPIRY, hasExpiry)
        .set(Attr.EXPIRES_AT, at);
    graph.relate(orgEntity, RelationKind.CONTAINS, token, SOURCE);
  }

  synchronized void members(List<JsonNode> everyone, List<JsonNode> owners) {
    Set<String> ownerLogins = new HashSet<>();
    owners.forEach(o -> ownerLogins.add(o.path("login").asText()));
    for (JsonNode m : everyone) {
      String login = m.path("login").asText();
      memberLogins.add(login);
      Entity user = member(login);
      user.set(Attr.WEB_URL, text(m, "html_url"));
      graph
          .relate(user, RelationKind.MEMBER_OF, orgEntity, SOURCE)
          .set(Attr.ROLE, ownerLogins.contains(login) ? "owner" : "member");
    }
    orgEntity.set(Attr.MEMBERS_LISTED, true);
  }

  /** Members not in the 2FA-disabled list have 2FA enabled: the list was read in full. */
  synchronized void twoFactorDisabled(List<JsonNode> without2fa) {
    Set<String> disabled = logins(without2fa);
    for (Entity user : graph.sources(orgEntity, RelationKind.MEMBER_OF)) {
      if (user.kind() == EntityKind.USER) {
        user.set(Attr.MFA_ENABLED, !disabled.contains(user.name()));
      }
    }
  }

  /**
   * @param without2fa the outside collaborators without 2FA, or null when not visible
   */
  synchronized void outsideCollaborators(List<JsonNode> all, List<JsonNode> without2fa) {
    Set<String> disabled = without2fa == null ? null : logins(without2fa);
    for (JsonNode c : all) {
      String login = c.path("login").asText();
      Entity user = collaborator(login);
      user.set(Attr.WEB_URL, text(c, "html_url"));
      if (disabled != null) {
        user.set(Attr.MFA_ENABLED, !disabled.contains(login));
      }
    }
  }

  /**
   * @param lastEvent the owner's latest audit-log event, or null when there is none since {@code
   *     windowStart}
   */
  synchronized void ownerActivity(String login, Instant lastEvent, Instant windowStart) {
    Entity user = member(login);
    if (lastEvent != null) {
      user.set(Attr.LAST_ACTIVE_AT, lastEvent);
    } else {
      user.set(Attr.NO_ACTIVITY_SINCE, windowStart);
    }
  }

  /**
   * @param repos the team's repositories with its permission on each, or null when unreadable
   * @param members the team's members, or null when unreadable
   */
  synchronized void team(JsonNode json, List<JsonNode> repos, List<JsonNode> members) {
    String slug = json.path("slug").asText(json.path("name").asText());
    Entity team =
        graph.entity(ResourceId.part(orgId(), "team", slug), EntityKind.TEAM, slug, SOURCE);
    if (json.path("id").canConvertToLong()) {
      teamSlugs.put(json.path("id").asLong(), slug);
    }
    team.set(Attr.WEB_URL, text(json, "html_url"));
    graph.relate(orgEntity, RelationKind.CONTAINS, team, SOURCE);
    if (members != null) {
      for (JsonNode m : members) {
        graph
            .relate(member(m.path("login").asText()), RelationKind.MEMBER_OF, team, SOURCE)
            .set(Attr.ROLE, "member");
      }
    }
    if (repos != null) {
      for (JsonNode r : repos) {
        Entity repo = repository(r);
        grant(team, repo, r, "team");
      }
      team.set(Attr.ACCESS_LISTED, true);
    }
  }

  /** A webhook of the organization ({@code scopeId} = the org) or of a repository. */
  synchronized void hook(String scopeId, JsonNode json) {
    JsonNode config = json.path("config");
    String url = text(config, "url");
    Entity hook =
        graph.entity(
            ResourceId.part(scopeId, "hook", json.path("id").asText()),
            EntityKind.WEBHOOK,
            json.path("id").asText(),
            SOURCE);
    // GitHub sends "0" or "1"; accept the number or boolean some servers send.
    JsonNode insecureSsl = config.path("insecure_ssl");
    String insecure =
        insecureSsl.isMissingNode() || insecureSsl.isNull()
            ? null
            : insecureSsl.asText().equals("true") ? "1" : insecureSsl.asText();
    // GitHub shows a configured secret as "********" and leaves the field out otherwise.
    boolean secret = config.hasNonNull("secret") && !config.path("secret").asText().isEmpty();
    hook.set(Attr.ENDPOINT, Fields.endpoint(url))
        .set(Attr.TLS_VERIFIED, insecure == null ? Boolean.TRUE : !insecure.equals("1"))
        .set(Attr.SECRET_CONFIGURED, secret)
        .set(Attr.ACTIVE, bool(json, "active"))
        .set(Attr.EVENTS, Fields.texts(json.path("events")))
        .set(Attr.CREATED_AT, instant(json, "created_at"))
        .set(Attr.UPDATED_AT, instant(json, "updated_at"));
    graph.relate(graph.get(scopeId), RelationKind.CONTAINS, hook, SOURCE);
  }

  synchronized void installation(JsonNode json) {
    String slug = json.path("app_slug").asText(json.path("app_id").asText());
    Entity app = graph.entity(ResourceId.part(orgId(), "app", slug), EntityKind.APP, slug, SOURCE);
    if (json.path("app_id").canConvertToLong()) {
      appSlugs.put(json.path("app_id").asLong(), slug);
    }
    String selection = text(json, "repository_selection");
    app.set(Attr.PERMISSIONS, Fields.permissions(json.path("permissions")))
        .set(Attr.REPOSITORY_SELECTION, selection)
        .set(Attr.EVENTS, Fields.texts(json.path("events")))
        .set(Attr.CREATED_AT, instant(json, "created_at"))
        .set(
            Attr.ACTIVE,
            json.path("suspended_at").isNull() || json.path("suspended_at").isMissingNode());
    graph.relate(orgEntity, RelationKind.CONTAINS, app, SOURCE);
    graph
        .relate(app, RelationKind.INSTALLED_ON, orgEntity, SOURCE)
        .set(Attr.REPOSITORY_SELECTION, selection);
  }

  /** A fine-grained personal access token granted access to the organization. */
  synchronized void tokenGrant(JsonNode json) {
    String id = json.path("id").asText();
    String name = json.path("token_name").asText("token " + id);
    Entity token =
        graph.entity(ResourceId.part(orgId(), "token", id), EntityKind.TOKEN, name, SOURCE);
    List<String> permissions = new ArrayList<>();
    json.path("permissions")
        .properties()
        .forEach(scope -> permissions.addAll(Fields.permissions(scope.getValue())));
    permissions.sort(null);
    Instant expires = instant(json, "token_expires_at");
    token
        .set(Attr.TOKEN_TYPE, "fine-grained-pat")
        .set(Attr.OWNER, json.path("owner").path("login").asText(null))
        .set(Attr.PERMISSIONS, permissions)
        .set(Attr.REPOSITORY_SELECTION, text(json, "repository_selection"))
        .set(Attr.HAS_EXPIRY, json.has("token_expires_at") ? expires != null : null)
        .set(Attr.EXPIRES_AT, expires)
        .set(Attr.LAST_ACTIVE_AT, instant(json, "token_last_used_at"))
        .set(Attr.CREATED_AT, instant(json, "access_granted_at"));
    graph.relate(orgEntity, RelationKind.CONTAINS, token, SOURCE);
  }

  /** A credential authorized for SAML single sign-on (classic tokens, SSH keys). */
  synchronized void credentialAuthorization(JsonNode json) {
    String type = json.path("credential_type").asText("");
    if (!type.equalsIgnoreCase("personal access token")) {
      return; // SSH keys carry no scopes or expiry worth judging here.
    }
    String id = json.path("credential_id").asText();
    String login = json.path("login").asText(null);
    Entity token =
        graph.entity(
            ResourceId.part(orgId(), "token", "sso-" + id),
            EntityKind.TOKEN,
            "classic token " + json.path("token_last_eight").asText(id),
            SOURCE);
    Instant expires = instant(json, "credential_expires_at");
    token
        .set(Attr.TOKEN_TYPE, "classic-pat")
        .set(Attr.OWNER, login)
        .set(Attr.SCOPES, Fields.texts(json.path("scopes")))
        .set(Attr.HAS_EXPIRY, json.has("credential_expires_at") ? expires != null : null)
        .set(Attr.EXPIRES_AT, expires)
        .set(Attr.LAST_ACTIVE_AT, instant(json, "credential_accessed_at"))
        .set(Attr.CREATED_AT, instant(json, "credential_authorized_at"));
    graph.relate(orgEntity, RelationKind.CONTAINS, token, SOURCE);
  }

  /**
   * A ruleset of the organization ({@code scopeId} = the org) or of a repository.
   *
   * @param detail the full ruleset, or null when only the summary could be read
   */
  synchronized Entity ruleset(String scopeId, JsonNode summary, JsonNode detail) {
    JsonNode json = detail != null ? detail : summary;
    Entity ruleset =
        graph.entity(
            ResourceId.part(scopeId, "ruleset", json.path("id").asText()),
            EntityKind.POLICY,
            json.path("name").asText(json.path("id").asText()),
            SOURCE);
    ruleset
        .set(Attr.ENFORCEMENT, text(json, "enforcement"))
        .set(Attr.TARGET, text(json, "target"))
        .set(
            Attr.DEFINED_AT, json.path("source_type").asText("").toLowerCase(java.util.Locale.ROOT))
        .set(Attr.UPDATED_AT, instant(json, "updated_at"));
    if (detail != null && detail.has("bypass_actors")) {
      ruleset.set(Attr.BYPASS_ACTORS, bypassActors(detail.path("bypass_actors")));
    }
    graph.relate(graph.get(scopeId), RelationKind.CONTAINS, ruleset, SOURCE);
    return ruleset;
  }

  // ---- Repositories -------------------------------------------------------------------------

  synchronized Entity repository(JsonNode json) {
    String fullName = json.path("full_name").asText();
    Entity repo =
        graph.entity(
            repositoryId(fullName), EntityKind.REPOSITORY, json.path("name").asText(), SOURCE);
    if (!json.has("default_branch")) {
      return repo; // A short form (e.g. in a runner group's list): keep what is known.
    }
    String visibility = text(json, "visibility");
    if (visibility == null && json.has("private")) {
      visibility = json.path("private").asBoolean() ? "private" : "public";
    }
    repo.set(Attr.VISIBILITY, visibility)
        .set(Attr.DEFAULT_BRANCH, text(json, "default_branch"))
        .set(Attr.ARCHIVED, bool(json, "archived"))
        .set(Attr.FORK, bool(json, "fork"))
        .set(Attr.WEB_URL, text(json, "html_url"))
        .set(Attr.LAST_ACTIVE_AT, instant(json, "pushed_at"));
    JsonNode security = json.path("security_and_analysis");
    if (security.isObject()) {
      setSecurity(repo, security);
    }
    graph.relate(orgEntity, RelationKind.CONTAINS, repo, SOURCE);
    return repo;
  }

  /** {@code security_and_analysis} of a repository read on its own. */
  synchronized void securitySettings(String fullName, JsonNode security) {
    setSecurity(repositoryEntity(fullName), security);
  }

  private static void setSecurity(Entity repo, JsonNode security) {
    repo.set(Attr.SECRET_SCANNING, Fields.enabled(security, "secret_scanning"))
        .set(Attr.PUSH_PROTECTION, Fields.enabled(security, "secret_scanning_push_protection"));
  }

  synchronized void vulnerabilityAlerts(String fullName, boolean enabled) {
    repositoryEntity(fullName).set(Attr.VULNERABILITY_ALERTS, enabled);
  }

  synchronized void codeScanning(String fullName, boolean enabled, List<String> tools) {
    repositoryEntity(fullName)
        .set(Attr.CODE_SCANNING, enabled)
        .set(Attr.CODE_SCANNING_TOOLS, tools == null || tools.isEmpty() ? null : tools);
  }

  /** Whether the direct access of every repository could be read (false as soon as one fails). */
  synchronized void accessListed(boolean complete) {
    if (!orgEntity.isFalse(Attr.ACCESS_LISTED)) {
      orgEntity.set(Attr.ACCESS_LISTED, complete);
    }
  }

  /** Direct collaborators of a repository (members and outside collaborators alike). */
  synchronized void collaborators(String fullName, List<JsonNode> collaborators) {
    Entity repo = repositoryEntity(fullName);
    for (JsonNode c : collaborators) {
      String login = c.path("login").asText();
      Entity user = memberLogins.contains(login) ? member(login) : collaborator(login);
      grant(user, repo, c, "direct");
    }
  }

  synchronized void deployKey(String fullName, JsonNode json) {
    Entity repo = repositoryEntity(fullName);
    Entity key =
        graph.entity(
            ResourceId.part(repo.id(), "deploy-key", json.path("id").asText()),
            EntityKind.DEPLOY_KEY,
            json.path("title").asText(json.path("id").asText()),
            SOURCE);
    Boolean readOnly = bool(json, "read_only");
    key.set(Attr.READ_ONLY, readOnly)
        .set(Attr.OWNER, text(json, "added_by"))
        .set(Attr.CREATED_AT, instant(json, "created_at"))
        .set(Attr.LAST_ACTIVE_AT, instant(json, "last_used"))
        .set(Attr.HAS_EXPIRY, false)
        .set(Attr.ACTIVE, bool(json, "enabled"));
    graph.relate(repo, RelationKind.CONTAINS, key, SOURCE);
    if (readOnly != null) {
      graph
          .relate(key, readOnly ? RelationKind.CAN_READ : RelationKind.CAN_WRITE, repo, SOURCE)
          .set(Attr.PERMISSION, readOnly ? "read" : "write");
    }
  }

  /**
   * @param patterns the custom deployment branch patterns, or null when the environment has none or
   *     they could not be read
   */
  synchronized Entity environment(String fullName, JsonNode json, List<String> patterns) {
    Entity repo = repositoryEntity(fullName);
    String name = json.path("name").asText();
    Entity env =
        graph.entity(
            ResourceId.part(repo.id(), "environment", name), EntityKind.ENVIRONMENT, name, SOURCE);
    List<String> reviewers = new ArrayList<>();
    List<String> gates = new ArrayList<>();
    long waitMinutes = 0;
    Boolean preventSelfReview = null;
    for (JsonNode rule : json.path("protection_rules")) {
      switch (rule.path("type").asText()) {
        case "required_reviewers" -> {
          preventSelfReview = bool(rule, "prevent_self_review");
          for (JsonNode r : rule.path("reviewers")) {
            JsonNode who = r.path("reviewer");
            reviewers.add(
                r.path("type").asText("User").equals("Team")
                    ? "team:" + who.path("slug").asText(who.path("name").asText())
                    : "user:" + who.path("login").asText());
          }
        }
        case "wait_timer" -> waitMinutes = rule.path("wait_timer").asLong(0);
        case "branch_policy" -> {
          // The branch policy is described by deployment_branch_policy.
        }
        default -> gates.add(rule.path("type").asText("custom"));
      }
    }
    JsonNode policy = json.path("deployment_branch_policy");
    String branches;
    if (policy.isNull() || policy.isMissingNode()) {
      branches = "any";
    } else if (policy.path("protected_branches").asBoolean(false)) {
      branches = "protected";
    } else if (policy.path("custom_branch_policies").asBoolean(false)) {
      branches = "selected";
    } else {
      branches = null;
    }
    env.set(Attr.REQUIRED_REVIEWERS, reviewers)
        .set(Attr.WAIT_TIMER_MINUTES, waitMinutes)
        .set(Attr.CUSTOM_GATES, gates)
        .set(Attr.PREVENT_SELF_REVIEW, preventSelfReview)
        .set(Attr.DEPLOYMENT_BRANCHES, branches)
        .set(Attr.DEPLOYMENT_BRANCH_PATTERNS, patterns)
        .set(Attr.CREATED_AT, instant(json, "created_at"))
        .set(Attr.WEB_URL, text(json, "html_url"));
    graph.relate(repo, RelationKind.CONTAINS, env, SOURCE);
    // Whether the default branch may deploy here: the path a merged change takes to production.
    String defaultBranch = repo.text(Attr.DEFAULT_BRANCH).orElse(null);
    if (defaultBranch != null) {
      Entity branch = branch(repo, defaultBranch);
      boolean allowed =
          switch (branches == null ? "" : branches) {
            case "any" -> true;
            case "protected" -> branch.isTrue(Attr.PROTECTED);
            case "selected" ->
                patterns != null && patterns.stream().anyMatch(p -> matches(p, defaultBranch));
            default -> false;
          };
      if (allowed) {
        graph.relate(branch, RelationKind.DEPLOYS_TO, env, SOURCE);
      }
    }
    return env;
  }

  synchronized void workflow(String fullName, JsonNode json) {
    Entity repo = repositoryEntity(fullName);
    String path = json.path("path").asText();
    Entity wf =
        graph.entity(
            ResourceId.part(repo.id(), "file", path),
            EntityKind.WORKFLOW,
            json.path("name").asText(path),
            SOURCE);
    wf.set(Attr.PATH, path)
        .set(Attr.ACTIVE, json.has("state") ? json.path("state").asText().equals("active") : null)
        .set(Attr.WEB_URL, text(json, "html_url"));
    graph.relate(repo, RelationKind.CONTAINS, wf, SOURCE);
  }

  /**
   * Protection of the default branch, from classic branch protection and from the active rules of
   * rulesets: a branch protected by either is protected, and each setting takes the stricter of the
   * two.
   *
   * @param classicKnown false when the classic protection could not be read (no permission)
   * @param classic the classic protection, or null when there is none (or it is unknown)
   * @param rules the active ruleset rules for the branch, or null when they could not be read
   * @param rulesets the rulesets that apply (by id): full details where readable, else summaries
   */
  synchronized void defaultBranchProtection(
      String fullName,
      String branchName,
      boolean classicKnown,
      JsonNode classic,
      JsonNode rules,
      Map<Long, JsonNode> rulesets) {
    Entity repo = repositoryEntity(fullName);
    Entity b = branch(repo, branchName);

    List<String> sources = new ArrayList<>();
    List<String> bypass = new ArrayList<>();
    boolean bypassKnown = true;
    long rulesetApprovals = 0;
    boolean rulesetBlocksForcePush = false;
    boolean rulesetBlocksDeletion = false;
    boolean rulesetRequiresSignatures = false;
    boolean rulesetCodeOwners = false;
    boolean rulesetDismissStale = false;
    List<String> checks = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    if (rules != null) {
      for (JsonNode rule : rules) {
        long id = rule.path("ruleset_id").asLong(-1);
        if (seen.add(id)) {
          JsonNode ruleset = rulesets.get(id);
          sources.add(
              "ruleset:" + (ruleset != null ? ruleset.path("name").asText(Long.toString(id)) : id));
          if (ruleset != null && ruleset.has("bypass_actors")) {
            for (String actor : bypassActors(ruleset.path("bypass_actors"))) {
              if (!bypass.contains(actor)) {
                bypass.add(actor);
              }
            }
            relateBypass(ruleset, b);
          } else {
            bypassKnown = false;
          }
        }
        JsonNode p = rule.path("parameters");
        switch (rule.path("type").asText()) {
          case "pull_request" -> {
            rulesetApprovals =
                Math.max(rulesetApprovals, p.path("required_approving_review_count").asLong(0));
            rulesetCodeOwners |= p.path("require_code_owner_review").asBoolean(false);
            rulesetDismissStale |= p.path("dismiss_stale_reviews_on_push").asBoolean(false);
          }
          case "non_fast_forward" -> rulesetBlocksForcePush = true;
          case "deletion" -> rulesetBlocksDeletion = true;
          case "required_signatures" -> rulesetRequiresSignatures = true;
          case "required_status_checks" ->
              p.path("required_status_checks").forEach(c -> checks.add(c.path("context").asText()));
          default -> {
            // Other rule types (naming, linear history, ...) do not bear on the facts here.
          }
        }
      }
    }
    boolean hasClassic = classic != null;
    if (hasClassic) {
      sources.add(0, "branch-protection");
      JsonNode allowances =
          classic.path("required_pull_request_reviews").path("bypass_pull_request_allowances");
      allowances
          .path("users")
          .forEach(u -> bypass.add("user:" + u.path("login").asText() + " (pull requests)"));
      allowances
          .path("teams")
          .forEach(t -> bypass.add("team:" + t.path("slug").asText() + " (pull requests)"));
      allowances
          .path("apps")
          .forEach(a -> bypass.add("app:" + a.path("slug").asText() + " (pull requests)"));
    }
    if (rules == null && !classicKnown) {
      return; // Nothing is known: every protection attribute stays unknown.
    }
    boolean rulesetProtects = rules != null && !rules.isEmpty();
    if (rulesetProtects || hasClassic) {
      b.set(Attr.PROTECTED, true);
    } else if (classicKnown && rules != null) {
      b.set(Attr.PROTECTED, false);
    }
    b.set(Attr.PROTECTION_SOURCES, sources);
    if (classicKnown && (bypassKnown || !bypass.isEmpty())) {
      b.set(Attr.BYPASS_ACTORS, bypass);
    }

    if (hasClassic) {
      JsonNode reviews = classic.path("required_pull_request_reviews");
      long classicApprovals =
          reviews.isMissingNode() ? 0 : reviews.path("required_approving_review_count").asLong(0);
      b.set(Attr.REQUIRED_APPROVALS, Math.max(classicApprovals, rulesetApprovals))
          .set(Attr.ENFORCE_ADMINS, classic.path("enforce_admins").path("enabled").asBoolean(false))
          .set(
              Attr.CODE_OWNER_REVIEWS,
              reviews.path("require_code_owner_reviews").asBoolean(false) || rulesetCodeOwners)
          .set(
              Attr.DISMISS_STALE_REVIEWS,
              reviews.path("dismiss_stale_reviews").asBoolean(false) || rulesetDismissStale)
          .set(
              Attr.FORCE_PUSH_ALLOWED,
              classic.path("allow_force_pushes").path("enabled").asBoolean(false)
                  && !rulesetBlocksForcePush)
          .set(
              Attr.DELETION_ALLOWED,
              classic.path("allow_deletions").path("enabled").asBoolean(false)
                  && !rulesetBlocksDeletion)
          .set(
              Attr.SIGNED_COMMITS_REQUIRED,
              classic.path("required_signatures").path("enabled").asBoolean(false)
                  || rulesetRequiresSignatures);
      classic.path("required_status_checks").path("contexts").forEach(c -> checks.add(c.asText()));
      classic
          .path("required_status_checks")
          .path("checks")
          .forEach(c -> checks.add(c.path("context").asText()));
      b.set(Attr.REQUIRED_CHECKS, checks.stream().distinct().toList());
    } else if (classicKnown) {
      // Rulesets alone (or nothing): what they do not block is allowed.
      b.set(Attr.REQUIRED_APPROVALS, rulesetApprovals)
          .set(Attr.CODE_OWNER_REVIEWS, rulesetCodeOwners)
          .set(Attr.DISMISS_STALE_REVIEWS, rulesetDismissStale)
          .set(Attr.FORCE_PUSH_ALLOWED, !rulesetBlocksForcePush)
          .set(Attr.DELETION_ALLOWED, !rulesetBlocksDeletion)
          .set(Attr.SIGNED_COMMITS_REQUIRED, rulesetRequiresSignatures)
          .set(Attr.REQUIRED_CHECKS, checks.stream().distinct().toList());
    } else {
      // Classic protection unreadable: only what the rulesets prove is known.
      if (rulesetApprovals > 0) {
        b.set(Attr.REQUIRED_APPROVALS, rulesetApprovals);
      }
      if (rulesetBlocksForcePush) {
        b.set(Attr.FORCE_PUSH_ALLOWED, false);
      }
      if (rulesetBlocksDeletion) {
        b.set(Attr.DELETION_ALLOWED, false);
      }
      if (rulesetRequiresSignatures) {
        b.set(Attr.SIGNED_COMMITS_REQUIRED, true);
      }
      if (!checks.isEmpty()) {
        b.set(Attr.REQUIRED_CHECKS, checks.stream().distinct().toList());
      }
    }
  }

  // ---- Helpers ------------------------------------------------------------------------------

  Entity member(String login) {
    return graph.entity(ResourceId.part(orgId(), "member", login), EntityKind.USER, login, SOURCE);
  }

  private Entity collaborator(String login) {
    return graph
        .entity(ResourceId.part(orgId(), "collaborator", login), EntityKind.USER, login, SOURCE)
        .set(Attr.OUTSIDE_COLLABORATOR, true);
  }

  Entity branch(Entity repo, String name) {
    Entity b =
        graph.entity(ResourceId.part(repo.id(), "branch", name), EntityKind.BRANCH, name, SOURCE);
    graph.relate(repo, RelationKind.CONTAINS, b, SOURCE);
    return b;
  }

  /** Access from a principal to a repository, from GitHub's permissions object and role name. */
  private void grant(Entity principal, Entity repo, JsonNode json, String via) {
    JsonNode p = json.path("permissions");
    String role = text(json, "role_name");
    RelationKind kind;
    if (p.path("admin").asBoolean(false) || "admin".equals(role)) {
      kind = RelationKind.CAN_ADMIN;
    } else if (p.path("push").asBoolean(false)
        || p.path("maintain").asBoolean(false)
        || "write".equals(role)
        || "maintain".equals(role)) {
      kind = RelationKind.CAN_WRITE;
    } else {
      kind = RelationKind.CAN_READ;
    }
    if (role == null) {
      role =
          kind == RelationKind.CAN_ADMIN
              ? "admin"
              : p.path("maintain").asBoolean(false)
                  ? "maintain"
                  : kind == RelationKind.CAN_WRITE
                      ? "write"
                      : p.path("triage").asBoolean(false) ? "triage" : "read";
    }
    graph.relate(principal, kind, repo, SOURCE).set(Attr.PERMISSION, role).set(Attr.VIA, via);
  }

  /** Bypass actors of a ruleset as "kind:name (mode)". */
  private List<String> bypassActors(JsonNode actors) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : actors) {
      String mode = a.path("bypass_mode").asText("always");
      long id = a.path("actor_id").asLong(-1);
      String who =
          switch (a.path("actor_type").asText()) {
            case "Team" -> "team:" + teamSlugs.getOrDefault(id, Long.toString(id));
            case "Integration" -> "app:" + appSlugs.getOrDefault(id, Long.toString(id));
            case "OrganizationAdmin" -> "role:organization-admin";
            case "RepositoryRole" ->
                "role:repository-"
                    + switch ((int) id) {
                      case 5 -> "admin";
                      case 2 -> "maintain";
                      case 4 -> "write";
                      default -> "role-" + id;
                    };
            case "DeployKey" -> "deploy-keys";
            case "EnterpriseOwner" -> "role:enterprise-owner";
            default ->
                a.path("actor_type").asText("actor").toLowerCase(java.util.Locale.ROOT) + ":" + id;
          };
      out.add(who + " (" + mode.replace('_', ' ') + ")");
    }
    return out;
  }

  private void relateBypass(JsonNode ruleset, Entity branch) {
    for (JsonNode a : ruleset.path("bypass_actors")) {
      long id = a.path("actor_id").asLong(-1);
      String part =
          switch (a.path("actor_type").asText()) {
            case "Team" -> teamSlugs.containsKey(id) ? "team/" + teamSlugs.get(id) : null;
            case "Integration" -> appSlugs.containsKey(id) ? "app/" + appSlugs.get(id) : null;
            default -> null;
          };
      if (part == null) {
        continue;
      }
      graph
          .find(orgId() + "#" + part)
          .ifPresent(
              actor ->
                  graph
                      .relate(actor, RelationKind.CAN_BYPASS_PROTECTION, branch, SOURCE)
                      .set(Attr.VIA, "ruleset:" + ruleset.path("name").asText())
                      .set(Attr.ROLE, a.path("bypass_mode").asText("always")));
    }
  }

  private static Set<String> logins(List<JsonNode> users) {
    Set<String> out = new HashSet<>();
    users.forEach(u -> out.add(u.path("login").asText()));
    return out;
  }

  /** GitHub's deployment branch patterns: fnmatch, where '*' stops at '/' and '**' does not. */
  static boolean matches(String pattern, String branch) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
          regex.append(".*");
          i++;
        } else {
          regex.append("[^/]*");
        }
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return branch.matches(regex.toString());
  }
}
