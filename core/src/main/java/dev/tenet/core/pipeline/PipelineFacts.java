package dev.tenet.core.pipeline;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.pipeline.expr.ContextRef;
import dev.tenet.core.pipeline.expr.ExprOccurrence;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds what pipelines say about trust to the graph, so attack paths can run through them: each
 * workflow (or GitLab configuration) and its jobs; who can trigger them (anyone on the internet
 * through fork pull requests, issues and comments on a public repository; writers of the repository
 * through pushes and manual runs; another workflow through workflow_run); the runners they run on;
 * the actions, reusable workflows and images they use at which ref; the secrets and environments
 * they read; and the OIDC tokens they can mint, with the cloud roles they log in to.
 */
public final class PipelineFacts {
  public static final String SOURCE = "pipeline";

  /** The one entity for "anyone on the internet". */
  public static final String INTERNET = "internet:anyone";

  /** Events anyone can cause on a public repository. */
  static final Set<String> OUTSIDER_EVENTS =
      Set.of(
          "pull_request",
          "pull_request_target",
          "pull_request_review",
          "pull_request_review_comment",
          "issues",
          "issue_comment",
          "discussion",
          "discussion_comment",
          "fork",
          "watch");

  /** Events only people with write access cause. */
  static final Set<String> WRITER_EVENTS =
      Set.of(
          "push",
          "workflow_dispatch",
          "repository_dispatch",
          "release",
          "create",
          "delete",
          "merge_group",
          "deployment",
          "deployment_status",
          "page_build",
          "label",
          "milestone",
          "project",
          "web",
          "api",
          "tag",
          "trigger",
          "merge_request_event");

  private static final Pattern AWS_ROLE =
      Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/([\\w+=,.@/-]+)");

  private PipelineFacts() {}

  public static void addTo(TrustGraph graph, Pipelines pipelines) {
    Entity internet = null;
    for (Pipeline p : pipelines.all()) {
      try {
        internet = add(graph, p, internet);
      } catch (IllegalArgumentException e) {
        // An id already used for another kind of entity (a connector's): keep the scan going.
      }
    }
    for (Pipeline p : pipelines.all()) {
      try {
        workflowRun(graph, pipelines, p);
      } catch (IllegalArgumentException e) {
        // as above
      }
    }
  }

