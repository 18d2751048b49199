package dev.tenet.core.link;

import static dev.tenet.core.testing.CloudGraph.githubSub;
import static dev.tenet.core.testing.CloudGraph.githubTrust;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.testing.CloudGraph;
import dev.tenet.core.testing.GitHubGraph;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subject claims matched against the organization's real repositories, branches, environments. */
class OidcTrustLinkerTest {
  private GitHubGraph github;
  private CloudGraph aws;
  private TrustGraph graph;
  private Entity paymentsApi;
  private Entity production;
  private Entity staging;
  private Entity paymentsWeb;
  private Entity webProduction;
  private Entity infra;
  private Entity docsSite;
  private Entity sdkJs;
  private Entity legacy;
  private Entity otherOrgRepo;
  private Entity broad;
  private Entity pinned;
  private Entity mainOnly;
  private Entity tags;

  @BeforeEach
  void organizationAndAccount() {
    github = GitHubGraph.org("acme-corp");
    graph = github.graph();
    aws = new CloudGraph(graph);
    aws.githubProvider();
    paymentsApi = github.repository("payments-api", "private");
    github.protectedBranch(paymentsApi);
    production = aws.environment(paymentsApi, "production");
    staging = aws.environment(paymentsApi, "staging");
    paymentsWeb = github.repository("payments-web", "private");
    webProduction = aws.environment(paymentsWeb, "production");
    infra = github.repository("infra-terraform", "private");
    github.protectedBranch(infra);
    docsSite = github.repository("docs-site", "public");
    github.defaultBranch(docsSite).set(Attr.PROTECTED, false);
    sdkJs = github.repository("sdk-js", "public");
    legacy = github.repository("legacy-billing", "private").set(Attr.ARCHIVED, true);
    otherOrgRepo = GitHubGraph.org("acme-corp-evil").repository("x", "public");
    otherOrgRepo =
        graph.entity(otherOrgRepo.id(), EntityKind.REPOSITORY, otherOrgRepo.name(), "github");

    broad =
        aws.admin(
            aws.role("prod-deployer", githubTrust(githubSub("StringLike", "repo:acme-corp/*"))));
    pinned =
        aws.role(
            "payments-api-production",
            githubTrust(
                githubSub("StringEquals", "repo:acme-corp/payments-api:environment:production")));
    mainOnly =
        aws.role(
            "terraform-apply",
            githubTrust(
                "\"StringEquals\":{\"token.actions.githubusercontent.com:sub\":"
                    + "\"repo:acme-corp/infra-terraform:ref:refs/heads/main\"}"));
    tags =
        aws.role(
            "sdk-release",
            githubTrust(githubSub("StringLike", "repo:acme-corp/sdk-js:ref:refs/tags/v*")));
  }

  private Optional<Relation> assumes(Entity from, Entity role) {
    return graph.outgoing(from, RelationKind.ASSUMES_ROLE).stream()
        .filter(r -> r.to().equals(role))
        .findFirst();
  }

  @Test
  void pinnedEnvironmentRoleIsReachableFromThatEnvironmentOnly() {
    new OidcTrustLinker().link(graph);

    Relation r = assumes(production, pinned).orElseThrow();
    assertThat(r.list(Attr.SUBJECTS))
        .containsExactly("repo:acme-corp/payments-api:environment:production");
    assertThat(r.list(Attr.CLAIM_CONTEXTS)).containsExactly("environment");
    assertThat(r.text(Attr.PROVIDER))
        .hasValue("aws:123456789012#oidc-provider/token.actions.githubusercontent.com");
    assertThat(r.isFalse(Attr.CONDITIONAL)).isTrue();
    assertThat(graph.incoming(pinned, RelationKind.ASSUMES_ROLE)).hasSize(1);
    assertThat(assumes(staging, pinned)).isEmpty();
    assertThat(assumes(webProduction, pinned)).isEmpty();
    assertThat(assumes(paymentsApi, pinned)).isEmpty();
  }

