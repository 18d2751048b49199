package dev.tenet.connectors.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GitLab REST API v4 response bodies built from a {@link SampleGroup}'s short descriptions, in the
 * shapes GitLab sends (field sets as in gitlab4j-api's recorded samples and GitLab's API docs).
 */
final class GitLabShapes {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String CREATED = "2021-04-12T09:30:00.000Z";

  private final String web;

  GitLabShapes(String web) {
    this.web = web;
  }

  ObjectNode group(JsonNode spec, long id, Long parentId) {
    String path = spec.path("path").asText();
    String name = spec.path("name").asText(path.substring(path.lastIndexOf('/') + 1));
    ObjectNode g = JSON.objectNode();
    g.put("id", id);
    g.put("web_url", web + "/groups/" + path);
    g.put("name", name);
    g.put("path", path.substring(path.lastIndexOf('/') + 1));
    g.put("description", spec.path("description").asText(""));
    g.put("visibility", spec.path("visibility").asText("private"));
    g.put("share_with_group_lock", false);
    g.put(
        "require_two_factor_authentication",
        spec.path("require_two_factor_authentication").asBoolean(false));
    g.put("two_factor_grace_period", spec.path("two_factor_grace_period").asInt(48));
    g.put("project_creation_level", "developer");
    g.putNull("auto_devops_enabled");
    g.put("subgroup_creation_level", "maintainer");
    g.put("emails_disabled", false);
    g.put("emails_enabled", true);
    g.put("mentions_disabled", false);
    g.put("lfs_enabled", true);
    g.put("default_branch", "main");
    g.put("default_branch_protection", 2);
    g.putNull("avatar_url");
    g.put("request_access_enabled", false);
    g.put("full_name", spec.path("full_name").asText(name));
    g.put("full_path", path);
    g.put("created_at", CREATED);
    if (parentId == null) {
      g.putNull("parent_id");
    } else {
      g.put("parent_id", parentId);
    }
    g.put("organization_id", 1);
    g.put("shared_runners_setting", "enabled");
    g.putNull("ldap_cn");
    g.putNull("ldap_access");
    g.put("wiki_access_level", "enabled");
    g.put("marked_for_deletion_on", (String) null);
    g.putArray("shared_with_groups");
    g.put("prevent_sharing_groups_outside_hierarchy", false);
    g.put("prevent_forking_outside_group", false);
    return g;
  }

  ObjectNode member(JsonNode spec, long id, int level, boolean samlVisible) {
    String username = spec.path("username").asText();
    ObjectNode m = JSON.objectNode();
    m.put("id", id);
    m.put("username", username);
    m.put("name", spec.path("name").asText(title(username)));
    m.put("state", spec.path("state").asText("active"));
    m.put("locked", false);
    m.put("avatar_url", "https://secure.gravatar.com/avatar/" + id + "?s=80&d=identicon");
    m.put("web_url", web + "/" + username);
    m.put("access_level", level);
    m.put("created_at", CREATED);
    ObjectNode by = m.putObject("created_by");
    by.put("id", 1);
    by.put("username", "root");
    m.putNull("expires_at");
    m.put("membership_state", "active");
    if (samlVisible) {
      if (spec.path("saml").asBoolean(false)) {
        ObjectNode identity = m.putObject("group_saml_identity");
        identity.put("extern_uid", "okta|" + username);
        identity.put("provider", "group_saml");
        identity.put("saml_provider_id", 10);
      } else {
        m.putNull("group_saml_identity");
      }
    }
    return m;
  }

  ObjectNode billableMember(JsonNode spec, long id) {
    String username = spec.path("username").asText();
    ObjectNode m = JSON.objectNode();
    m.put("id", id);
    m.put("username", username);
    m.put("name", title(username));
    m.put("state", "active");
    m.put("avatar_url", "https://secure.gravatar.com/avatar/" + id);
    m.put("web_url", web + "/" + username);
    m.put("last_activity_on", spec.path("last_activity_on").asText(null));
    m.put("membership_type", "group_member");
    m.put("removable", true);
    m.put("created_at", CREATED);
    m.put("is_last_owner", false);
    m.put("last_login_at", spec.path("last_activity_on").asText("2026-01-01") + "T08:00:00.000Z");
    return m;
  }

