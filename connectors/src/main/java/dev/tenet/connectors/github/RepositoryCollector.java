package dev.tenet.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.scan.CollectContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one repository: default-branch protection (classic and rulesets), direct collaborators,
 * deploy keys, webhooks, environments with their secrets, Actions secrets and settings, runners,
 * security features and the workflow files. Endpoints whose answer is already implied by what the
 * organization or the repository list said are skipped, so a first scan stays within about a dozen
 * requests per repository.
 */
final class RepositoryCollector {
  private final GitHubFetch fetch;
  private final GitHubMapper mapper;
  private final ActionsMapper actions;
  private final CollectContext context;
  private final OrganizationCollector.ActionsFacts orgActions;
  private final Map<Long, JsonNode> orgRulesets;

  RepositoryCollector(
      GitHubFetch fetch,
      GitHubMapper mapper,
      ActionsMapper actions,
      CollectContext context,
      OrganizationCollector.ActionsFacts orgActions,
      Map<Long, JsonNode> orgRulesets) {
    this.fetch = fetch;
    this.mapper = mapper;
    this.actions = actions;
    this.context = context;
    this.orgActions = orgActions;
    this.orgRulesets = orgRulesets;
  }

  void collect(JsonNode json) throws InterruptedException {
    String fullName = json.path("full_name").asText();
    Entity repo = mapper.repositoryEntity(fullName);
    if (repo.isTrue(Attr.ARCHIVED)) {
      return; // Read-only: nothing in it can change or run.
    }
    String id = repo.id();
    String path = "/repos/" + encodePath(fullName);
    // The token's own role; false means every admin-only endpoint would refuse.
    boolean notAdmin =
        json.path("permissions").path("admin").isBoolean()
            && !json.path("permissions").path("admin").asBoolean();
    String branch = json.path("default_branch").asText("");

    if (!branch.isEmpty()) {
      protection(fullName, id, path, branch, notAdmin);
    }
    context.cancellation().check();
    List<JsonNode> collaborators =
        fetch.list(
            path + "/collaborators?affiliation=direct&per_page=100",
            null,
            id,
            "collaborators",
            GitHubPermissions.REPO_ADMIN);
    if (collaborators != null) {
      mapper.collaborators(fullName, collaborators);
    } else {
      mapper.accessListed(false);
    }
    JsonNode security = json.path("security_and_analysis");
    if (notAdmin) {
      fetch.blind.add(
          id,
          "deploy keys, webhooks, Actions secrets and vulnerability alerts",
          "the token is not an administrator of the repository",
          GitHubPermissions.REPO_ADMIN);
    } else {
      security = adminOnly(fullName, id, path, json);
    }
    environments(fullName, repo, path);
    context.cancellation().check();
    boolean pipelines = !repo.isFalse(Attr.PIPELINES_ENABLED);
    if (pipelines) {
      actionsSettings(repo, id, path, notAdmin);
    }
    List<JsonNode> workflows =
        pipelines || !repo.has(Attr.PIPELINES_ENABLED) ? workflows(fullName, id, path) : List.of();
    codeScanning(fullName, repo, path, security, workflows);
    fetch.blind.flush(id);
  }

