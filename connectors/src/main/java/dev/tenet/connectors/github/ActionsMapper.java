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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps GitHub Actions settings, runners and secrets (organization and repository level) into
 * trust-graph facts. Pure and thread-safe, like {@link GitHubMapper}.
 */
final class ActionsMapper {
  private static final String SOURCE = GitHubMapper.SOURCE;

  private final TrustGraph graph;

  ActionsMapper(TrustGraph graph) {
    this.graph = graph;
  }

  /** {@code GET /orgs/{org}/actions/permissions} or {@code /repos/{o}/{r}/actions/permissions}. */
  synchronized void permissions(Entity e, JsonNode json) {
    e.set(Attr.ALLOWED_ACTIONS, text(json, "allowed_actions"))
        .set(Attr.ACTION_PINNING_REQUIRED, bool(json, "sha_pinning_required"));
    if (json.has("enabled")) {
      e.set(Attr.PIPELINES_ENABLED, bool(json, "enabled"));
    }
    if (e.kind() == EntityKind.ORGANIZATION && "none".equals(text(json, "enabled_repositories"))) {
      e.set(Attr.PIPELINES_ENABLED, false);
    }
  }

  /** {@code …/actions/permissions/selected-actions}. */
  synchronized void selectedActions(Entity e, JsonNode json) {
    e.set(Attr.PLATFORM_ACTIONS_ALLOWED, bool(json, "github_owned_allowed"))
        .set(Attr.VERIFIED_ACTIONS_ALLOWED, bool(json, "verified_allowed"))
        .set(Attr.ALLOWED_ACTION_PATTERNS, Fields.texts(json.path("patterns_allowed")));
  }

  /** {@code …/actions/permissions/workflow}. */
  synchronized void workflowPermissions(Entity e, JsonNode json) {
    e.set(Attr.CI_TOKEN_PERMISSIONS, text(json, "default_workflow_permissions"))
        .set(Attr.CI_TOKEN_CAN_APPROVE, bool(json, "can_approve_pull_request_reviews"));
  }

  /** {@code …/actions/permissions/fork-pr-contributor-approval}. */
  synchronized void forkApproval(Entity e, JsonNode json) {
    e.set(Attr.FORK_APPROVAL_POLICY, text(json, "approval_policy"));
  }

  /** {@code …/actions/permissions/fork-pr-workflows-private-repos}. */
  synchronized void privateForks(Entity e, JsonNode json) {
    e.set(Attr.PRIVATE_FORK_PIPELINES, bool(json, "run_workflows_from_fork_pull_requests"))
        .set(
            Attr.PRIVATE_FORK_APPROVAL_REQUIRED,
            bool(json, "require_approval_for_fork_pr_workflows"))
        .set(Attr.PRIVATE_FORK_WRITE_TOKEN, bool(json, "send_write_tokens_to_workflows"))
        .set(Attr.PRIVATE_FORK_SECRETS, bool(json, "send_secrets_and_variables"));
  }

  /** Which repositories Actions may run in, when the organization enables it for some only. */
  synchronized void pipelinesEnabledFor(List<Entity> repositories, Set<String> enabledIds) {
    for (Entity repo : repositories) {
      repo.set(Attr.PIPELINES_ENABLED, enabledIds.contains(repo.id()));
    }
  }

  /**
   * A runner group and who may use it.
   *
   * @param runners the group's runners, or null when unreadable
   * @param users the repositories that may use it: the selected ones, or all that its visibility
   *     admits
   */
  synchronized Entity runnerGroup(
      Entity org, JsonNode json, List<JsonNode> runners, List<Entity> users) {
    Entity group =
        graph.entity(
            ResourceId.part(org.id(), "runner-group", json.path("id").asText()),
            EntityKind.RUNNER_GROUP,
            json.path("name").asText(json.path("id").asText()),
            SOURCE);
    group
        .set(Attr.RUNNER_ACCESS, text(json, "visibility"))
        .set(Attr.PUBLIC_REPOSITORIES_ALLOWED, bool(json, "allows_public_repositories"))
        .set(Attr.RESTRICTED_TO_WORKFLOWS, bool(json, "restricted_to_workflows"))
        .set(Attr.RUNNER_COUNT, runners == null ? null : (long) runners.size());
    graph.relate(org, RelationKind.CONTAINS, group, SOURCE);
    if (runners != null) {
      for (JsonNode r : runners) {
        runner(group, org.id(), r);
      }
    }
    for (Entity repo : users) {
      graph.relate(repo, RelationKind.RUNS_ON, group, SOURCE);
    }
    return group;
  }

  /**
   * A self-hosted runner, in a runner group (organization runners) or a repository.
   *
   * @param scopeId the organization or repository the runner is registered on
   */
  synchronized Entity runner(Entity container, String scopeId, JsonNode json) {
    Entity runner =
        graph.entity(
            ResourceId.part(scopeId, "runner", json.path("id").asText()),
            EntityKind.RUNNER,
            json.path("name").asText(json.path("id").asText()),
            SOURCE);
    runner
        .set(Attr.EPHEMERAL, bool(json, "ephemeral"))
        .set(Attr.STATUS, text(json, "status"))
        .set(Attr.LABELS, json.path("labels").findValuesAsText("name"));
    graph.relate(container, RelationKind.CONTAINS, runner, SOURCE);
    if (container.kind() == EntityKind.REPOSITORY) {
      graph.relate(container, RelationKind.RUNS_ON, runner, SOURCE);
    }
    return runner;
  }

  /**
   * An organization secret (Actions or Dependabot) and the repositories that can read it.
   *
   * @param kind "secret" or "dependabot-secret"
   * @param readers the repositories that can read it, or null when not known
   */
  synchronized Entity organizationSecret(
      Entity org, String kind, JsonNode json, List<Entity> readers) {
    Entity secret = secret(org, ResourceId.part(org.id(), kind, json.path("name").asText()), json);
    secret.set(Attr.SHARED_WITH, text(json, "visibility"));
    if (readers != null) {
      for (Entity repo : readers) {
        graph.relate(repo, RelationKind.READS_SECRET, secret, SOURCE);
      }
    }
    return secret;
  }

  synchronized Entity repositorySecret(Entity repo, JsonNode json) {
    Entity secret =
        secret(repo, ResourceId.part(repo.id(), "secret", json.path("name").asText()), json);
    graph.relate(repo, RelationKind.READS_SECRET, secret, SOURCE);
    return secret;
  }

  synchronized Entity environmentSecret(Entity repo, Entity environment, JsonNode json) {
    Entity secret =
        secret(
            environment,
            ResourceId.part(
                repo.id(), "env-secret", environment.name() + "/" + json.path("name").asText()),
            json);
    graph.relate(environment, RelationKind.READS_SECRET, secret, SOURCE);
    return secret;
  }

  private Entity secret(Entity container, String id, JsonNode json) {
    Entity secret = graph.entity(id, EntityKind.SECRET, json.path("name").asText(), SOURCE);
    secret
        .set(Attr.CREATED_AT, instant(json, "created_at"))
        .set(Attr.UPDATED_AT, instant(json, "updated_at"));
    graph.relate(container, RelationKind.CONTAINS, secret, SOURCE);
    return secret;
  }

  /** Repository ids of a list of repositories (as GitHub returns them in selection lists). */
  static Set<String> ids(GitHubMapper mapper, List<JsonNode> repositories) {
    Set<String> out = new HashSet<>();
    repositories.forEach(r -> out.add(mapper.repositoryId(r.path("full_name").asText())));
    return out;
  }
}