  ObjectNode project(
      JsonNode spec, long id, long namespaceId, JsonNode namespace, boolean maintainer) {
    String path = spec.path("path").asText();
    String name = path.substring(path.lastIndexOf('/') + 1);
    String nsPath = namespace.path("path").asText();
    JsonNode s = spec.path("settings");
    ObjectNode p = JSON.objectNode();
    p.put("id", id);
    p.put("description", spec.path("description").asText(""));
    p.put("name", name);
    p.put("name_with_namespace", nsPath.replace("/", " / ") + " / " + name);
    p.put("path", name);
    p.put("path_with_namespace", path);
    p.put("created_at", CREATED);
    if (spec.has("default_branch") && spec.path("default_branch").isNull()) {
      p.putNull("default_branch");
    } else {
      p.put("default_branch", spec.path("default_branch").asText("main"));
    }
    p.putArray("tag_list");
    p.putArray("topics");
    p.put("ssh_url_to_repo", "git@" + web.replaceFirst("^https?://", "") + ":" + path + ".git");
    p.put("http_url_to_repo", web + "/" + path + ".git");
    p.put("web_url", web + "/" + path);
    p.put("readme_url", web + "/" + path + "/-/blob/main/README.md");
    p.put("forks_count", 0);
    p.putNull("avatar_url");
    p.put("star_count", 3);
    p.put("last_activity_at", "2026-11-24T17:02:11.000Z");
    ObjectNode ns = p.putObject("namespace");
    ns.put("id", namespaceId);
    ns.put("name", namespace.path("name").asText(nsPath));
    ns.put("path", nsPath.substring(nsPath.lastIndexOf('/') + 1));
    ns.put("kind", "group");
    ns.put("full_path", nsPath);
    ns.put("web_url", web + "/groups/" + nsPath);
    p.put("container_registry_image_prefix", "registry.example/" + path);
    p.put("empty_repo", spec.path("empty_repo").asBoolean(false));
    p.put("archived", spec.path("archived").asBoolean(false));
    p.put("visibility", spec.path("visibility").asText("private"));
    p.put("resolve_outdated_diff_discussions", false);
    p.put("issues_enabled", true);
    p.put("merge_requests_enabled", true);
    p.put("wiki_enabled", false);
    p.put("jobs_enabled", true);
    p.put("snippets_enabled", false);
    p.put("container_registry_enabled", true);
    p.put("builds_access_level", s.path("builds_access_level").asText("enabled"));
    p.put("repository_access_level", "enabled");
    p.put("merge_requests_access_level", "enabled");
    p.put("shared_runners_enabled", s.path("shared_runners_enabled").asBoolean(true));
    p.put("group_runners_enabled", s.path("group_runners_enabled").asBoolean(true));
    p.put("lfs_enabled", true);
    p.put("creator_id", 2);
    p.put("import_status", "none");
    p.put("open_issues_count", 4);
    p.put("public_jobs", s.path("public_jobs").asBoolean(true));
    p.putArray("shared_with_groups");
    p.put(
        "only_allow_merge_if_pipeline_succeeds",
        s.path("only_allow_merge_if_pipeline_succeeds").asBoolean(false));
    p.put(
        "allow_merge_on_skipped_pipeline",
        s.path("allow_merge_on_skipped_pipeline").asBoolean(false));
    p.put("only_allow_merge_if_all_discussions_are_resolved", false);
    p.put("remove_source_branch_after_merge", true);
    p.put("request_access_enabled", false);
    p.put("merge_method", "merge");
    p.put("squash_option", "default_off");
    p.put("autoclose_referenced_issues", true);
    p.put("ci_config_path", s.path("ci_config_path").asText(""));
    if (maintainer) {
      // Settings GitLab shows only to those who administer the project.
      p.put("ci_default_git_depth", 20);
      p.put("ci_forward_deployment_enabled", true);
      p.put("ci_job_token_scope_enabled", false);
      p.put("ci_separated_caches", true);
      p.put(
          "ci_allow_fork_pipelines_to_run_in_parent_project",
          s.path("ci_allow_fork_pipelines_to_run_in_parent_project").asBoolean(true));
      p.put("restrict_user_defined_variables", true);
      p.put("ci_pipeline_variables_minimum_override_role", "maintainer");
      p.put("keep_latest_artifact", true);
      p.put("runner_token_expiration_interval", (String) null);
      if (s.has("secret_push_protection_enabled")) {
        p.put(
            "secret_push_protection_enabled", s.path("secret_push_protection_enabled").asBoolean());
      }
    }
    ObjectNode permissions = p.putObject("permissions");
    permissions.putNull("project_access");
    permissions.putNull("group_access");
    return p;
  }