  @Test
  void organizationWildcardRoleIsReachableFromEveryActiveRepositoryAndWhatWritersCanStart() {
    new OidcTrustLinker().link(graph);

    for (Entity repo : List.of(paymentsApi, paymentsWeb, infra, docsSite, sdkJs)) {
      Relation r = assumes(repo, broad).orElseThrow(() -> new AssertionError(repo.id()));
      assertThat(r.list(Attr.CLAIM_CONTEXTS)).contains("new-branch", "pull-request", "tag");
      assertThat(r.list(Attr.SUBJECTS)).contains("repo:acme-corp/" + repo.name() + ":pull_request");
    }
    assertThat(assumes(production, broad)).isPresent();
    assertThat(assumes(webProduction, broad)).isPresent();
    Entity docsMain = graph.get("github:acme-corp/docs-site#branch/main");
    assertThat(assumes(docsMain, broad).orElseThrow().list(Attr.SUBJECTS))
        .containsExactly("repo:acme-corp/docs-site:ref:refs/heads/main");
    assertThat(assumes(legacy, broad)).as("archived repositories run nothing").isEmpty();
    assertThat(assumes(otherOrgRepo, broad)).isEmpty();
  }

  @Test
  void pinnedBranchRoleIsReachableFromThatBranchAndNoNewOne() {
    new OidcTrustLinker().link(graph);

    Entity infraMain = graph.get("github:acme-corp/infra-terraform#branch/main");
    assertThat(assumes(infraMain, mainOnly)).isPresent();
    assertThat(assumes(infra, mainOnly)).isEmpty();
    assertThat(graph.incoming(mainOnly, RelationKind.ASSUMES_ROLE)).hasSize(1);
  }

  @Test
  void tagWildcardRoleIsReachableByPushingATag() {
    new OidcTrustLinker().link(graph);

    Relation r = assumes(sdkJs, tags).orElseThrow();
    assertThat(r.list(Attr.CLAIM_CONTEXTS)).containsExactly("tag");
    assertThat(r.list(Attr.SUBJECTS)).contains("repo:acme-corp/sdk-js:ref:refs/tags/vattacker");
    assertThat(graph.incoming(tags, RelationKind.ASSUMES_ROLE)).hasSize(1);
  }

  @Test
  void pipelinesSeenMintingTokensAssumeTheRolesTheirClaimsMatch() {
    Entity workflow =
        graph.entity(
            "github:acme-corp/payments-web#file/.github/workflows/preview.yml",
            EntityKind.WORKFLOW,
            "preview.yml",
            "pipeline");
    workflow.set(OidcTrustLinker.TRIGGERS, List.of("pull_request_target"));
    graph.relate(paymentsWeb, RelationKind.CONTAINS, workflow, "pipeline");
    Entity job = graph.entity(workflow.id() + "/deploy", EntityKind.JOB, "deploy", "pipeline");
    graph.relate(workflow, RelationKind.CONTAINS, job, "pipeline");
    Entity issuer =
        graph.entity(
            "github:acme-corp#oidc/token.actions.githubusercontent.com",
            EntityKind.IDENTITY_PROVIDER,
            "GitHub Actions OIDC",
            "pipeline");
    graph.relate(job, RelationKind.CAN_MINT_OIDC, issuer, "pipeline");

    Entity deployWorkflow =
        graph.entity(
            "github:acme-corp/payments-api#file/.github/workflows/deploy.yml",
            EntityKind.WORKFLOW,
            "deploy.yml",
            "pipeline");
    graph.relate(paymentsApi, RelationKind.CONTAINS, deployWorkflow, "pipeline");
    Entity prodJob =
        graph.entity(deployWorkflow.id() + "/release", EntityKind.JOB, "release", "pipeline");
    graph.relate(deployWorkflow, RelationKind.CONTAINS, prodJob, "pipeline");
    graph.relate(prodJob, RelationKind.DEPLOYS_TO, production, "pipeline");
    graph.relate(prodJob, RelationKind.CAN_MINT_OIDC, issuer, "pipeline");

    // A job whose can-mint-oidc already names its claim's entity needs no direct relation.
    Entity namedJob =
        graph.entity(deployWorkflow.id() + "/named", EntityKind.JOB, "named", "pipeline");
    graph.relate(deployWorkflow, RelationKind.CONTAINS, namedJob, "pipeline");
    graph.relate(namedJob, RelationKind.CAN_MINT_OIDC, production, "pipeline");

    new OidcTrustLinker().link(graph);

    Relation fromPreview = assumes(job, broad).orElseThrow();
    assertThat(fromPreview.list(Attr.SUBJECTS))
        .containsExactly("repo:acme-corp/payments-web:ref:refs/heads/main");
    assertThat(assumes(job, pinned)).isEmpty();
    assertThat(assumes(prodJob, pinned).orElseThrow().list(Attr.SUBJECTS))
        .containsExactly("repo:acme-corp/payments-api:environment:production");
    assertThat(assumes(prodJob, broad)).isPresent();
    assertThat(graph.outgoing(namedJob, RelationKind.ASSUMES_ROLE)).isEmpty();
  }

