package dev.tenet.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineFactsTest {
  static final String CI =
      """
      name: CI
      on:
        pull_request_target:
        push:
      permissions:
        contents: read
      jobs:
        deploy:
          runs-on: [self-hosted, prod]
          environment: production
          permissions:
            id-token: write
          steps:
            - uses: actions/checkout@v4
            - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502
              with:
                role-to-assume: arn:aws:iam::123456789012:role/prod-deployer
            - run: ./deploy.sh
              env:
                TOKEN: ${{ secrets.NPM_TOKEN }}
                ORG_KEY: ${{ secrets.ORG_KEY }}
        shared:
          uses: ./.github/workflows/reusable.yml
          secrets: inherit
        lint:
          runs-on: ubuntu-latest
          container: node:20
          steps:
            - run: npm run lint
      """;

  static TrustGraph graph(TrustGraph g, String... pathsAndYaml) {
    PipelineFacts.addTo(g, Fixtures.parse(pathsAndYaml));
    return g;
  }

  static Entity e(TrustGraph g, String id) {
    return g.find(id).orElseThrow(() -> new AssertionError("no " + id));
  }

  static Relation rel(TrustGraph g, String from, RelationKind kind, String to) {
    return g.outgoing(e(g, from), kind).stream()
        .filter(r -> r.to().id().equals(to))
        .findFirst()
        .orElseThrow(() -> new AssertionError(from + " -" + kind + "-> " + to + " missing"));
  }

  @Test
  void workflowsJobsAndWhoCanTriggerThem() {
    TrustGraph g = graph(new TrustGraph(), ".github/workflows/ci.yml", CI);
    String wf = "github:acme/web#file/.github/workflows/ci.yml";
    String deploy = "github:acme/web#job/.github/workflows/ci.yml:deploy";
    assertThat(e(g, wf).kind()).isEqualTo(EntityKind.WORKFLOW);
    assertThat(e(g, wf).list(Attr.TRIGGERS)).containsExactly("pull_request_target", "push");
    rel(g, "github:acme/web", RelationKind.CONTAINS, wf);
    rel(g, wf, RelationKind.CONTAINS, deploy);
    Relation internet = rel(g, PipelineFacts.INTERNET, RelationKind.CAN_TRIGGER, wf);
    assertThat(internet.list("events")).containsExactly("pull_request_target");
    assertThat(internet.text("condition")).contains("if the repository is public");
    assertThat(rel(g, "github:acme/web", RelationKind.CAN_TRIGGER, wf).list("events"))
        .containsExactly("push");
  }

  @Test
  void runnersSecretsEnvironmentsActionsImagesAndCloudRoles() {
    TrustGraph g = new TrustGraph();
    g.entity("github:acme#secret/ORG_KEY", EntityKind.SECRET, "ORG_KEY", "github");
    graph(g, ".github/workflows/ci.yml", CI);
    String deploy = "github:acme/web#job/.github/workflows/ci.yml:deploy";
    Relation runs = g.outgoing(e(g, deploy), RelationKind.RUNS_ON).get(0);
    assertThat(runs.to().isTrue("selfHosted")).isTrue();
    assertThat(g.targets(e(g, deploy), RelationKind.READS_SECRET))
        .extracting(Entity::id)
        .containsExactlyInAnyOrder(
            "github:acme/web#secret/NPM_TOKEN", "github:acme#secret/ORG_KEY");
    rel(g, deploy, RelationKind.DEPLOYS_TO, "github:acme/web#environment/production");
    Relation checkout = rel(g, deploy, RelationKind.USES, "github:actions/checkout#action/.");
    assertThat(checkout.text("ref")).contains("v4");
    assertThat(checkout.isFalse("pinned")).isTrue();
    rel(g, deploy, RelationKind.CAN_MINT_OIDC, "oidc:token.actions.githubusercontent.com");
    Relation role =
        rel(g, deploy, RelationKind.ASSUMES_ROLE, "aws:123456789012#role/prod-deployer");
    assertThat(role.isTrue("oidc")).isTrue();
    String lint = "github:acme/web#job/.github/workflows/ci.yml:lint";
    assertThat(g.targets(e(g, lint), RelationKind.PULLS))
        .extracting(Entity::id)
        .containsExactly("oci:library/node");
    assertThat(g.outgoing(e(g, lint), RelationKind.CAN_MINT_OIDC)).isEmpty();
    String shared = "github:acme/web#job/.github/workflows/ci.yml:shared";
    assertThat(e(g, shared).isTrue("inheritsAllSecrets")).isTrue();
    rel(g, shared, RelationKind.USES, "github:acme/web#file/.github/workflows/reusable.yml");
  }

  @Test
  void privateRepositoriesAreTriggeredByCollaboratorsNotTheInternet() {
    TrustGraph g = new TrustGraph();
    g.entity("github:acme/web", EntityKind.REPOSITORY, "acme/web", "github")
        .set(Attr.VISIBILITY, "private");
    graph(g, ".github/workflows/ci.yml", CI);
    assertThat(g.find(PipelineFacts.INTERNET)).isEmpty();
    assertThat(
            rel(
                    g,
                    "github:acme/web",
                    RelationKind.CAN_TRIGGER,
                    "github:acme/web#file/.github/workflows/ci.yml")
                .list("events"))
        .containsExactly("push", "pull_request_target");
  }

  @Test
  void workflowRunLinksTheTriggeringWorkflow() {
    TrustGraph g =
        graph(
            new TrustGraph(),
            ".github/workflows/ci.yml",
            CI,
            ".github/workflows/after.yml",
            "on:\n  workflow_run:\n    workflows: [CI]\njobs: {}\n");
    Relation r =
        rel(
            g,
            "github:acme/web#file/.github/workflows/ci.yml",
            RelationKind.CAN_TRIGGER,
            "github:acme/web#file/.github/workflows/after.yml");
    assertThat(r.list("events")).containsExactly("workflow_run");
  }

  @Test
  void gitlabJobsMintOidcAndRunOnTaggedRunners() {
    TrustGraph g =
        graph(
            new TrustGraph(),
            ".gitlab-ci.yml",
            "deploy:\n  tags: [prod]\n  id_tokens:\n    AWS_TOKEN:\n      aud: https://sts.amazonaws.com\n"
                + "  environment: prod\n  script: ./deploy\n");
    String job = "github:acme/web#job/.gitlab-ci.yml:deploy";
    Relation mint = g.outgoing(e(g, job), RelationKind.CAN_MINT_OIDC).get(0);
    assertThat(mint.list("audiences")).containsExactly("https://sts.amazonaws.com");
    assertThat(g.targets(e(g, job), RelationKind.RUNS_ON))
        .extracting(Entity::name)
        .containsExactly("prod");
    assertThat(g.targets(e(g, job), RelationKind.DEPLOYS_TO)).hasSize(1);
    assertThat(List.of(g.entityCount() > 0)).containsExactly(true);
  }
}
