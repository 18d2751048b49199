package dev.tenet.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.Parallel;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.scan.Cancellation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads everything the organization sets once for all its repositories: people and their access,
 * teams, webhooks, installed apps, token grants, rulesets, Actions settings, runners and secrets.
 * Each endpoint is read once per scan, 100 items per page.
 */
final class OrganizationCollector {
  /** How far back the audit log API answers (GitHub keeps web events for 180 days). */
  static final Duration AUDIT_WINDOW = Duration.ofDays(180);

  /** What the repository collector needs to know of the organization's Actions settings. */
  record ActionsFacts(
      String allowedActions,
      String ciTokenPermissions,
      Boolean canApprove,
      String repositoryRunners,
      Set<String> repositoryRunnersAllowed) {

    /** Repositories can only tighten these settings, so their own values matter only if unknown. */
    boolean repositorySettingsNeeded() {
      return allowedActions == null || ciTokenPermissions == null || canApprove == null;
    }

    boolean repositoryRunnersPossible(String repoId) {
      return repositoryRunners == null
          || repositoryRunners.equals("all")
          || (repositoryRunners.equals("selected")
              && (repositoryRunnersAllowed == null || repositoryRunnersAllowed.contains(repoId)));
    }
  }

  private final GitHubFetch fetch;
  private final GitHubMapper mapper;
  private final ActionsMapper actions;
  private final String org;
  private final String orgPath;
  private final boolean enterpriseServer;
  private final int threads;
  private final Cancellation cancellation;
  private final Instant scanTime;
  private final Map<Long, JsonNode> rulesetDetails = new ConcurrentHashMap<>();

  OrganizationCollector(
      GitHubFetch fetch,
      GitHubMapper mapper,
      ActionsMapper actions,
      String org,
      boolean enterpriseServer,
      int threads,
      Cancellation cancellation,
      Instant scanTime) {
    this.fetch = fetch;
    this.mapper = mapper;
    this.actions = actions;
    this.org = org;
    this.orgPath = "/orgs/" + GitHubConnector.encode(org);
    this.enterpriseServer = enterpriseServer;
    this.threads = threads;
    this.cancellation = cancellation;
    this.scanTime = scanTime;
  }

  /** The organization rulesets read in full (with their bypass actors), by id. */
  Map<Long, JsonNode> rulesetDetails() {
    return Map.copyOf(rulesetDetails);
  }

  private String orgId() {
    return mapper.orgId();
  }

  /**
   * @param repositories every repository of the organization, already mapped
   */
  ActionsFacts collect(List<Entity> repositories) throws InterruptedException {
    List<String> owners = members();
    cancellation.check();
    outsideCollaborators();
    singleSignOn();
    ownerActivity(owners);
    cancellation.check();
    teams();
    hooks();
    installations();
    tokenGrants();
    rulesets();
    cancellation.check();
    ActionsFacts facts = actionsSettings(repositories);
    runners(repositories);
    secrets(repositories, "actions", "secret");
    secrets(repositories, "dependabot", "dependabot-secret");
    return facts;
  }

  private List<String> members() throws InterruptedException {
    List<JsonNode> owners =
        fetch.list(
            orgPath + "/members?role=admin&per_page=100",
            null,
            orgId(),
            "the organization's owners",
            GitHubPermissions.TEAMS);
    List<JsonNode> everyone =
        fetch.list(
            orgPath + "/members?per_page=100",
            null,
            orgId(),
            "the member list",
            GitHubPermissions.TEAMS);
    if (owners == null || everyone == null) {
      return List.of();
    }
    mapper.members(everyone, owners);
    List<JsonNode> without2fa =
        fetch.list(
            orgPath + "/members?filter=2fa_disabled&per_page=100",
            null,
            orgId(),
            "which members have two-factor authentication",
            GitHubPermissions.OWNER_MEMBERS);
    if (without2fa != null) {
      mapper.twoFactorDisabled(without2fa);
    }
    return owners.stream().map(o -> o.path("login").asText()).toList();
  }

  private void outsideCollaborators() throws InterruptedException {
    List<JsonNode> all =
        fetch.list(
            orgPath + "/outside_collaborators?per_page=100",
            null,
            orgId(),
            "the outside collaborators",
            GitHubPermissions.OWNER_MEMBERS);
    if (all == null) {
      return;
    }
    List<JsonNode> without2fa =
        all.isEmpty()
            ? List.of()
            : fetch.list(
                orgPath + "/outside_collaborators?filter=2fa_disabled&per_page=100",
                null,
                orgId(),
                "which outside collaborators have two-factor authentication",
                GitHubPermissions.OWNER_MEMBERS);
    mapper.outsideCollaborators(all, without2fa);
  }

