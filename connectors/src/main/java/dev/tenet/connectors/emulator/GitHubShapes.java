package dev.tenet.connectors.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GitHub REST response bodies in the shapes GitHub sends (fields as in GitHub's OpenAPI examples
 * and recorded traffic), built from a {@link SampleOrganization}.
 */
final class GitHubShapes {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String api;
  private final String web;

  /**
   * @param api the emulated API root, e.g. http://127.0.0.1:5000/api/v3
   */
  GitHubShapes(String api) {
    this.api = api;
    this.web = api.replace("/api/v3", "");
  }

  ObjectNode organization(JsonNode spec, boolean owner, long id) {
    String login = spec.path("login").asText();
    ObjectNode o = JSON.objectNode();
    o.put("login", login);
    o.put("id", id);
    o.put("node_id", "O_kgDO" + id);
    o.put("url", api + "/orgs/" + login);
    o.put("repos_url", api + "/orgs/" + login + "/repos");
    o.put("hooks_url", api + "/orgs/" + login + "/hooks");
    o.put("members_url", api + "/orgs/" + login + "/members{/member}");
    o.put("avatar_url", web + "/avatars/" + login);
    o.put("description", spec.path("description").asText(""));
    o.put("name", spec.path("name").asText(login));
    o.put("is_verified", true);
    o.put("has_organization_projects", true);
    o.put("has_repository_projects", true);
    o.put("html_url", web + "/" + login);
    o.put("created_at", spec.path("created_at").asText("2017-01-01T00:00:00Z"));
    o.put("updated_at", "2026-11-01T08:00:00Z");
    o.put("type", "Organization");
    if (owner) {
      // GitHub shows these only to organization owners.
      ObjectNode plan = o.putObject("plan");
      plan.put("name", spec.path("plan").asText("team"));
      plan.put("space", 976562499);
      plan.put("private_repos", 999999);
      o.put(
          "default_repository_permission",
          spec.path("default_repository_permission").asText("read"));
      o.put("members_can_create_repositories", true);
      o.put(
          "two_factor_requirement_enabled",
          spec.path("two_factor_requirement_enabled").asBoolean());
      o.put("members_allowed_repository_creation_type", "all");
      o.put("web_commit_signoff_required", false);
    }
    return o;
  }

  ObjectNode user(String login, long id) {
    ObjectNode u = JSON.objectNode();
    u.put("login", login);
    u.put("id", id);
    u.put("node_id", "U_kgDO" + id);
    u.put("avatar_url", web + "/avatars/" + login);
    u.put("gravatar_id", "");
    u.put("url", api + "/users/" + login);
    u.put("html_url", web + "/" + login);
    u.put("type", login.endsWith("-bot") ? "Bot" : "User");
    u.put("site_admin", false);
    return u;
  }

  ObjectNode repository(String org, long orgId, JsonNode spec, long id) {
    return repository(org, orgId, spec, id, true, null);
  }

  /**
   * @param admin whether the token is an administrator of the repository (GitHub then adds the
   *     security settings)
   * @param security the repository's security settings, or null to leave them out
   */
  ObjectNode repository(
      String org, long orgId, JsonNode spec, long id, boolean admin, JsonNode security) {
    String name = spec.path("name").asText();
    String full = org + "/" + name;
    String visibility = spec.path("visibility").asText("private");
    ObjectNode r = JSON.objectNode();
    r.put("id", id);
    r.put("node_id", "R_kgDO" + id);
    r.put("name", name);
    r.put("full_name", full);
    r.set("owner", user(org, orgId).put("type", "Organization"));
    r.put("private", !visibility.equals("public"));
    r.put("html_url", web + "/" + full);
    r.put("description", spec.path("description").asText(""));
    r.put("fork", false);
    r.put("url", api + "/repos/" + full);
    r.put("branches_url", api + "/repos/" + full + "/branches{/branch}");
    r.put("hooks_url", api + "/repos/" + full + "/hooks");
    r.put("clone_url", web + "/" + full + ".git");
    r.put("language", spec.path("language").asText(null));
    r.put("size", 4096);
    r.put("default_branch", spec.path("default_branch").asText("main"));
    r.put("visibility", visibility);
    r.put("archived", spec.path("archived").asBoolean(false));
    r.put("disabled", false);
    r.put("has_issues", true);
    r.put("has_wiki", false);
    r.put("pushed_at", "2026-11-20T16:02:11Z");
    r.put("created_at", "2019-05-02T10:00:00Z");
    r.put("updated_at", "2026-11-20T16:02:11Z");
    ObjectNode perms = r.putObject("permissions");
    perms.put("admin", admin);
    perms.put("maintain", admin);
    perms.put("push", admin);
    perms.put("triage", true);
    perms.put("pull", true);
    if (admin && security != null) {
      ObjectNode sa = r.putObject("security_and_analysis");
      boolean isPublic = visibility.equals("public");
      boolean ghas = security.path("advanced_security").asBoolean(true);
      if (!isPublic) {
        status(sa, "advanced_security", ghas);
      }
      status(sa, "secret_scanning", security.path("secret_scanning").asBoolean(true));
      status(
          sa, "secret_scanning_push_protection", security.path("push_protection").asBoolean(true));
      status(
          sa,
          "dependabot_security_updates",
          security.path("dependabot_security_updates").asBoolean(true));
      status(sa, "secret_scanning_non_provider_patterns", false);
    }
    return r;
  }