  private static Entity add(TrustGraph graph, Pipeline p, Entity internetEntity) {
    Entity internet = internetEntity;
    {
      String scope = ResourceId.scopeOf(p.resource());
      Entity repo = repository(graph, p.resource());
      // A workflow is named as the file it is (as the connectors name it), so both describe one
      // entity; a composite action is an action.
      String kindName = p.kind() == PipelineKind.GITHUB_ACTION ? "action" : "file";
      Entity wf =
          graph
              .entity(
                  ResourceId.part(scope, kindName, p.source().path()),
                  p.kind() == PipelineKind.GITHUB_ACTION ? EntityKind.ACTION : EntityKind.WORKFLOW,
                  p.name().isBlank() ? p.source().path() : p.name(),
                  SOURCE)
              .set("path", p.source().path())
              .set("pipelineKind", p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
              .set(Attr.TRIGGERS, p.events())
              .set("permissions", permissions(p.permissions()))
              .set("writeScopes", writeScopes(p.permissions()))
              .set("scheduled", p.triggeredBy("schedule") ? true : null)
              .set("reusable", p.triggeredBy("workflow_call") ? true : null);
      graph.relate(repo, RelationKind.CONTAINS, wf, SOURCE);

      List<String> outsider =
          p.kind().isGitHub()
              ? p.events().stream().filter(OUTSIDER_EVENTS::contains).toList()
              : List.of();
      Optional<String> visibility = repo.text(Attr.VISIBILITY);
      boolean maybePublic = visibility.map(v -> v.equalsIgnoreCase("public")).orElse(true);
      if (!outsider.isEmpty() && maybePublic) {
        if (internet == null) {
          internet = graph.entity(INTERNET, EntityKind.INTERNET, "Anyone on the internet", SOURCE);
        }
        graph
            .relate(internet, RelationKind.CAN_TRIGGER, wf, SOURCE)
            .set("events", outsider)
            .set("condition", visibility.isEmpty() ? "if the repository is public" : null);
      }
      List<String> writers = p.events().stream().filter(WRITER_EVENTS::contains).toList();
      if (!writers.isEmpty() || (!outsider.isEmpty() && !maybePublic)) {
        List<String> events = new ArrayList<>(writers);
        if (!maybePublic) {
          events.addAll(outsider);
        }
        graph
            .relate(repo, RelationKind.CAN_TRIGGER, wf, SOURCE)
            .set("events", events)
            .set("who", "anyone with write access to the repository");
      }
      for (Job job : p.jobs()) {
        job(graph, p, scope, wf, job);
      }
    }
    return internet;
  }

  private static Entity repository(TrustGraph graph, String resource) {
    String scope = ResourceId.scopeOf(resource);
    Optional<Entity> existing = graph.find(scope);
    if (existing.isPresent()) {
      return existing.get();
    }
    String name = scope.substring(scope.indexOf(':') + 1);
    return graph.entity(scope, EntityKind.REPOSITORY, name, SOURCE);
  }

  private static void job(TrustGraph graph, Pipeline p, String scope, Entity wf, Job job) {
    Entity j =
        graph
            .entity(
                ResourceId.part(scope, "job", p.source().path() + ":" + job.id()),
                EntityKind.JOB,
                job.name().isBlank() ? job.id() : job.name(),
                SOURCE)
            .set("workflow", p.source().path())
            .set("line", job.key() == null ? null : job.key().start().line())
            .set("permissions", permissions(job.permissions()))
            .set("writeScopes", writeScopes(job.permissions()));
    graph.relate(wf, RelationKind.CONTAINS, j, SOURCE);

    if (!job.runsOn().labels().isEmpty() || job.runsOn().group() != null) {
      runner(graph, scope, j, job.runsOn(), p.kind());
    }
    if (job.environment() != null && !job.environment().contains("${{")) {
      Entity env =
          find(graph, ResourceId.part(scope, "environment", job.environment()))
              .orElseGet(
                  () ->
                      graph.entity(
                          ResourceId.part(scope, "environment", job.environment()),
                          EntityKind.ENVIRONMENT,
                          job.environment(),
                          SOURCE));
      graph.relate(j, RelationKind.DEPLOYS_TO, env, SOURCE);
    }
    for (String secret : secretsRead(p, job)) {
      Entity s = secret(graph, scope, secret, p.kind());
      graph.relate(j, RelationKind.READS_SECRET, s, SOURCE);
    }
    if (job.secrets() instanceof YamlScalar s && s.value().strip().equals("inherit")) {
      j.set("inheritsAllSecrets", true);
    }
    if (job.calls() != null) {
      uses(graph, scope, j, job.calls(), p);
    }
    for (Step step : job.steps()) {
      if (step.uses() != null) {
        uses(graph, scope, j, step.uses(), p);
        cloudLogin(graph, j, step);
      }
    }
    List<Container> containers = new ArrayList<>();
    if (job.container() != null) {
      containers.add(job.container());
    }
    containers.addAll(job.services());
    for (Container c : containers) {
      if (c.image() != null
          && !c.image().value().isBlank()
          && !c.image().value().contains("${{")
          && !c.image().value().startsWith("$")) {
        ImageRef ref = ImageRef.parse(c.image().value(), c.image());
        Entity img = image(graph, ref);
        graph
            .relate(j, RelationKind.PULLS, img, SOURCE)
            .set("ref", ref.digest().isEmpty() ? ref.tag() : ref.digest())
            .set("pinned", ref.pinnedByDigest());
      }
    }
    boolean oidc;
    List<String> audiences = new ArrayList<>();
    if (p.kind() == PipelineKind.GITLAB_CI) {
      oidc = job.gitlab() != null && !job.gitlab().idTokens().isEmpty();
      if (oidc) {
        for (YamlNode t : job.gitlab().idTokens().values()) {
          t.asMap().flatMap(m -> m.get("aud")).ifPresent(a -> audiences.addAll(Nodes.texts(a)));
        }
      }
    } else {
      Permissions effective = job.permissions().isUnset() ? p.permissions() : job.permissions();
      oidc = effective.grantsWrite("id-token");
    }
    if (oidc) {
      String issuer =
          p.kind() == PipelineKind.GITLAB_CI
              ? "oidc:" + ResourceId.platformOf(scope) + "-ci"
              : "oidc:token.actions.githubusercontent.com";
      Entity idp = graph.entity(issuer, EntityKind.IDENTITY_PROVIDER, issuer.substring(5), SOURCE);
      graph
          .relate(j, RelationKind.CAN_MINT_OIDC, idp, SOURCE)
          .set("audiences", audiences.isEmpty() ? null : audiences);
    }
  }

  private static void runner(
      TrustGraph graph, String scope, Entity job, RunsOn runsOn, PipelineKind kind) {
    if (runsOn.dynamic()) {
      job.set("runsOn", runsOn.labelNames()).set("runsOnDynamic", true);
      return;
    }
    Entity runner;
    if (runsOn.group() != null) {
      runner =
          graph.entity(
              ResourceId.part(scope, "runner-group", runsOn.group().value()),
              EntityKind.RUNNER_GROUP,
              runsOn.group().value(),
              SOURCE);
    } else {
      String labels = String.join(",", new TreeSet<>(runsOn.labelNames()));
      runner =
          graph.entity(
              ResourceId.part(scope, "runs-on", labels), EntityKind.RUNNER, labels, SOURCE);
    }
    runner.set("labels", runsOn.labelNames());
    if (kind.isGitHub()) {
      runner.set("selfHosted", runsOn.selfHosted());
    }
    graph.relate(job, RelationKind.RUNS_ON, runner, SOURCE);
  }

  private static Optional<Entity> find(TrustGraph graph, String id) {
    return graph.find(id);
  }

  /** A secret known to the graph (repository, then organization level), or a new one. */
  private static Entity secret(TrustGraph graph, String scope, String name, PipelineKind kind) {
    String repoLevel = ResourceId.part(scope, "secret", name);
    Optional<Entity> e = graph.find(repoLevel);
    if (e.isPresent()) {
      return e.get();
    }
    String owner = scope.contains("/") ? scope.substring(0, scope.lastIndexOf('/')) : null;
    if (owner != null) {
      Optional<Entity> org = graph.find(ResourceId.part(owner, "secret", name));
      if (org.isPresent()) {
        return org.get();
      }
    }
    return graph
        .entity(repoLevel, EntityKind.SECRET, name, SOURCE)
        .set("declaredBy", kind.isGitHub() ? "secrets context" : "job secrets");
  }

  /** Secret names a job reads ({@code secrets.NAME}; GitLab {@code secrets:} entries). */
  static Set<String> secretsRead(Pipeline p, Job job) {
    Set<String> out = new LinkedHashSet<>();
    if (p.kind() == PipelineKind.GITLAB_CI) {
      if (job.gitlab() != null && job.gitlab().secretsNode() != null) {
        out.addAll(Nodes.entries(job.gitlab().secretsNode()).keySet());
      }
      return out;
    }
    if (job.node() == null) {
      return out;
    }
    for (YamlScalar s : p.scalarsUnder(job.node())) {
      if (!Nodes.mentions(s.value(), "secrets")) {
        continue;
      }
      for (ExprOccurrence o : p.expressions(s)) {
        if (o.parsed() == null) {
          continue;
        }
        for (ContextRef r : dev.tenet.core.pipeline.expr.Dataflow.reads(o.parsed())) {
          if (r.root().equals("secrets") && r.path().size() > 1 && !r.segment(1).equals("*")) {
            String name = r.segment(1).toUpperCase(Locale.ROOT);
            if (!name.equals("GITHUB_TOKEN")) {
              out.add(name);
            }
          }
        }
      }
    }
    return out;
  }

  private static void uses(TrustGraph graph, String scope, Entity job, Uses uses, Pipeline p) {
    switch (uses.kind()) {
      case REPOSITORY -> {
        if (uses.owner().isBlank() || uses.repo().isBlank() || uses.raw().contains("${{")) {
          return;
        }
        Entity target;
        if (uses.isReusableWorkflow()) {
          target =
              graph.entity(
                  ResourceId.part(
                      ResourceId.of("github", uses.owner() + "/" + uses.repo()),
                      "file",
                      uses.path()),
                  EntityKind.WORKFLOW,
                  uses.slug(),
                  SOURCE);
        } else {
          target =
              graph.entity(
                  ResourceId.part(
                      ResourceId.of("github", uses.owner() + "/" + uses.repo()),
                      "action",
                      uses.path().isEmpty() ? "." : uses.path()),
                  EntityKind.ACTION,
                  uses.slug(),
                  SOURCE);
        }
        graph
            .relate(job, RelationKind.USES, target, SOURCE)
            .set("ref", uses.ref().isEmpty() ? null : uses.ref())
            .set("pinned", uses.pinnedToSha());
      }
      case LOCAL -> {
        String path = uses.raw().replaceFirst("^\\./", "");
        boolean workflow = uses.isReusableWorkflow();
        Entity target =
            graph.entity(
                ResourceId.part(scope, workflow ? "file" : "action", path),
                workflow ? EntityKind.WORKFLOW : EntityKind.ACTION,
                path,
                SOURCE);
        graph.relate(job, RelationKind.USES, target, SOURCE).set("local", true);
      }
      case DOCKER -> {
        ImageRef ref = ImageRef.parse(uses.raw(), uses.node());
        graph
            .relate(job, RelationKind.PULLS, image(graph, ref), SOURCE)
            .set("ref", ref.digest().isEmpty() ? ref.tag() : ref.digest())
            .set("pinned", ref.pinnedByDigest());
      }
    }
  }

  private static Entity image(TrustGraph graph, ImageRef ref) {
    String name = ref.name().contains("/") ? ref.name() : "library/" + ref.name();
    return graph.entity(ResourceId.of("oci", name), EntityKind.IMAGE, ref.name(), SOURCE);
  }

  /** Cloud logins: the role a job assumes, and whether through OIDC or a stored key. */
  private static void cloudLogin(TrustGraph graph, Entity job, Step step) {
    if (step.usesAction("aws-actions/configure-aws-credentials")) {
      Optional<YamlScalar> role = step.input("role-to-assume");
      if (role.isPresent()) {
        Matcher m = AWS_ROLE.matcher(role.get().value());
        if (m.find()) {
          Entity r =
              graph.entity(
                  ResourceId.of("aws", m.group(1), "role", m.group(2)),
                  EntityKind.CLOUD_ROLE,
                  m.group(2),
                  SOURCE);
          graph
              .relate(job, RelationKind.ASSUMES_ROLE, r, SOURCE)
              .set("via", step.uses().slug())
              .set("oidc", step.input("aws-access-key-id").isEmpty());
        }
      }
    } else if (step.usesAction("google-github-actions/auth")) {
      Optional<YamlScalar> sa = step.input("service_account");
      if (sa.isPresent() && !sa.get().value().contains("${{")) {
        String email = sa.get().value().strip();
        String project =
            email.contains("@")
                ? email.substring(email.indexOf('@') + 1).split("\\.")[0]
                : "unknown";
        Entity r =
            graph.entity(
                ResourceId.of("gcp", project, "service-account", email),
                EntityKind.SERVICE_ACCOUNT,
                email,
                SOURCE);
        graph
            .relate(job, RelationKind.ASSUMES_ROLE, r, SOURCE)
            .set("via", step.uses().slug())
            .set("oidc", step.input("workload_identity_provider").isPresent());
      }
    } else if (step.usesAction("azure/login")) {
      Optional<YamlScalar> client = step.input("client-id");
      Optional<YamlScalar> tenant = step.input("tenant-id");
      if (client.isPresent() && !client.get().value().contains("${{")) {
        String t = tenant.map(YamlScalar::value).filter(v -> !v.contains("${{")).orElse("unknown");
        Entity r =
            graph.entity(
                ResourceId.of("azure", t.strip(), "app", client.get().value().strip()),
                EntityKind.CLOUD_ROLE,
                client.get().value().strip(),
                SOURCE);
        graph
            .relate(job, RelationKind.ASSUMES_ROLE, r, SOURCE)
            .set("via", step.uses().slug())
            .set("oidc", step.input("creds").isEmpty());
      }
    }
  }

  /** workflow_run: the triggering workflows, by name, in the same repository. */
  private static void workflowRun(TrustGraph graph, Pipelines pipelines, Pipeline p) {
    Optional<Trigger> t = p.trigger("workflow_run");
    if (t.isEmpty()) {
      return;
    }
    String scope = ResourceId.scopeOf(p.resource());
    Entity target = graph.get(ResourceId.part(scope, "file", p.source().path()));
    for (String name : t.get().filter("workflows")) {
      for (Pipeline parent : pipelines.all()) {
        if (parent == p
            || !parent.resource().equals(p.resource())
            || parent.kind() != PipelineKind.GITHUB_WORKFLOW) {
          continue;
        }
        String file = parent.source().path().substring(parent.source().path().lastIndexOf('/') + 1);
        if (name.equals(parent.name())
            || name.equals(file)
            || name.equals(parent.source().path())) {
          Entity source = graph.get(ResourceId.part(scope, "file", parent.source().path()));
          graph
              .relate(source, RelationKind.CAN_TRIGGER, target, SOURCE)
              .set("events", List.of("workflow_run"));
        }
      }
    }
  }

  private static String permissions(Permissions perms) {
    return switch (perms.base()) {
      case UNSET -> "default";
      case READ_ALL -> "read-all";
      case WRITE_ALL -> "write-all";
      case EXPLICIT -> perms.writeScopes().isEmpty() ? "read-only" : "scoped";
      case OTHER -> "expression";
    };
  }

  private static List<String> writeScopes(Permissions perms) {
    if (perms.base() == Permissions.Base.WRITE_ALL) {
      return List.of("*");
    }
    return perms.writeScopes().stream().map(Permissions.Scope::name).toList();
  }
}