  private void protection(String fullName, String id, String path, String branch, boolean notAdmin)
      throws InterruptedException {
    String branchPart = "/branches/" + GitHubConnector.encode(branch);
    // Rulesets that apply to the repository, its own and the organization's, in any mode.
    List<JsonNode> rulesets =
        fetch.listOrNone(
            path + "/rulesets?per_page=100", null, id, "rulesets", GitHubPermissions.REPO_METADATA);
    Map<Long, JsonNode> known = new HashMap<>();
    boolean anyActive = false;
    if (rulesets != null) {
      for (JsonNode r : rulesets) {
        long rulesetId = r.path("id").asLong();
        boolean own = !"Organization".equals(r.path("source_type").asText());
        if (own) {
          mapper.ruleset(id, r, null);
        }
        known.put(rulesetId, orgRulesets.getOrDefault(rulesetId, r));
        anyActive |= "active".equals(r.path("enforcement").asText());
      }
    }
    JsonNode rules;
    if (rulesets != null && !anyActive) {
      rules = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    } else {
      List<JsonNode> list =
          fetch.listOrNone(
              path + "/rules" + branchPart + "?per_page=100",
              null,
              id,
              "the rules of branch " + branch,
              GitHubPermissions.REPO_METADATA);
      rules = list == null ? null : toArray(list);
    }
    if (rules != null) {
      // Bypass actors live in the ruleset itself: read the repository's own active ones.
      List<Long> own = new ArrayList<>();
      for (JsonNode rule : rules) {
        long rulesetId = rule.path("ruleset_id").asLong();
        if (!"Organization".equals(rule.path("ruleset_source_type").asText())
            && !own.contains(rulesetId)) {
          own.add(rulesetId);
        }
      }
      for (long rulesetId : own) {
        if (notAdmin) {
          break; // Bypass lists are shown to administrators only.
        }
        JsonNode detail =
            fetch.object(
                path + "/rulesets/" + rulesetId,
                id,
                "who may bypass the rulesets",
                GitHubPermissions.REPO_ADMIN);
        if (detail != null) {
          known.put(rulesetId, detail);
          mapper.ruleset(id, detail, detail);
        }
      }
    }
    JsonNode classic = null;
    boolean classicKnown = false;
    if (notAdmin) {
      fetch.blind.add(
          id,
          "the branch protection of " + branch,
          "the token is not an administrator of the repository",
          GitHubPermissions.REPO_ADMIN);
    } else {
      try {
        classic = fetch.api.getJson(path + branchPart + "/protection");
        classicKnown = true;
      } catch (ApiException e) {
        String reason = e.reason().toLowerCase(Locale.ROOT);
        if (e.kind() == ApiException.Kind.NOT_FOUND
            && (reason.contains("not protected") || reason.contains("branch not found"))) {
          classicKnown = true; // GitHub's answer for a branch without a protection rule.
        } else {
          fetch.blind.add(
              id, "the branch protection of " + branch, e, GitHubPermissions.REPO_ADMIN);
        }
      }
    }
    mapper.defaultBranchProtection(fullName, branch, classicKnown, classic, rules, known);
  }

  /** Reads what only administrators see; returns the repository's security settings. */
  private JsonNode adminOnly(String fullName, String id, String path, JsonNode json)
      throws InterruptedException {
    Entity repo = mapper.repositoryEntity(fullName);
    List<JsonNode> keys =
        fetch.list(
            path + "/keys?per_page=100", null, id, "deploy keys", GitHubPermissions.REPO_ADMIN);
    if (keys != null) {
      keys.forEach(k -> mapper.deployKey(fullName, k));
    }
    List<JsonNode> hooks =
        fetch.list(
            path + "/hooks?per_page=100", null, id, "webhooks", GitHubPermissions.REPO_HOOKS);
    if (hooks != null) {
      hooks.forEach(h -> mapper.hook(id, h));
    }
    List<JsonNode> secrets =
        fetch.list(
            path + "/actions/secrets?per_page=100",
            "secrets",
            id,
            "Actions secrets",
            GitHubPermissions.REPO_SECRETS);
    if (secrets != null) {
      secrets.forEach(s -> actions.repositorySecret(repo, s));
    }
    JsonNode security = json.path("security_and_analysis");
    if (!security.isObject()) {
      // Some servers leave security settings out of lists: the repository itself has them.
      JsonNode full = fetch.object(path, id, "security settings", GitHubPermissions.SECURITY);
      if (full != null && full.path("security_and_analysis").isObject()) {
        security = full.path("security_and_analysis");
        mapper.securitySettings(fullName, security);
      }
    }
    // Security updates need alerts, so they answer the question without another request.
    Boolean alerts =
        Boolean.TRUE.equals(Fields.enabled(security, "dependabot_security_updates"))
            ? Boolean.TRUE
            : null;
    if (alerts == null) {
      try {
        fetch.api.get(path + "/vulnerability-alerts");
        alerts = true;
      } catch (ApiException e) {
        if (e.kind() == ApiException.Kind.NOT_FOUND) {
          alerts = false; // GitHub's answer when alerts are off.
        } else {
          fetch.blind.add(id, "vulnerability alerts", e, GitHubPermissions.SECURITY);
        }
      }
    }
    if (alerts != null) {
      mapper.vulnerabilityAlerts(fullName, alerts);
    }
    if (!security.isObject()) {
      fetch.blind.add(
          id,
          "secret scanning and push protection",
          "GitHub shows security settings to repository administrators only",
          GitHubPermissions.SECURITY);
    }
    return security;
  }