  ObjectNode branch(String full, String name, boolean isProtected, String sha) {
    ObjectNode b = JSON.objectNode();
    b.put("name", name);
    ObjectNode commit = b.putObject("commit");
    commit.put("sha", sha);
    commit.put("url", api + "/repos/" + full + "/commits/" + sha);
    b.put("protected", isProtected);
    ObjectNode protection = b.putObject("protection");
    protection.put("enabled", isProtected);
    b.put("protection_url", api + "/repos/" + full + "/branches/" + name + "/protection");
    return b;
  }

  /** Classic branch protection, shaped like GET /repos/{o}/{r}/branches/{b}/protection. */
  ObjectNode protection(String full, String branch, JsonNode p) {
    String url = api + "/repos/" + full + "/branches/" + branch + "/protection";
    ObjectNode o = JSON.objectNode();
    o.put("url", url);
    if (p.has("required_status_checks")) {
      ObjectNode checks = o.putObject("required_status_checks");
      checks.put("url", url + "/required_status_checks");
      checks.put("strict", true);
      ArrayNode contexts = checks.putArray("contexts");
      ArrayNode list = checks.putArray("checks");
      p.path("required_status_checks")
          .forEach(
              c -> {
                contexts.add(c.asText());
                list.addObject().put("context", c.asText()).putNull("app_id");
              });
      checks.put("contexts_url", url + "/required_status_checks/contexts");
    }
    if (p.has("required_approving_review_count")) {
      ObjectNode reviews = o.putObject("required_pull_request_reviews");
      reviews.put("url", url + "/required_pull_request_reviews");
      reviews.put("dismiss_stale_reviews", p.path("dismiss_stale_reviews").asBoolean(false));
      reviews.put(
          "require_code_owner_reviews", p.path("require_code_owner_reviews").asBoolean(false));
      reviews.put(
          "required_approving_review_count", p.path("required_approving_review_count").asInt());
      reviews.put("require_last_push_approval", false);
    }
    o.set(
        "required_signatures",
        flag(url + "/required_signatures", p.path("required_signatures").asBoolean(false)));
    o.set(
        "enforce_admins", flag(url + "/enforce_admins", p.path("enforce_admins").asBoolean(false)));
    o.set("required_linear_history", enabled(false));
    o.set("allow_force_pushes", enabled(p.path("allow_force_pushes").asBoolean(false)));
    o.set("allow_deletions", enabled(p.path("allow_deletions").asBoolean(false)));
    o.set("block_creations", enabled(false));
    o.set("required_conversation_resolution", enabled(false));
    o.set("lock_branch", enabled(false));
    o.set("allow_fork_syncing", enabled(false));
    return o;
  }

  /** Active ruleset rules for a branch, shaped like GET /repos/{o}/{r}/rules/branches/{b}. */
  ArrayNode branchRules(String full, JsonNode rulesets, long firstRulesetId) {
    ArrayNode out = JSON.arrayNode();
    long id = firstRulesetId;
    for (JsonNode ruleset : rulesets) {
      long rulesetId = id++;
      if (!ruleset.path("enforcement").asText("active").equals("active")) {
        continue;
      }
      for (JsonNode rule : ruleset.path("rules")) {
        ObjectNode r = out.addObject();
        r.put("type", rule.path("type").asText());
        if (rule.has("parameters")) {
          r.set("parameters", rule.path("parameters").deepCopy());
        }
        r.put("ruleset_source_type", "Repository");
        r.put("ruleset_source", full);
        r.put("ruleset_id", rulesetId);
      }
    }
    return out;
  }