  ObjectNode protectedBranch(JsonNode spec, long id) {
    ObjectNode b = JSON.objectNode();
    b.put("id", id);
    b.put("name", spec.path("name").asText());
    b.set("push_access_levels", accessLevels(spec.path("push"), id * 10));
    b.set("merge_access_levels", accessLevels(spec.path("merge"), id * 10 + 5));
    b.set("unprotect_access_levels", JSON.arrayNode());
    b.put("allow_force_push", spec.path("allow_force_push").asBoolean(false));
    b.put(
        "code_owner_approval_required", spec.path("code_owner_approval_required").asBoolean(false));
    b.put("inherited", false);
    return b;
  }

  /** Entries like push_access_levels: roles by name, or {user: name} / {deploy_key: title}. */
  ArrayNode accessLevels(JsonNode entries, long firstId) {
    ArrayNode out = JSON.arrayNode();
    long id = firstId;
    for (JsonNode e : entries) {
      ObjectNode a = out.addObject();
      a.put("id", id++);
      if (e.isObject() && e.has("user")) {
        a.put("access_level", 40);
        a.put("access_level_description", title(e.path("user").asText()));
        a.put("user_id", 7000 + Math.abs(e.path("user").asText().hashCode() % 1000));
        a.putNull("group_id");
      } else if (e.isObject() && e.has("deploy_key")) {
        a.put("access_level", 40);
        a.put("access_level_description", e.path("deploy_key").asText());
        a.put("deploy_key_id", 70 + Math.abs(e.path("deploy_key").asText().hashCode() % 10));
      } else {
        int level = level(e.asText());
        a.put("access_level", level);
        a.put("access_level_description", description(level));
        a.putNull("user_id");
        a.putNull("group_id");
      }
    }
    return out;
  }

  ObjectNode approvals(JsonNode spec, int approvalsBeforeMerge) {
    ObjectNode a = JSON.objectNode();
    a.putArray("approvers");
    a.putArray("approver_groups");
    a.put("approvals_before_merge", approvalsBeforeMerge);
    a.put("reset_approvals_on_push", spec.path("reset_approvals_on_push").asBoolean(true));
    a.put("selective_code_owner_removals", false);
    a.put(
        "disable_overriding_approvers_per_merge_request",
        spec.path("disable_overriding_approvers_per_merge_request").asBoolean(false));
    a.put(
        "merge_requests_author_approval",
        spec.path("merge_requests_author_approval").asBoolean(false));
    a.put(
        "merge_requests_disable_committers_approval",
        spec.path("merge_requests_disable_committers_approval").asBoolean(false));
    a.put("require_password_to_approve", false);
    a.put("require_reauthentication_to_approve", false);
    return a;
  }

  ObjectNode approvalRule(JsonNode spec, long id, JsonNode protectedBranches) {
    ObjectNode r = JSON.objectNode();
    r.put("id", id);
    r.put("name", spec.path("name").asText("Rule"));
    r.put("rule_type", spec.path("rule_type").asText("regular"));
    r.putNull("report_type");
    r.putArray("eligible_approvers");
    r.put("approvals_required", spec.path("approvals_required").asInt(0));
    r.putArray("users");
    r.putArray("groups");
    r.put("contains_hidden_groups", false);
    ArrayNode branches = r.putArray("protected_branches");
    long pbId = 1;
    for (JsonNode name : spec.path("protected_branches")) {
      for (JsonNode pb : protectedBranches) {
        if (pb.path("name").asText().equals(name.asText())) {
          branches.add(protectedBranch(pb, pbId));
        }
      }
      pbId++;
    }
    r.put(
        "applies_to_all_protected_branches",
        spec.path("applies_to_all_protected_branches").asBoolean(false));
    return r;
  }

  ObjectNode pushRule(JsonNode spec, long projectId) {
    ObjectNode r = JSON.objectNode();
    r.put("id", projectId);
    r.put("project_id", projectId);
    r.putNull("commit_message_regex");
    r.putNull("commit_message_negative_regex");
    r.putNull("branch_name_regex");
    r.put("deny_delete_tag", false);
    r.put("created_at", CREATED);
    r.put("member_check", false);
    r.put("prevent_secrets", spec.path("prevent_secrets").asBoolean(false));
    r.putNull("author_email_regex");
    r.putNull("file_name_regex");
    r.put("max_file_size", 0);
    r.put("commit_committer_check", false);
    r.put("commit_committer_name_check", false);
    r.put("reject_unsigned_commits", spec.path("reject_unsigned_commits").asBoolean(false));
    r.put("reject_non_dco_commits", false);
    return r;
  }