  private void environments(String fullName, Entity repo, String path) throws InterruptedException {
    String id = repo.id();
    List<JsonNode> envs =
        fetch.list(
            path + "/environments?per_page=100",
            "environments",
            id,
            "deployment environments",
            GitHubPermissions.ENVIRONMENTS);
    if (envs == null) {
      return;
    }
    for (JsonNode env : envs) {
      String name = env.path("name").asText();
      String envPath = path + "/environments/" + GitHubConnector.encode(name);
      List<String> patterns = null;
      if (env.path("deployment_branch_policy").path("custom_branch_policies").asBoolean(false)) {
        List<JsonNode> policies =
            fetch.list(
                envPath + "/deployment-branch-policies?per_page=100",
                "branch_policies",
                id,
                "the deployment branches of environment " + name,
                GitHubPermissions.ENVIRONMENTS);
        if (policies != null) {
          patterns = policies.stream().map(p -> p.path("name").asText()).toList();
        }
      }
      Entity environment = mapper.environment(fullName, env, patterns);
      List<JsonNode> secrets =
          fetch.list(
              envPath + "/secrets?per_page=100",
              "secrets",
              id,
              "environment secrets",
              GitHubPermissions.ENVIRONMENTS);
      if (secrets != null) {
        secrets.forEach(s -> actions.environmentSecret(repo, environment, s));
      }
    }
  }

  private void actionsSettings(Entity repo, String id, String path, boolean notAdmin)
      throws InterruptedException {
    String base = path + "/actions/permissions";
    String what = "Actions settings";
    if (orgActions.repositorySettingsNeeded()) {
      if (notAdmin) {
        fetch.blind.add(
            id,
            what,
            "the token is not an administrator of the repository",
            GitHubPermissions.REPO_ACTIONS);
      } else {
        JsonNode permissions = fetch.object(base, id, what, GitHubPermissions.REPO_ACTIONS);
        if (permissions != null) {
          actions.permissions(repo, permissions);
          if ("selected".equals(Fields.text(permissions, "allowed_actions"))) {
            JsonNode selected =
                fetch.object(base + "/selected-actions", id, what, GitHubPermissions.REPO_ACTIONS);
            if (selected != null) {
              actions.selectedActions(repo, selected);
            }
          }
        }
        JsonNode workflow =
            fetch.object(base + "/workflow", id, what, GitHubPermissions.REPO_ACTIONS);
        if (workflow != null) {
          actions.workflowPermissions(repo, workflow);
        }
      }
    }
    if ("public".equals(repo.text(Attr.VISIBILITY).orElse(""))) {
      // Public repositories choose their own approval policy for fork pull requests.
      JsonNode fork =
          fetch.object(
              base + "/fork-pr-contributor-approval", id, what, GitHubPermissions.REPO_ACTIONS);
      if (fork != null) {
        actions.forkApproval(repo, fork);
      }
    }
    if (orgActions.repositoryRunnersPossible(id)) {
      List<JsonNode> runners =
          fetch.list(
              path + "/actions/runners?per_page=100",
              "runners",
              id,
              "self-hosted runners",
              GitHubPermissions.REPO_RUNNERS);
      if (runners != null) {
        runners.forEach(r -> actions.runner(repo, id, r));
      }
    }
  }