  private static ObjectNode flag(String url, boolean enabled) {
    ObjectNode f = JSON.objectNode();
    f.put("url", url);
    f.put("enabled", enabled);
    return f;
  }

  private static ObjectNode enabled(boolean enabled) {
    ObjectNode f = JSON.objectNode();
    f.put("enabled", enabled);
    return f;
  }

  private static void status(ObjectNode parent, String field, boolean enabled) {
    parent.putObject(field).put("status", enabled ? "enabled" : "disabled");
  }

  ObjectNode team(String org, String slug, long id) {
    ObjectNode t = JSON.objectNode();
    t.put("id", id);
    t.put("node_id", "T_kwDO" + id);
    t.put("url", api + "/teams/" + id);
    t.put("html_url", web + "/orgs/" + org + "/teams/" + slug);
    t.put("name", slug.replace('-', ' '));
    t.put("slug", slug);
    t.put("description", "");
    t.put("privacy", "closed");
    t.put("notification_setting", "notifications_enabled");
    t.put("permission", "pull");
    t.put("members_url", api + "/teams/" + id + "/members{/member}");
    t.put("repositories_url", api + "/teams/" + id + "/repos");
    t.putNull("parent");
    return t;
  }

  /** A repository in a team's or collaborator's list, with that principal's permission on it. */
  static ObjectNode withRole(ObjectNode item, String permission) {
    ObjectNode perms = item.putObject("permissions");
    perms.put("admin", permission.equals("admin"));
    perms.put("maintain", permission.equals("admin") || permission.equals("maintain"));
    perms.put(
        "push",
        permission.equals("admin") || permission.equals("maintain") || permission.equals("write"));
    perms.put("triage", !permission.equals("read"));
    perms.put("pull", true);
    item.put("role_name", permission);
    return item;
  }

  ObjectNode hook(String scopeUrl, JsonNode spec, boolean organization) {
    long id = spec.path("id").asLong();
    ObjectNode h = JSON.objectNode();
    h.put("type", organization ? "Organization" : "Repository");
    h.put("id", id);
    h.put("name", "web");
    h.put("active", spec.path("active").asBoolean(true));
    ArrayNode events = h.putArray("events");
    spec.path("events").forEach(e -> events.add(e.asText()));
    ObjectNode config = h.putObject("config");
    config.put("content_type", "json");
    config.put("insecure_ssl", spec.path("insecure_ssl").asBoolean(false) ? "1" : "0");
    config.put("url", spec.path("url").asText());
    if (spec.path("secret").asBoolean(false)) {
      config.put("secret", "********");
    }
    h.put("updated_at", "2025-06-03T00:57:16Z");
    h.put("created_at", "2023-02-10T10:12:00Z");
    h.put("url", scopeUrl + "/hooks/" + id);
    h.put("ping_url", scopeUrl + "/hooks/" + id + "/pings");
    h.put("deliveries_url", scopeUrl + "/hooks/" + id + "/deliveries");
    return h;
  }

  ObjectNode installation(String org, long orgId, JsonNode spec) {
    long appId = spec.path("app_id").asLong();
    long id = 40_000_000L + appId;
    ObjectNode i = JSON.objectNode();
    i.put("id", id);
    i.set("account", user(org, orgId).put("type", "Organization"));
    i.put("repository_selection", spec.path("repository_selection").asText("all"));
    i.put("access_tokens_url", api + "/app/installations/" + id + "/access_tokens");
    i.put("repositories_url", api + "/installation/repositories");
    i.put("html_url", web + "/organizations/" + org + "/settings/installations/" + id);
    i.put("app_id", appId);
    i.put("target_id", orgId);
    i.put("target_type", "Organization");
    i.set("permissions", spec.path("permissions").deepCopy());
    ArrayNode events = i.putArray("events");
    spec.path("events").forEach(e -> events.add(e.asText()));
    i.put("created_at", "2024-05-16T08:47:09.000-07:00");
    i.put("updated_at", "2025-06-06T11:23:23.000-07:00");
    i.putNull("single_file_name");
    i.put("app_slug", spec.path("app_slug").asText());
    i.putNull("suspended_at");
    i.putNull("suspended_by");
    return i;
  }