  @Test
  void forkPullRequestAndUnprotectedBranchReachTheAdministratorRole() {
    Entity internet = graph.entity("internet", EntityKind.INTERNET, "Internet", "tenet");
    Entity workflow =
        graph.entity(
            "github:acme-corp/sdk-js#file/.github/workflows/pr.yml",
            EntityKind.WORKFLOW,
            "pr.yml",
            "pipeline");
    workflow.set(OidcTrustLinker.TRIGGERS, List.of("pull_request_target"));
    graph.relate(sdkJs, RelationKind.CONTAINS, workflow, "pipeline");
    graph.relate(internet, RelationKind.CAN_TRIGGER, workflow, "pipeline");
    Entity job = graph.entity(workflow.id() + "/test", EntityKind.JOB, "test", "pipeline");
    graph.relate(workflow, RelationKind.CONTAINS, job, "pipeline");
    graph.relate(
        job,
        RelationKind.CAN_MINT_OIDC,
        graph.entity("github:acme-corp#oidc/actions", EntityKind.IDENTITY_PROVIDER, "x", "p"),
        "pipeline");

    new OidcTrustLinker().link(graph);

    Set<RelationKind> walk =
        Set.of(
            RelationKind.CAN_TRIGGER,
            RelationKind.CONTAINS,
            RelationKind.ASSUMES_ROLE,
            RelationKind.CAN_ADMIN);
    assertThat(reachable(internet, walk)).contains(broad, aws.account());
    Entity unprotected = graph.get("github:acme-corp/docs-site#branch/main");
    assertThat(reachable(unprotected, walk)).contains(broad, aws.account()).doesNotContain(pinned);
  }

  @Test
  void gitLabProjectsInNestedGroupsAreMatchedByProjectPathAndRef() {
    TrustGraph g = new TrustGraph();
    CloudGraph cloud = new CloudGraph(g);
    Entity group = g.entity("gitlab:acme/platform", EntityKind.ORGANIZATION, "platform", "gitlab");
    group.set(Attr.WEB_URL, "https://gitlab.com/acme/platform");
    Entity api = g.entity("gitlab:acme/platform/api", EntityKind.REPOSITORY, "api", "gitlab");
    api.set(Attr.DEFAULT_BRANCH, "main");
    g.relate(group, RelationKind.CONTAINS, api, "gitlab");
    Entity main = g.entity(api.id() + "#branch/main", EntityKind.BRANCH, "main", "gitlab");
    g.relate(api, RelationKind.CONTAINS, main, "gitlab");
    String provider = "arn:aws:iam::123456789012:oidc-provider/gitlab.com";
    Entity role =
        cloud.role(
            "gitlab-deploy",
            ("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"%s\"},"
                    + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
                    + "{\"gitlab.com:sub\":\"project_path:acme/platform/*:ref_type:branch:ref:main\"}}}]}")
                .formatted(provider));

    new OidcTrustLinker().link(g);

    assertThat(g.sources(role, RelationKind.ASSUMES_ROLE)).containsExactly(main);
    Relation r = g.outgoing(main, RelationKind.ASSUMES_ROLE).get(0);
    assertThat(r.list(Attr.SUBJECTS))
        .containsExactly("project_path:acme/platform/api:ref_type:branch:ref:main");
    // A branch name with ':' that the wildcard would also admit cannot exist in git.
    assertThat(OidcTrustLinker.validRefName("attacker:ref_type:branch:ref:main")).isFalse();
    assertThat(OidcTrustLinker.validRefName("release/2.0")).isTrue();
  }

  private Set<Entity> reachable(Entity from, Set<RelationKind> kinds) {
    Set<Entity> seen = new HashSet<>();
    Deque<Entity> work = new ArrayDeque<>(List.of(from));
    while (!work.isEmpty()) {
      Entity e = work.pop();
      for (Relation r : graph.outgoing(e)) {
        if (kinds.contains(r.kind())
            && (r.kind() != RelationKind.CONTAINS || r.to().kind() == EntityKind.JOB)
            && seen.add(r.to())) {
          work.push(r.to());
        }
      }
    }
    return seen;
  }
}