  /** The workflow files of the default branch, handed over for pipeline analysis. */
  private List<JsonNode> workflows(String fullName, String id, String path)
      throws InterruptedException {
    List<JsonNode> workflows =
        fetch.list(
            path + "/actions/workflows?per_page=100",
            "workflows",
            id,
            "workflows",
            GitHubPermissions.CONTENTS);
    if (workflows == null) {
      return List.of();
    }
    for (JsonNode wf : workflows) {
      String file = wf.path("path").asText();
      if (!file.startsWith(".github/workflows/")) {
        continue; // Dynamic workflows (CodeQL default setup, Dependabot) have no file.
      }
      mapper.workflow(fullName, wf);
      JsonNode content =
          fetch.object(
              path + "/contents/" + encodePath(file),
              id,
              "workflow files",
              GitHubPermissions.CONTENTS);
      if (content == null) {
        continue;
      }
      if (!"base64".equals(content.path("encoding").asText())) {
        fetch.blind.add(
            id,
            "workflow file " + file,
            "GitHub does not inline files this large",
            "read the file in the repository");
        continue;
      }
      byte[] bytes = Base64.getMimeDecoder().decode(content.path("content").asText(""));
      context.source(new SourceFile(id, file, new String(bytes, StandardCharsets.UTF_8)));
    }
    return workflows;
  }

  private void codeScanning(
      String fullName, Entity repo, String path, JsonNode security, List<JsonNode> workflows)
      throws InterruptedException {
    boolean defaultSetup =
        workflows.stream()
            .anyMatch(
                w ->
                    w.path("path").asText().contains("github-code-scanning/codeql")
                        && "active".equals(w.path("state").asText("active")));
    if (defaultSetup) {
      mapper.codeScanning(fullName, true, List.of("CodeQL"));
      return;
    }
    boolean privateRepo = !"public".equals(repo.text(Attr.VISIBILITY).orElse("public"));
    if (privateRepo
        && Boolean.FALSE.equals(Fields.enabled(security, "advanced_security"))
        && !Boolean.TRUE.equals(Fields.enabled(security, "code_security"))) {
      // Private repositories cannot run code scanning without the product.
      mapper.codeScanning(fullName, false, null);
      return;
    }
    Boolean enabled;
    List<String> tools = new ArrayList<>();
    try {
      JsonNode analyses = fetch.api.getJson(path + "/code-scanning/analyses?per_page=1");
      enabled = analyses.isArray() && !analyses.isEmpty();
      analyses.forEach(a -> tools.add(a.path("tool").path("name").asText("unknown")));
    } catch (ApiException e) {
      String reason = e.reason().toLowerCase(Locale.ROOT);
      if (reason.contains("no analysis found")
          || reason.contains("not enabled")
          || reason.contains("must be enabled")) {
        enabled = false;
      } else {
        enabled = defaultSetup(path);
        if (enabled == null) {
          fetch.blind.add(repo.id(), "code scanning", e, GitHubPermissions.CODE_SCANNING);
        }
      }
    }
    if (enabled != null) {
      mapper.codeScanning(fullName, enabled, tools);
    }
  }

  /** CodeQL default setup's state, for servers that do not list analyses; null if unknown. */
  private Boolean defaultSetup(String path) throws InterruptedException {
    try {
      String state =
          fetch.api.getJson(path + "/code-scanning/default-setup").path("state").asText("");
      return state.isEmpty() ? null : state.equals("configured");
    } catch (ApiException e) {
      return null;
    }
  }

  private static JsonNode toArray(List<JsonNode> items) {
    var array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    items.forEach(array::add);
    return array;
  }

  /** A repository full name or file path with each segment percent-encoded. */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (!out.isEmpty()) {
        out.append('/');
      }
      out.append(GitHubConnector.encode(segment));
    }
    return out.toString();
  }
}