  ObjectNode tokenGrant(long orgId, JsonNode spec, long ownerId, String lastUsed, String expires) {
    long id = spec.path("id").asLong();
    ObjectNode g = JSON.objectNode();
    g.put("id", id);
    g.set("owner", user(spec.path("owner").asText(), ownerId));
    g.put("repository_selection", spec.path("repository_selection").asText("selected"));
    g.put(
        "repositories_url",
        api + "/organizations/" + orgId + "/personal-access-tokens/" + id + "/repositories");
    ObjectNode perms = g.putObject("permissions");
    perms.set(
        "organization",
        spec.path("permissions").path("organization").isObject()
            ? spec.path("permissions").path("organization").deepCopy()
            : JSON.objectNode());
    perms.set(
        "repository",
        spec.path("permissions").path("repository").isObject()
            ? spec.path("permissions").path("repository").deepCopy()
            : JSON.objectNode());
    g.put("access_granted_at", "2025-05-16T08:47:09.000-07:00");
    g.put("token_id", 98_000 + id);
    g.put("token_name", spec.path("name").asText());
    g.put("token_expired", false);
    if (expires == null) {
      g.putNull("token_expires_at");
    } else {
      g.put("token_expires_at", expires);
    }
    if (lastUsed == null) {
      g.putNull("token_last_used_at");
    } else {
      g.put("token_last_used_at", lastUsed);
    }
    return g;
  }

  ObjectNode credentialAuthorization(JsonNode spec, String expires) {
    ObjectNode c = JSON.objectNode();
    c.put("login", spec.path("login").asText());
    c.put("credential_id", spec.path("credential_id").asLong());
    c.put("credential_type", "personal access token");
    c.put("token_last_eight", spec.path("token_last_eight").asText("00000000"));
    c.put("credential_authorized_at", "2025-03-02T12:00:00Z");
    ArrayNode scopes = c.putArray("scopes");
    spec.path("scopes").forEach(x -> scopes.add(x.asText()));
    c.put("credential_accessed_at", "2026-11-01T08:00:00Z");
    if (expires == null) {
      c.putNull("credential_expires_at");
    } else {
      c.put("credential_expires_at", expires);
    }
    return c;
  }

  /**
   * A ruleset; {@code detail} adds conditions, rules and bypass actors like GET …/rulesets/{id}.
   */
  ObjectNode ruleset(
      long id,
      JsonNode spec,
      String sourceType,
      String source,
      boolean detail,
      ArrayNode bypassActors) {
    ObjectNode r = JSON.objectNode();
    r.put("id", id);
    r.put("name", spec.path("name").asText());
    r.put("target", "branch");
    r.put("source_type", sourceType);
    r.put("source", source);
    r.put("enforcement", spec.path("enforcement").asText("active"));
    if (detail) {
      r.set("bypass_actors", bypassActors);
      ObjectNode conditions = r.putObject("conditions");
      ObjectNode ref = conditions.putObject("ref_name");
      ref.putArray("include").add("~DEFAULT_BRANCH");
      ref.putArray("exclude");
      if (sourceType.equals("Organization")) {
        ObjectNode names = conditions.putObject("repository_name");
        ArrayNode include = names.putArray("include");
        spec.path("repositories").forEach(p -> include.add(p.asText()));
        names.putArray("exclude");
        names.put("protected", false);
      }
      ArrayNode rules = r.putArray("rules");
      spec.path("rules").forEach(rule -> rules.add(rule.deepCopy()));
    }
    r.put("node_id", "RRS_lACkVXNlcgQ" + id);
    String self =
        sourceType.equals("Organization")
            ? api + "/orgs/" + source + "/rulesets/" + id
            : api + "/repos/" + source + "/rulesets/" + id;
    ObjectNode links = r.putObject("_links");
    links.putObject("self").put("href", self);
    links.putObject("html").put("href", web + "/" + source + "/rules/" + id);
    r.put("created_at", "2025-07-15T08:43:03Z");
    r.put("updated_at", "2026-08-23T16:29:47Z");
    return r;
  }

