package dev.tenet.core.testing;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.FindingIds;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.WeaknessCatalog;
import java.util.List;
import java.util.Map;

/**
 * Builds pipeline-shaped trust graphs by hand (workflows, jobs, secrets, environments, registries,
 * the internet), following the graph conventions of docs/ARCHITECTURE.md, over a {@link
 * GitHubGraph} organization. Also fabricates findings, standing in for rules another area owns.
 */
public final class PipelineGraph {
  private final GitHubGraph github;

  private PipelineGraph(GitHubGraph github) {
    this.github = github;
  }

  public static PipelineGraph org(String login) {
    return new PipelineGraph(GitHubGraph.org(login));
  }

  public GitHubGraph github() {
    return github;
  }

  public TrustGraph graph() {
    return github.graph();
  }

  public Entity organization() {
    return github.organization();
  }

  /** The one entity standing for anyone on the internet. */
  public Entity internet() {
    return graph().entity("internet:anyone", EntityKind.INTERNET, "anyone on the internet", "test");
  }

  public Entity repository(String name, String visibility) {
    return github.repository(name, visibility);
  }

  /** A workflow file of a repository, started by the given events. */
  public Entity workflow(Entity repo, String file, String... triggers) {
    String path = ".github/workflows/" + file;
    Entity wf =
        graph()
            .entity(ResourceId.part(repo.id(), "workflow", path), EntityKind.WORKFLOW, file, "test")
            .set("path", path)
            .set(Attr.TRIGGERS, List.of(triggers));
    graph().relate(repo, RelationKind.CONTAINS, wf, "test");
    return wf;
  }

  /** The resource id rules use for a workflow's file. */
  public static String fileOf(Entity repo, Entity workflow) {
    return ResourceId.part(repo.id(), "file", workflow.text("path").orElseThrow());
  }

  public Entity job(Entity workflow, String name) {
    String repoId = ResourceId.scopeOf(workflow.id());
    Entity job =
        graph()
            .entity(
                ResourceId.part(repoId, "job", workflow.name() + ":" + name),
                EntityKind.JOB,
                name,
                "test");
    graph().relate(workflow, RelationKind.CONTAINS, job, "test");
    return job;
  }

  /** A repository or organization secret. */
  public Entity secret(Entity owner, String name) {
    Entity secret =
        graph()
            .entity(ResourceId.part(owner.id(), "secret", name), EntityKind.SECRET, name, "test");
    graph().relate(owner, RelationKind.CONTAINS, secret, "test");
    return secret;
  }

  /** A secret of a deployment environment. */
  public Entity environmentSecret(Entity environment, String name) {
    String repoId = ResourceId.scopeOf(environment.id());
    Entity secret =
        graph()
            .entity(
                ResourceId.part(repoId, "secret", environment.name() + "/" + name),
                EntityKind.SECRET,
                name,
                "test");
    graph().relate(environment, RelationKind.CONTAINS, secret, "test");
    return secret;
  }

  /** A deployment environment; reviewers and branch rules are left unknown. */
  public Entity environment(Entity repo, String name) {
    Entity env =
        graph()
            .entity(
                ResourceId.part(repo.id(), "environment", name),
                EntityKind.ENVIRONMENT,
                name,
                "test");
    graph().relate(repo, RelationKind.CONTAINS, env, "test");
    return env;
  }

  /** An environment nobody has to approve and any branch may deploy to. */
  public Entity openEnvironment(Entity repo, String name) {
    return environment(repo, name)
        .set("requiredReviewers", List.of())
        .set("deploymentBranches", "any");
  }

  public Entity registry(String host, String namespace) {
    return graph()
        .entity(
            "oci:" + host + "/" + namespace, EntityKind.REGISTRY, host + "/" + namespace, "test");
  }

  public Entity entity(String id, EntityKind kind, String name) {
    return graph().entity(id, kind, name, "test");
  }

  public Relation relate(Entity from, RelationKind kind, Entity to) {
    return graph().relate(from, kind, to, "test");
  }

  /** A finding as a rule of another area would raise it. */
  public static Finding finding(
      String ruleId, String weakness, String resource, Severity severity) {
    return new Finding(
        FindingIds.of(ruleId, resource, ""),
        ruleId,
        WeaknessCatalog.standard().get(weakness),
        severity,
        WeaknessCatalog.standard().get(weakness).title(),
        weakness + " on " + resource,
        resource,
        null,
        Map.of(),
        List.of("Fix " + weakness + " on " + resource));
  }
}