  ObjectNode variable(JsonNode spec) {
    ObjectNode v = JSON.objectNode();
    v.put("variable_type", spec.path("variable_type").asText("env_var"));
    v.put("key", spec.path("key").asText());
    boolean hidden = spec.path("hidden").asBoolean(false);
    if (hidden) {
      v.putNull("value");
    } else {
      v.put("value", spec.path("value").asText(""));
    }
    v.put("protected", spec.path("protected").asBoolean(false));
    v.put("masked", spec.path("masked").asBoolean(false) || hidden);
    v.put("hidden", hidden);
    v.put("raw", spec.path("raw").asBoolean(false));
    v.put("environment_scope", spec.path("environment_scope").asText("*"));
    v.putNull("description");
    return v;
  }

  ObjectNode accessToken(JsonNode spec, long userId) {
    ObjectNode t = JSON.objectNode();
    t.put("id", spec.path("id").asLong());
    t.put("name", spec.path("name").asText());
    t.put("revoked", spec.path("revoked").asBoolean(false));
    t.put("created_at", "2025-02-03T10:00:00.000Z");
    t.putNull("description");
    t.set("scopes", spec.path("scopes").deepCopy());
    t.put("user_id", userId);
    t.put("last_used_at", spec.path("last_used_at").asText(null));
    t.put("active", spec.path("active").asBoolean(true));
    copyDate(spec, t, "expires_at");
    if (spec.has("access_level")) {
      t.put("access_level", spec.path("access_level").asInt());
    }
    return t;
  }

  ObjectNode deployToken(JsonNode spec) {
    ObjectNode t = JSON.objectNode();
    t.put("id", spec.path("id").asLong());
    t.put("name", spec.path("name").asText());
    t.put("username", "gitlab+deploy-token-" + spec.path("id").asLong());
    copyDate(spec, t, "expires_at");
    t.put("revoked", spec.path("revoked").asBoolean(false));
    t.put("expired", spec.path("expired").asBoolean(false));
    t.set("scopes", spec.path("scopes").deepCopy());
    return t;
  }