  ObjectNode runnerGroup(String org, JsonNode spec) {
    long id = spec.path("id").asLong();
    ObjectNode g = JSON.objectNode();
    g.put("id", id);
    g.put("name", spec.path("name").asText());
    g.put("visibility", spec.path("visibility").asText("all"));
    g.put("default", id == 1);
    if (spec.path("visibility").asText("all").equals("selected")) {
      g.put(
          "selected_repositories_url",
          api + "/orgs/" + org + "/actions/runner-groups/" + id + "/repositories");
    }
    g.put("runners_url", api + "/orgs/" + org + "/actions/runner-groups/" + id + "/runners");
    g.put("inherited", false);
    g.put("allows_public_repositories", spec.path("allows_public_repositories").asBoolean(false));
    g.put("restricted_to_workflows", false);
    g.putArray("selected_workflows");
    g.put("workflow_restrictions_read_only", false);
    return g;
  }

  static ObjectNode runner(JsonNode spec) {
    ObjectNode r = JSON.objectNode();
    r.put("id", spec.path("id").asLong());
    r.put("name", spec.path("name").asText());
    r.put("os", spec.path("labels").toString().contains("macOS") ? "macos" : "linux");
    r.put("status", spec.path("status").asText("online"));
    r.put("busy", false);
    r.put("ephemeral", spec.path("ephemeral").asBoolean(false));
    r.put("version", "2.323.0");
    ArrayNode labels = r.putArray("labels");
    int n = 0;
    for (JsonNode l : spec.path("labels")) {
      ObjectNode label = labels.addObject();
      label.put("id", ++n);
      label.put("name", l.asText());
      label.put("type", n == 1 ? "read-only" : "custom");
    }
    return r;
  }

  static ObjectNode secret(
      String name, String created, String updated, String visibility, String selectedUrl) {
    ObjectNode s = JSON.objectNode();
    s.put("name", name);
    s.put("created_at", created);
    s.put("updated_at", updated);
    if (visibility != null) {
      s.put("visibility", visibility);
      if (visibility.equals("selected")) {
        s.put("selected_repositories_url", selectedUrl);
      }
    }
    return s;
  }

