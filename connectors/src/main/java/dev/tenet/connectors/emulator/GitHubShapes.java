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
    perms.put("admin", true);
    perms.put("maintain", true);
    perms.put("push", true);
    perms.put("triage", true);
    perms.put("pull", true);
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
}