  ObjectNode deployKey(JsonNode spec) {
    ObjectNode k = JSON.objectNode();
    k.put("id", spec.path("id").asLong());
    k.put("title", spec.path("title").asText());
    k.put(
        "key",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ" + spec.path("id").asLong() + "exampleKeyBody");
    k.put("fingerprint_sha256", "SHA256:example" + spec.path("id").asLong());
    k.put("created_at", "2024-06-01T12:00:00.000Z");
    copyDate(spec, k, "expires_at");
    k.put("can_push", spec.path("can_push").asBoolean(false));
    return k;
  }

  ObjectNode hook(JsonNode spec, String holderField, long holderId, boolean reportsTokens) {
    ObjectNode h = JSON.objectNode();
    h.put("id", spec.path("id").asLong());
    h.put("url", spec.path("url").asText());
    h.put("name", spec.path("name").asText(""));
    h.put("description", "");
    h.put(holderField, holderId);
    h.put("push_events", true);
    h.put("push_events_branch_filter", "");
    h.put("branch_filter_strategy", "wildcard");
    h.put("issues_events", false);
    h.put("confidential_issues_events", false);
    h.put("merge_requests_events", true);
    h.put("tag_push_events", true);
    h.put("note_events", false);
    h.put("confidential_note_events", false);
    h.put("job_events", false);
    h.put("pipeline_events", true);
    h.put("wiki_page_events", false);
    h.put("deployment_events", true);
    h.put("releases_events", true);
    h.put("enable_ssl_verification", spec.path("enable_ssl_verification").asBoolean(true));
    h.put("repository_update_events", false);
    h.put("alert_status", "executable");
    h.putNull("disabled_until");
    h.putArray("url_variables");
    h.put("created_at", "2024-01-15T09:00:00.000Z");
    h.put("resource_access_token_events", false);
    h.put("custom_webhook_template", "");
    ArrayNode headers = h.putArray("custom_headers");
    spec.path("custom_headers").forEach(k -> headers.addObject().put("key", k.asText()));
    if (reportsTokens) {
      h.put("token_present", spec.path("token_present").asBoolean(false));
      h.put("signing_token_present", spec.path("signing_token_present").asBoolean(false));
    }
    return h;
  }

  /** A runner as listed (GET /projects/:id/runners). */
  ObjectNode runner(JsonNode spec) {
    String type = spec.path("runner_type").asText("project_type");
    ObjectNode r = JSON.objectNode();
    r.put("id", spec.path("id").asLong());
    r.put("description", spec.path("description").asText());
    r.put("ip_address", (String) null);
    r.put("active", !spec.path("paused").asBoolean(false));
    r.put("paused", spec.path("paused").asBoolean(false));
    r.put("is_shared", type.equals("instance_type"));
    r.put("runner_type", type);
    r.put("name", "gitlab-runner");
    r.put("online", true);
    r.put("status", "online");
    return r;
  }

  /** A runner's details (GET /runners/:id). */
  ObjectNode runnerDetails(JsonNode spec, ArrayNode projects, ArrayNode groups) {
    ObjectNode r = runner(spec);
    r.put("architecture", "amd64");
    r.put("platform", "linux");
    r.put("contacted_at", "2026-11-26T09:58:00.000Z");
    r.put("maintenance_note", (String) null);
    r.set("projects", projects);
    r.set("groups", groups);
    r.put("revision", "a1b2c3d4");
    r.set("tag_list", spec.path("tag_list").deepCopy());
    r.put("run_untagged", spec.path("run_untagged").asBoolean(true));
    r.put("locked", spec.path("locked").asBoolean(false));
    r.put("version", "17.9.0");
    r.put("access_level", spec.path("access_level").asText("not_protected"));
    r.put("maximum_timeout", 3600);
    return r;
  }

  ObjectNode environment(JsonNode spec, long id) {
    ObjectNode e = JSON.objectNode();
    e.put("id", id);
    e.put("name", spec.path("name").asText());
    e.put("slug", spec.path("name").asText().replace('/', '-'));
    e.put("external_url", "https://" + spec.path("name").asText() + ".acme.example");
    e.put("state", "available");
    if (spec.has("tier")) {
      e.put("tier", spec.path("tier").asText());
    }
    e.put("created_at", CREATED);
    e.put("updated_at", CREATED);
    return e;
  }

  ObjectNode protectedEnvironment(JsonNode spec) {
    ObjectNode e = JSON.objectNode();
    e.put("name", spec.path("name").asText());
    ArrayNode levels = accessLevels(spec.path("deploy_access_levels"), 900);
    levels.forEach(l -> ((ObjectNode) l).put("group_inheritance_type", 0));
    e.set("deploy_access_levels", levels);
    int approvals = spec.path("required_approvals").asInt(0);
    e.put("required_approval_count", 0);
    ArrayNode rules = e.putArray("approval_rules");
    if (approvals > 0) {
      ObjectNode rule = rules.addObject();
      rule.put("id", 1);
      rule.putNull("user_id");
      rule.putNull("group_id");
      rule.put("access_level", 40);
      rule.put("access_level_description", "Maintainers");
      rule.put("required_approvals", approvals);
      rule.put("group_inheritance_type", 0);
    }
    return e;
  }

  static int level(String role) {
    return switch (role) {
      case "no one" -> 0;
      case "minimal-access" -> 5;
      case "guest" -> 10;
      case "planner" -> 15;
      case "reporter" -> 20;
      case "developer" -> 30;
      case "maintainer" -> 40;
      case "owner" -> 50;
      case "admin" -> 60;
      default -> throw new IllegalArgumentException("Unknown GitLab role '" + role + "'");
    };
  }

  private static String description(int level) {
    return switch (level) {
      case 0 -> "No one";
      case 30 -> "Developers + Maintainers";
      case 40 -> "Maintainers";
      case 60 -> "Admins";
      default -> "Level " + level;
    };
  }

  private static void copyDate(JsonNode spec, ObjectNode target, String field) {
    JsonNode v = spec.path(field);
    if (v.isTextual()) {
      target.put(field, v.asText());
    } else {
      target.putNull(field);
    }
  }

  private static String title(String username) {
    StringBuilder out = new StringBuilder();
    for (String part : username.split("[-_.]")) {
      if (!part.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ")
            .append(Character.toUpperCase(part.charAt(0)))
            .append(part.substring(1));
      }
    }
    return out.toString();
  }
}