  ObjectNode deployKey(String full, JsonNode spec, String created) {
    long id = spec.path("id").asLong();
    ObjectNode k = JSON.objectNode();
    k.put("id", id);
    k.put("key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + Long.toHexString(id * 7919));
    k.put("url", api + "/repos/" + full + "/keys/" + id);
    k.put("title", spec.path("title").asText());
    k.put("verified", true);
    k.put("created_at", created);
    k.put("read_only", spec.path("read_only").asBoolean(true));
    k.put("added_by", spec.path("added_by").asText(null));
    k.put("last_used", "2026-11-20T15:53:42Z");
    k.put("enabled", true);
    return k;
  }

  /** An environment as in GET /repos/{o}/{r}/environments. */
  ObjectNode environment(
      String full, JsonNode spec, long id, java.util.function.Function<String, Long> teamId) {
    String name = spec.path("name").asText();
    ObjectNode e = JSON.objectNode();
    e.put("id", id);
    e.put("node_id", "EN_kwDO" + id);
    e.put("name", name);
    e.put("url", api + "/repos/" + full + "/environments/" + name);
    e.put("html_url", web + "/" + full + "/deployments/activity_log?environments_filter=" + name);
    e.put("created_at", "2024-11-23T22:00:40Z");
    e.put("updated_at", "2026-02-23T22:00:40Z");
    ArrayNode rules = e.putArray("protection_rules");
    long ruleId = id * 10;
    if (spec.path("wait_timer").asInt(0) > 0) {
      ObjectNode w = rules.addObject();
      w.put("id", ++ruleId);
      w.put("node_id", "GA_" + ruleId);
      w.put("type", "wait_timer");
      w.put("wait_timer", spec.path("wait_timer").asInt());
    }
    if (spec.path("reviewers").size() > 0) {
      ObjectNode r = rules.addObject();
      r.put("id", ++ruleId);
      r.put("node_id", "GA_" + ruleId);
      r.put("prevent_self_review", spec.path("prevent_self_review").asBoolean(false));
      r.put("type", "required_reviewers");
      ArrayNode reviewers = r.putArray("reviewers");
      for (JsonNode who : spec.path("reviewers")) {
        String[] parts = who.asText().split(":", 2);
        ObjectNode reviewer = reviewers.addObject();
        if (parts[0].equals("team")) {
          reviewer.put("type", "Team");
          reviewer.set(
              "reviewer",
              team(full.substring(0, full.indexOf('/')), parts[1], teamId.apply(parts[1])));
        } else {
          reviewer.put("type", "User");
          reviewer.set(
              "reviewer", user(parts[1], 5_100_000L + Math.abs(parts[1].hashCode() % 1000)));
        }
      }
    }
    JsonNode policy = spec.path("branch_policy");
    if (policy.isMissingNode() || policy.asText("").equals("any")) {
      e.putNull("deployment_branch_policy");
    } else {
      ObjectNode r = rules.addObject();
      r.put("id", ++ruleId);
      r.put("node_id", "GA_" + ruleId);
      r.put("type", "branch_policy");
      ObjectNode p = e.putObject("deployment_branch_policy");
      boolean protectedOnly = policy.asText("").equals("protected");
      p.put("protected_branches", protectedOnly);
      p.put("custom_branch_policies", !protectedOnly);
    }
    return e;
  }

  ObjectNode workflow(String full, String path, long id, boolean dynamic) {
    ObjectNode w = JSON.objectNode();
    w.put("id", id);
    w.put("node_id", "W_kwDO" + id);
    w.put(
        "name", dynamic ? "CodeQL" : path.substring(path.lastIndexOf('/') + 1).replace(".yml", ""));
    w.put("path", path);
    w.put("state", "active");
    w.put("created_at", "2024-01-08T23:48:37.000-08:00");
    w.put("updated_at", "2026-01-08T23:50:21.000-08:00");
    w.put("url", api + "/repos/" + full + "/actions/workflows/" + id);
    w.put("html_url", web + "/" + full + "/blob/main/" + path);
    w.put("badge_url", web + "/" + full + "/workflows/" + id + "/badge.svg");
    return w;
  }

  ObjectNode contents(String full, String path, String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ObjectNode c = JSON.objectNode();
    c.put("type", "file");
    c.put("encoding", "base64");
    c.put("size", bytes.length);
    c.put("name", path.substring(path.lastIndexOf('/') + 1));
    c.put("path", path);
    // GitHub wraps base64 content at 60 characters.
    c.put(
        "content",
        java.util.Base64.getMimeEncoder(60, new byte[] {'\n'}).encodeToString(bytes) + "\n");
    c.put("sha", Integer.toHexString(text.hashCode()) + "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b");
    c.put("url", api + "/repos/" + full + "/contents/" + path + "?ref=main");
    c.put("html_url", web + "/" + full + "/blob/main/" + path);
    c.put("download_url", web.replace("://", "://raw.") + "/" + full + "/main/" + path);
    return c;
  }

  static ObjectNode analysis(long id, String createdAt) {
    ObjectNode a = JSON.objectNode();
    a.put("ref", "refs/heads/main");
    a.put("commit_sha", "d99612c3e1f2b1287b2b0e0a2b0d8e2c3b1a4f5e");
    a.put("analysis_key", ".github/workflows/codeql.yml:analyze");
    a.put("environment", "{\"language\":\"javascript\"}");
    a.put("category", ".github/workflows/codeql.yml:analyze/language:javascript");
    a.put("error", "");
    a.put("created_at", createdAt);
    a.put("results_count", 3);
    a.put("rules_count", 212);
    a.put("id", id);
    a.put("sarif_id", "47177e22-5596-11eb-80a1-c1e54ef945c6");
    ObjectNode tool = a.putObject("tool");
    tool.put("name", "CodeQL");
    tool.putNull("guid");
    tool.put("version", "2.16.1");
    a.put("deletable", true);
    a.put("warning", "");
    return a;
  }

  static ObjectNode auditEvent(String actor, long epochMillis) {
    ObjectNode e = JSON.objectNode();
    e.put("@timestamp", epochMillis);
    e.put("action", "repo.access");
    e.put("actor", actor);
    e.put("created_at", epochMillis);
    e.put("_document_id", "Vqvg6kZ4MYqwWRKFDzlMoQ");
    return e;
  }
}
