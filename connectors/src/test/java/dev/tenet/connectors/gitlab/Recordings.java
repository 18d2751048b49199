package dev.tenet.connectors.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The recorded Acme group: every response starts from a gitlab4j-api sample (see SOURCE.md) and
 * changes only the values the scenario needs. {@code planted} switches between a group set up well
 * and the same group with one misconfiguration per weakness.
 *
 * <pre>
 * acme (10)                       top group: 2FA, SAML, owners, group variables/tokens/hooks
 *   acme/platform (11)
 *     acme/platform/web (102)     public project: runners, job logs
 *     acme/platform/payments (12) nested subgroup
 *       .../payments/api (101)    the project most weaknesses live in
 *       .../payments/ledger (103) default branch protection
 *       .../payments/billing (104) approvals
 * </pre>
 */
final class Recordings {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final String API = "acme/platform/payments/api";

  private Recordings() {}

  /** A deep copy of a sample file, with changes applied. */
  static ObjectNode sample(String file, Consumer<ObjectNode> changes) {
    JsonNode json = load(file);
    // List samples (deploy-tokens.json) lend their first element.
    ObjectNode o = (ObjectNode) (json.isArray() ? json.get(0) : json).deepCopy();
    changes.accept(o);
    return o;
  }

  static ArrayNode sampleList(String file) {
    return (ArrayNode) load(file).deepCopy();
  }