  /**
   * SAML single sign-on shows through the SSO authorizations of the organization: the endpoint
   * answers only where SAML is set up. The list also shows the classic tokens authorized for SSO,
   * with their scopes and expiry.
   */
  private void singleSignOn() throws InterruptedException {
    if (enterpriseServer) {
      fetch.blind.add(
          orgId(),
          "whether users sign in through an identity provider",
          "GitHub Enterprise Server sets authentication for the whole instance, outside the API",
          "check the instance's Management Console (Authentication)");
      return;
    }
    String plan = mapper.organizationEntity().text(Attr.PLAN).orElse("");
    if (plan.equals("free") || plan.equals("team")) {
      mapper.singleSignOn(false); // SAML SSO needs GitHub Enterprise Cloud.
      return;
    }
    try {
      List<JsonNode> authorizations =
          fetch.api.getAllPages(orgPath + "/credential-authorizations?per_page=100");
      mapper.singleSignOn(true);
      authorizations.forEach(mapper::credentialAuthorization);
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.NOT_FOUND && !plan.isEmpty()) {
        mapper.singleSignOn(false); // An owner's token sees 404 where SAML is not set up.
      } else {
        fetch.blind.add(orgId(), "single sign-on", e, GitHubPermissions.SSO);
      }
    }
  }

  private void ownerActivity(List<String> owners) throws InterruptedException {
    if (owners.isEmpty()) {
      return;
    }
    Instant windowStart = scanTime.minus(AUDIT_WINDOW);
    AtomicBoolean refused = new AtomicBoolean();
    Parallel.forEach(
        owners,
        threads,
        cancellation,
        login -> {
          if (refused.get()) {
            return; // One refusal says it all: the audit log is not readable.
          }
          try {
            JsonNode events =
                fetch.api.getJson(
                    orgPath
                        + "/audit-log?phrase="
                        + GitHubConnector.encode("actor:" + login)
                        + "&per_page=1");
            Instant last = null;
            if (events.isArray() && !events.isEmpty()) {
              JsonNode e = events.get(0);
              if (e.path("@timestamp").canConvertToLong()) {
                last = Instant.ofEpochMilli(e.path("@timestamp").asLong());
              } else {
                last = Fields.instant(e, "created_at");
              }
            }
            mapper.ownerActivity(login, last, windowStart);
          } catch (ApiException e) {
            if (refused.compareAndSet(false, true)) {
              fetch.blind.add(
                  orgId(), "the owners' recent activity", e, GitHubPermissions.AUDIT_LOG);
            }
          }
        });
  }

  private void teams() throws InterruptedException {
    List<JsonNode> teams =
        fetch.list(
            orgPath + "/teams?per_page=100", null, orgId(), "the teams", GitHubPermissions.TEAMS);
    if (teams == null) {
      return;
    }
    Parallel.forEach(
        teams,
        threads,
        cancellation,
        team -> {
          String slug = team.path("slug").asText();
          String teamPath = orgPath + "/teams/" + GitHubConnector.encode(slug);
          List<JsonNode> repos =
              fetch.list(
                  teamPath + "/repos?per_page=100",
                  null,
                  orgId(),
                  "the repositories of team " + slug,
                  GitHubPermissions.TEAMS);
          List<JsonNode> members =
              fetch.list(
                  teamPath + "/members?per_page=100",
                  null,
                  orgId(),
                  "the members of team " + slug,
                  GitHubPermissions.TEAMS);
          mapper.team(team, repos, members);
        });
  }

  private void hooks() throws InterruptedException {
    List<JsonNode> hooks =
        fetch.list(
            orgPath + "/hooks?per_page=100",
            null,
            orgId(),
            "the organization webhooks",
            GitHubPermissions.ORG_HOOKS);
    if (hooks != null) {
      hooks.forEach(h -> mapper.hook(orgId(), h));
    }
  }

  private void installations() throws InterruptedException {
    List<JsonNode> installations =
        fetch.list(
            orgPath + "/installations?per_page=100",
            "installations",
            orgId(),
            "the installed GitHub Apps",
            GitHubPermissions.INSTALLATIONS);
    if (installations != null) {
      installations.forEach(mapper::installation);
    }
  }

  private void tokenGrants() throws InterruptedException {
    List<JsonNode> grants =
        fetch.list(
            orgPath + "/personal-access-tokens?per_page=100",
            null,
            orgId(),
            "the fine-grained personal access tokens granted on the organization",
            GitHubPermissions.PAT_GRANTS);
    if (grants != null) {
      grants.forEach(mapper::tokenGrant);
    }
  }

  private void rulesets() throws InterruptedException {
    List<JsonNode> rulesets =
        fetch.list(
            orgPath + "/rulesets?per_page=100",
            null,
            orgId(),
            "the organization rulesets",
            GitHubPermissions.ORG_RULESETS);
    if (rulesets == null) {
      return;
    }
    Parallel.forEach(
        rulesets,
        threads,
        cancellation,
        summary -> {
          JsonNode detail =
              fetch.object(
                  orgPath + "/rulesets/" + summary.path("id").asText(),
                  orgId(),
                  "the details of organization rulesets (bypass actors)",
                  GitHubPermissions.ORG_RULESETS);
          mapper.ruleset(orgId(), summary, detail);
          if (detail != null) {
            rulesetDetails.put(detail.path("id").asLong(), detail);
          }
        });
  }

  private ActionsFacts actionsSettings(List<Entity> repositories) throws InterruptedException {
    Entity orgEntity = mapper.organizationEntity();
    String base = orgPath + "/actions/permissions";
    String what = "the organization's Actions settings";
    JsonNode permissions = fetch.object(base, orgId(), what, GitHubPermissions.ORG_ACTIONS);
    String allowed = null;
    if (permissions != null) {
      actions.permissions(orgEntity, permissions);
      allowed = Fields.text(permissions, "allowed_actions");
      if ("selected".equals(allowed)) {
        JsonNode selected =
            fetch.object(base + "/selected-actions", orgId(), what, GitHubPermissions.ORG_ACTIONS);
        if (selected != null) {
          actions.selectedActions(orgEntity, selected);
        } else {
          allowed = null;
        }
      }
      String enabled = Fields.text(permissions, "enabled_repositories");
      if ("selected".equals(enabled)) {
        List<JsonNode> enabledRepos =
            fetch.list(
                base + "/repositories?per_page=100",
                "repositories",
                orgId(),
                what,
                GitHubPermissions.ORG_ACTIONS);
        if (enabledRepos != null) {
          actions.pipelinesEnabledFor(repositories, ActionsMapper.ids(mapper, enabledRepos));
        }
      } else if ("none".equals(enabled)) {
        actions.pipelinesEnabledFor(repositories, Set.of());
      }
    }
    JsonNode workflow =
        fetch.object(base + "/workflow", orgId(), what, GitHubPermissions.ORG_ACTIONS);
    if (workflow != null) {
      actions.workflowPermissions(orgEntity, workflow);
    }
    JsonNode fork =
        fetch.object(
            base + "/fork-pr-contributor-approval", orgId(), what, GitHubPermissions.ORG_ACTIONS);
    if (fork != null) {
      actions.forkApproval(orgEntity, fork);
    }
    JsonNode privateForks =
        fetch.object(
            base + "/fork-pr-workflows-private-repos",
            orgId(),
            what,
            GitHubPermissions.ORG_ACTIONS);
    if (privateForks != null) {
      actions.privateForks(orgEntity, privateForks);
    }
    String repositoryRunners = null;
    Set<String> runnerRepos = null;
    try {
      JsonNode runners = fetch.api.getJson(base + "/self-hosted-runners");
      repositoryRunners = Fields.text(runners, "enabled_repositories");
      orgEntity.set(Attr.REPOSITORY_RUNNERS_ALLOWED, repositoryRunners);
      if ("selected".equals(repositoryRunners)) {
        List<JsonNode> selected =
            fetch.list(
                base + "/self-hosted-runners/repositories?per_page=100",
                "repositories",
                orgId(),
                what,
                GitHubPermissions.ORG_ACTIONS);
        runnerRepos = selected == null ? null : ActionsMapper.ids(mapper, selected);
      }
    } catch (ApiException e) {
      // Older servers lack this setting: every repository may then have runners of its own.
    }
    return new ActionsFacts(
        allowed,
        orgEntity.text(Attr.CI_TOKEN_PERMISSIONS).orElse(null),
        orgEntity.bool(Attr.CI_TOKEN_CAN_APPROVE).orElse(null),
        repositoryRunners,
        runnerRepos);
  }

  private void runners(List<Entity> repositories) throws InterruptedException {
    Entity orgEntity = mapper.organizationEntity();
    String what = "the self-hosted runners and runner groups";
    List<JsonNode> groups;
    try {
      groups =
          fetch.api.getAllPages(orgPath + "/actions/runner-groups?per_page=100", "runner_groups");
    } catch (ApiException e) {
      // Without runner groups (plan or permission), the runners themselves still tell a lot.
      fetch.blind.add(
          orgId(), "the runner groups (who may use the runners)", e, GitHubPermissions.ORG_RUNNERS);
      List<JsonNode> runners =
          fetch.list(
              orgPath + "/actions/runners?per_page=100",
              "runners",
              orgId(),
              what,
              GitHubPermissions.ORG_RUNNERS);
      if (runners != null) {
        runners.forEach(r -> actions.runner(orgEntity, orgId(), r));
      }
      return;
    }
    Parallel.forEach(
        groups,
        threads,
        cancellation,
        group -> {
          String groupPath = orgPath + "/actions/runner-groups/" + group.path("id").asText();
          List<JsonNode> runners =
              fetch.list(
                  groupPath + "/runners?per_page=100",
                  "runners",
                  orgId(),
                  what,
                  GitHubPermissions.ORG_RUNNERS);
          List<Entity> users = new ArrayList<>();
          String visibility = group.path("visibility").asText("all");
          if (visibility.equals("selected")) {
            List<JsonNode> selected =
                fetch.list(
                    groupPath + "/repositories?per_page=100",
                    "repositories",
                    orgId(),
                    what,
                    GitHubPermissions.ORG_RUNNERS);
            if (selected != null) {
              Set<String> ids = ActionsMapper.ids(mapper, selected);
              repositories.stream().filter(r -> ids.contains(r.id())).forEach(users::add);
            }
          } else {
            boolean privateOnly = visibility.equals("private");
            for (Entity repo : repositories) {
              if (!privateOnly || !repo.text(Attr.VISIBILITY).orElse("").equals("public")) {
                users.add(repo);
              }
            }
          }
          if (!group.path("allows_public_repositories").asBoolean(true)) {
            // GitHub keeps public repositories off such a group whatever its visibility says.
            users.removeIf(r -> r.text(Attr.VISIBILITY).orElse("").equals("public"));
          }
          actions.runnerGroup(orgEntity, group, runners, users);
        });
  }

  private void secrets(List<Entity> repositories, String product, String kind)
      throws InterruptedException {
    Entity orgEntity = mapper.organizationEntity();
    String what = "the organization's " + product + " secrets";
    List<JsonNode> secrets =
        fetch.list(
            orgPath + "/" + product + "/secrets?per_page=100",
            "secrets",
            orgId(),
            what,
            GitHubPermissions.ORG_SECRETS);
    if (secrets == null) {
      return;
    }
    Parallel.forEach(
        secrets,
        threads,
        cancellation,
        secret -> {
          String visibility = secret.path("visibility").asText("");
          List<Entity> readers = new ArrayList<>();
          switch (visibility) {
            case "all" -> readers.addAll(repositories);
            case "private" ->
                repositories.stream()
                    .filter(r -> !r.text(Attr.VISIBILITY).orElse("").equals("public"))
                    .forEach(readers::add);
            case "selected" -> {
              List<JsonNode> selected =
                  fetch.list(
                      orgPath
                          + "/"
                          + product
                          + "/secrets/"
                          + GitHubConnector.encode(secret.path("name").asText())
                          + "/repositories?per_page=100",
                      "repositories",
                      orgId(),
                      "which repositories can read " + product + " secrets",
                      GitHubPermissions.ORG_SECRETS);
              if (selected == null) {
                readers = null;
              } else {
                Set<String> ids = new HashSet<>(ActionsMapper.ids(mapper, selected));
                repositories.stream().filter(r -> ids.contains(r.id())).forEach(readers::add);
              }
            }
            default -> readers = null;
          }
          actions.organizationSecret(orgEntity, kind, secret, readers);
        });
  }
}