  static JsonNode load(String file) {
    try (InputStream in = Recordings.class.getResourceAsStream("gitlab4j/" + file)) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void serve(ReplayServer s, boolean planted) {
    // Instance and token
    s.on("/metadata", JSON.objectNode().put("version", "19.0.1-ee").put("enterprise", true));
    s.on("/user", sample("user.json", u -> u.put("username", "tenet").put("is_admin", true)));
    s.on(
        "/personal_access_tokens/self",
        sample(
            "personal-access-token.json",
            t -> {
              if (!planted) {
                scopes(t, "read_api", "read_repository");
                t.put("expires_at", "2027-06-30");
              }
            }));
    s.on("/namespaces/10", JSON.objectNode().put("id", 10).put("full_path", "acme"));

    // Groups: acme > acme/platform > acme/platform/payments
    ObjectNode acme = group(10, "acme", null);
    acme.put("require_two_factor_authentication", !planted).put("two_factor_grace_period", 48);
    s.on("/groups/acme", acme);
    ObjectNode platform = group(11, "acme/platform", 10L);
    ObjectNode payments = group(12, "acme/platform/payments", 11L);
    payments.put("require_two_factor_authentication", true).put("two_factor_grace_period", 24);
    s.list("/groups/10/descendant_groups", List.of(platform, payments));

    // Members: read two at a time, as GitLab pages them.
    List<JsonNode> top = new ArrayList<>();
    top.add(member(1, "alice", 50, true));
    top.add(member(2, "bob", 30, !planted));
    top.add(member(3, "carol", 50, true));
    top.add(member(4, "dave", 40, true));
    top.add(member(5, "group_10_bot_3f2a", 40, null));
    if (planted) {
      for (String owner : List.of("erin", "frank", "gina", "hank")) {
        top.add(member(10 + owner.length(), owner, 50, true));
      }
    }
    s.pages("/groups/10/members/all", top, 2);
    s.pages("/groups/10/members", top, 2);
    s.list("/groups/11/members/all", top);
    s.list("/groups/11/members", List.of());
    List<JsonNode> paymentsAll = new ArrayList<>(top);
    paymentsAll.add(member(30, "kim", 30, true));
    s.list("/groups/12/members/all", paymentsAll);
    s.list("/groups/12/members", List.of(member(30, "kim", 30, true)));
    s.list(
        "/groups/10/billable_members",
        List.of(
            billable("alice", "2026-11-20"),
            billable("bob", "2026-11-21"),
            billable("carol", planted ? "2025-01-10" : "2026-11-02"),
            billable("dave", "2026-11-25")));
    s.list(
        "/users",
        planted ? List.of(JSON.objectNode().put("id", 2).put("username", "bob")) : List.of());
    s.list("/groups/10/saml_group_links", List.of(sample("saml-group-link.json", l -> {})));

    // Group credentials and integrations
    s.list(
        "/groups/10/variables",
        List.of(
            variable(
                "REGISTRY_PASSWORD", "Vq8#Lr2!Tz9@Wm4$", true, true, planted ? "*" : "production"),
            variable("LOG_LEVEL", "info", false, false, "*")));
    s.list(
        "/groups/10/access_tokens",
        List.of(
            sample(
                "group-access-token.json",
                t -> {
                  if (planted) {
                    t.putNull("expires_at");
                    t.put("access_level", 50);
                  } else {
                    scopes(t, "read_api");
                    t.put("access_level", 20);
                    t.put("expires_at", "2027-01-01");
                  }
                })));
    s.list(
        "/groups/10/hooks",
        List.of(sample("group-hook.json", h -> h.put("token_present", !planted))));
    s.list("/groups/10/runners", List.of(runnerListed(6, "group_type")));
    for (int g : new int[] {10, 11, 12}) {
      if (g != 10) {
        s.list("/groups/" + g + "/variables", List.of());
        s.list("/groups/" + g + "/access_tokens", List.of());
        s.list("/groups/" + g + "/hooks", List.of());
        s.list("/groups/" + g + "/runners", List.of());
      }
      s.list("/groups/" + g + "/deploy_tokens", List.of());
      s.list("/groups/" + g + "/protected_environments", List.of());
    }

    // Projects
    List<JsonNode> projects = new ArrayList<>();
    projects.add(project(101, API, 12, "private", planted));
    projects.add(project(102, "acme/platform/web", 11, "public", planted));
    projects.add(project(103, "acme/platform/payments/ledger", 12, "private", false));
    projects.add(project(104, "acme/platform/payments/billing", 12, "private", false));
    s.list("/groups/10/projects", projects);
    for (int id = 101; id <= 104; id++) {
      cleanProject(s, id);
    }
    if (planted) {
      plantApi(s);
      // web: public with a self-managed instance runner, logs open to everyone
      s.list("/projects/102/runners", List.of(runnerListed(1, "instance_type")));
      // ledger: nothing protects main
      s.list("/projects/103/protected_branches", List.of());
      // billing: protected, but approvals are optional
      s.list(
          "/projects/104/approval_rules",
          List.of(
              sample(
                  "approval-rule.json",
                  r ->
                      r.put("approvals_required", 0)
                          .put("applies_to_all_protected_branches", true))));
    }
    s.on("/runners/6", runnerDetail(6, "group_type", false, false));
    s.on("/runners/8", runnerDetail(8, "project_type", true, false));
    s.on("/runners/1", runnerDetail(1, "instance_type", true, false));
  }

  private static void cleanProject(ReplayServer s, int id) {
    String p = "/projects/" + id;
    s.list(
        p + "/protected_branches",
        List.of(
            sample(
                "protected-branch.json",
                b -> {
                  b.put("name", "main");
                  b.set("push_access_levels", levels(0));
                  b.set("merge_access_levels", levels(40));
                  b.put("code_owner_approval_required", true);
                })));
    s.on(
        p + "/approvals",
        sample(
            "project-approvals-config.json",
            a ->
                a.put("merge_requests_disable_committers_approval", true)
                    .put("disable_overriding_approvers_per_merge_request", true)));
    s.list(
        p + "/approval_rules",
        List.of(
            sample(
                "approval-rule.json",
                r ->
                    r.put("applies_to_all_protected_branches", true)
                        .put("approvals_required", 2))));
    s.on(
        p + "/push_rule",
        sample(
            "push-rule.json",
            r -> r.put("reject_unsigned_commits", true).put("prevent_secrets", true)));
    List<JsonNode> vars = new ArrayList<>();
    sampleList("project-variables.json").forEach(vars::add);
    vars.add(variable("DEPLOY_TOKEN", "glpat-EXAMPLEexample0000000000", true, true, "*"));
    vars.add(variable("LOG_LEVEL", "debug", false, false, "*"));
    s.list(p + "/variables", vars);
    ArrayNode keys = sampleList("deploy-keys.json");
    keys.remove(1);
    ((ObjectNode) keys.get(0)).put("expires_at", "2027-01-01");
    s.list(p + "/deploy_keys", List.of(keys.get(0)));
    s.list(p + "/deploy_tokens", List.of(sample("deploy-tokens.json", t -> {})));
    s.list(
        p + "/access_tokens",
        List.of(
            sample(
                "project-access-token.json",
                t -> {
                  scopes(t, "read_repository");
                  t.put("access_level", 20).put("expires_at", "2027-01-01");
                })));
    s.list(
        p + "/hooks",
        List.of(
            sample(
                "hook.json",
                h -> h.put("url", "https://ci.acme.example/hook").put("token_present", true))));
    s.list(p + "/runners", id == 102 ? List.of() : List.of(runnerListed(6, "group_type")));
    s.list(
        p + "/environments",
        List.of(
            sample("environment.json", e -> {}),
            JSON.objectNode().put("id", 2).put("name", "production").put("tier", "production")));
    ObjectNode prod = JSON.objectNode().put("name", "production");
    prod.set("deploy_access_levels", levels(40));
    prod.put("required_approval_count", 1);
    s.list(p + "/protected_environments", List.of(prod));
    s.on(
        p + "/job_token_scope",
        JSON.objectNode().put("inbound_enabled", true).put("outbound_enabled", false));
    s.text(
        p + "/repository/files/.gitlab-ci.yml/raw",
        "include:\n  - local: ci/build.yml\nstages: [build]\n");
    s.text(
        p + "/repository/files/ci%2Fbuild.yml/raw", "build:\n  stage: build\n  script: [make]\n");
  }

  /** One misconfiguration per weakness on the api project. */
  private static void plantApi(ReplayServer s) {
    String p = "/projects/101";
    s.list(
        p + "/protected_branches",
        List.of(
            sample(
                "protected-branch.json",
                b -> {
                  b.put("name", "main");
                  b.set("push_access_levels", levels(30));
                  b.put("allow_force_push", true);
                })));
    s.on(p + "/approvals", sample("project-approvals-config.json", a -> {}));
    s.on(p + "/push_rule", sample("push-rule.json", r -> {}));
    List<JsonNode> vars = new ArrayList<>();
    sampleList("project-variables.json").forEach(vars::add);
    vars.add(variable("DEPLOY_TOKEN", "glpat-EXAMPLEexample0000000000", false, true, "*"));
    vars.add(
        variable(
            "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", true, false, "*"));
    vars.add(variable("LOG_LEVEL", "debug", false, false, "*"));
    s.list(p + "/variables", vars);
    s.list(p + "/deploy_keys", sampleList("deploy-keys.json").valueStream().toList());
    s.list(
        p + "/deploy_tokens",
        List.of(
            sample(
                "deploy-tokens.json",
                t -> {
                  t.putNull("expires_at");
                  scopes(t, "read_registry", "write_registry");
                })));
    s.list(
        p + "/access_tokens",
        List.of(sample("project-access-token.json", t -> t.putNull("expires_at"))));
    s.list(p + "/hooks", List.of(sample("hook.json", h -> h.put("token_present", false))));
    s.list(p + "/runners", List.of(runnerListed(6, "group_type"), runnerListed(8, "project_type")));
    s.list(
        "/projects/104/runners",
        List.of(runnerListed(6, "group_type"), runnerListed(8, "project_type")));
    s.list(p + "/protected_environments", List.of());
    s.on(
        p + "/job_token_scope",
        JSON.objectNode().put("inbound_enabled", false).put("outbound_enabled", false));
  }

  static ObjectNode group(long id, String path, Long parent) {
    return sample(
        "group.json",
        g -> {
          g.put("id", id);
          g.put("full_path", path);
          g.put("path", path.substring(path.lastIndexOf('/') + 1));
          g.put("web_url", "https://gitlab.example.com/groups/" + path);
          if (parent == null) {
            g.putNull("parent_id");
          } else {
            g.put("parent_id", parent);
          }
          g.remove("projects");
          g.remove("shared_projects");
          g.remove("runners_token");
        });
  }

  /** A member; {@code saml} null when the member is a bot without an identity. */
  static ObjectNode member(long id, String username, int level, Boolean saml) {
    ObjectNode m = (ObjectNode) load("members.json").get(2).deepCopy();
    m.put("id", id).put("username", username).put("name", username).put("access_level", level);
    if (saml == null || !saml) {
      m.putNull("group_saml_identity");
    } else {
      ((ObjectNode) m.path("group_saml_identity")).put("extern_uid", "okta|" + username);
    }
    return m;
  }

  static ObjectNode billable(String username, String lastActivity) {
    return JSON.objectNode()
        .put("username", username)
        .put("last_activity_on", lastActivity)
        .put("membership_type", "group_member");
  }

  static ObjectNode variable(String key, String value, boolean prot, boolean masked, String scope) {
    return sample(
        "project-variable-details.json",
        v ->
            v.put("key", key)
                .put("value", value)
                .put("protected", prot)
                .put("masked", masked)
                .put("environment_scope", scope)
                .put("raw", false));
  }

  static ObjectNode project(
      long id, String path, long namespace, String visibility, boolean planted) {
    return sample(
        "project.json",
        p -> {
          String name = path.substring(path.lastIndexOf('/') + 1);
          p.put("id", id).put("path", name).put("name", name).put("path_with_namespace", path);
          p.put("default_branch", "main").put("visibility", visibility).put("archived", false);
          ((ObjectNode) p.path("namespace")).put("id", namespace);
          p.put("only_allow_merge_if_pipeline_succeeds", !(planted && id == 101));
          p.put("allow_merge_on_skipped_pipeline", false);
          p.put("public_jobs", planted && id == 102);
          p.put("builds_access_level", "enabled");
          p.put("ci_allow_fork_pipelines_to_run_in_parent_project", true);
        });
  }

  static ArrayNode levels(int level) {
    ArrayNode a = JSON.arrayNode();
    a.addObject()
        .put("id", level + 1)
        .put("access_level", level)
        .put("access_level_description", "level " + level);
    return a;
  }

  static ObjectNode runnerListed(long id, String type) {
    ObjectNode r = (ObjectNode) load("all-runners.json").get(0).deepCopy();
    r.put("id", id).put("runner_type", type).put("is_shared", type.equals("instance_type"));
    r.put("description", "runner-" + id);
    return r;
  }

  static ObjectNode runnerDetail(long id, String type, boolean untagged, boolean locked) {
    return sample(
        "runner-detail.json",
        r -> {
          r.put("id", id).put("runner_type", type).put("is_shared", type.equals("instance_type"));
          r.put("description", "runner-" + id);
          r.put("run_untagged", untagged).put("locked", locked);
        });
  }

  static void scopes(ObjectNode token, String... scopes) {
    ArrayNode a = token.putArray("scopes");
    for (String sc : scopes) {
      a.add(sc);
    }
  }
}
