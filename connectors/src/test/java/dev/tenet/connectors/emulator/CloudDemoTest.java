package dev.tenet.connectors.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.connectors.aws.AwsIamConnector;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.k8s.KubernetesConnector;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.link.StandardLinkers;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleEngine;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ScanListener;
import dev.tenet.core.testing.CloudGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo organization with its AWS account and EKS cluster, through the real connectors, the
 * linkers and every rule: the findings the demo promises, and the cross-system path from a GitHub
 * branch to the AWS administrator role and on to cluster-admin.
 */
class CloudDemoTest {
  private static CollectContext context;
  private static List<Finding> findings;

  @BeforeAll
  static void scan() throws Exception {
    context = new CollectContext(ScanListener.NONE, new Cancellation(), RuleHarness.NOW);
    try (GitHubEmulator github =
        GitHubEmulator.start(SampleOrganization.demo(), "ghp_cloudDemoTest")) {
      new GitHubConnector(
              github.apiUrl().toString(),
              "acme-corp",
              Secret.of("ghp_cloudDemoTest"),
              HttpPolicy.defaults(),
              ResponseCache.NONE)
          .collect(context);
    }
    AwsIamConnector.fromExports(DemoExports.AWS_ACCOUNT, DemoExports.awsAccount(RuleHarness.NOW))
        .collect(context);
    KubernetesConnector.fromExports(DemoExports.CLUSTER, DemoExports.cluster(RuleHarness.NOW))
        .collect(context);
    // The production environment, as the GitHub connector reports environments.
    new CloudGraph(context.graph())
        .environment(context.graph().get("github:acme-corp/payments-api"), "production");
    StandardLinkers.linkAll(context.graph());
    Evaluation evaluation =
        new RuleEngine(StandardRules.catalog())
            .evaluate(
                new RuleContext(
                    context.graph(),
                    context.sources(),
                    context.blindSpots(),
                    RuleHarness.NOW,
                    RuleSettings.defaults()));
    findings = evaluation.findings();
  }

  private static Map<String, Set<String>> byRule() {
    Map<String, Set<String>> out = new HashMap<>();
    for (Finding f : findings) {
      out.computeIfAbsent(f.ruleId(), r -> new java.util.TreeSet<>()).add(f.resource());
    }
    return out;
  }

  private static Finding finding(String rule, String resource) {
    return findings.stream()
        .filter(f -> f.ruleId().equals(rule) && f.resource().equals(resource))
        .findFirst()
        .orElseThrow(() -> new AssertionError(rule + " on " + resource + " in " + byRule()));
  }

  @Test
  void theAccountsOidcRolesAreJudgedBroadOneFlaggedPinnedOneClean() {
    Map<String, Set<String>> rules = byRule();
    assertThat(rules.get("AWS-OIDC-001"))
        .containsExactlyInAnyOrder(
            "aws:123456789012#role/prod-deployer",
            "aws:123456789012#role/infra-terraform-plan",
            "aws:123456789012#role/sdk-release");
    Finding broad = finding("AWS-OIDC-001", "aws:123456789012#role/prod-deployer");
    assertThat(broad.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(broad.evidence()).containsEntry("subjectPattern", "repo:acme-corp/*");
    assertThat(rules.get("AWS-OIDC-002"))
        .containsExactly("aws:123456789012#role/infra-terraform-plan");
    assertThat(rules.get("AWS-TRUST-001"))
        .containsExactly("aws:123456789012#role/OrganizationAccountAccessRole");
    assertThat(rules.get("AWS-IAM-002")).containsExactly("aws:123456789012#role/prod-deployer");

    // The pinned role: only the production environment of payments-api can assume it.
    Entity pinned = context.graph().get("aws:123456789012#role/payments-api-production");
    assertThat(context.graph().sources(pinned, RelationKind.ASSUMES_ROLE))
        .extracting(Entity::id)
        .containsExactly("github:acme-corp/payments-api#environment/production");
    assertThat(rules.values().stream().flatMap(Set::stream))
        .doesNotContain("aws:123456789012#role/payments-api-production");
  }

  @Test
  void peopleKeysAndStandingAdministrators() {
    Map<String, Set<String>> rules = byRule();
    assertThat(rules.get("AWS-IAM-001"))
        .containsExactlyInAnyOrder(
            "aws:123456789012#user/maya.chen", "aws:123456789012#user/tom.baker");
    assertThat(finding("AWS-IAM-001", "aws:123456789012#user/tom.baker").severity())
        .isEqualTo(Severity.CRITICAL);
    assertThat(rules.get("AWS-USER-001"))
        .containsExactlyInAnyOrder(
            "aws:123456789012#user/tom.baker", "aws:123456789012#user/omar.haddad");
    assertThat(rules.get("AWS-KEY-001"))
        .containsExactlyInAnyOrder(
            "aws:123456789012#access-key/ci-deploy-legacy/1",
            "aws:123456789012#access-key/tom.baker/1");
    assertThat(rules.get("AWS-KEY-002"))
        .containsExactly("aws:123456789012#access-key/backup-bot/1");
    assertThat(rules.get("AWS-KEY-003")).containsExactly("aws:123456789012#user/ci-deploy-legacy");
    assertThat(rules.get("AWS-IAM-003"))
        .containsExactlyInAnyOrder(
            "aws:123456789012#user/ci-deploy-legacy", "aws:123456789012#role/data-pipeline");
  }

  @Test
  void theClusterFindings() {
    Map<String, Set<String>> rules = byRule();
    assertThat(rules.get("KUBE-RBAC-001"))
        .containsExactlyInAnyOrder(
            "k8s:acme-prod-eks#clusterrolebinding/github-actions-deployer",
            "k8s:acme-prod-eks#clusterrolebinding/argocd-application-controller");
    assertThat(rules.get("KUBE-RBAC-002"))
        .containsExactly("k8s:acme-prod-eks#clusterrolebinding/prometheus");
    assertThat(rules.get("KUBE-CI-001"))
        .containsExactlyInAnyOrder(
            "k8s:acme-prod-eks#user/github-actions-deployer",
            "k8s:acme-prod-eks/argocd#serviceaccount/argocd-application-controller");
    assertThat(rules.get("KUBE-CI-002"))
        .containsExactlyInAnyOrder(
            "k8s:acme-prod-eks#user/github-actions-deployer",
            "k8s:acme-prod-eks/argocd#serviceaccount/argocd-application-controller",
            "k8s:acme-prod-eks/actions-runner-system#serviceaccount/arc-runner");
    assertThat(rules.get("KUBE-ADMISSION-001")).containsExactly("k8s:acme-prod-eks");
    assertThat(finding("KUBE-ADMISSION-001", "k8s:acme-prod-eks").evidence())
        .containsEntry("mode", "audit");
    // IRSA: the payments service account acts as its runtime role.
    assertThat(
            context
                .graph()
                .targets(
                    context.graph().get("k8s:acme-prod-eks/payments#serviceaccount/payments-api"),
                    RelationKind.ASSUMES_ROLE))
        .extracting(Entity::id)
        .containsExactly("aws:123456789012#role/payments-api-runtime");
  }

  @Test
  void anUnprotectedBranchReachesTheAwsAdministratorRoleAndTheCluster() {
    TrustGraph graph = context.graph();
    Entity unprotected = graph.get("github:acme-corp/docs-site#branch/main");
    Set<String> reached = reach(graph, unprotected);
    assertThat(reached)
        .contains(
            "aws:123456789012#role/prod-deployer",
            "aws:123456789012",
            "k8s:acme-prod-eks#user/github-actions-deployer",
            "k8s:acme-prod-eks",
            "k8s:acme-prod-eks#secrets/*")
        .doesNotContain("aws:123456789012#role/payments-api-production");
    // Any writer's new branch in any repository gets there too.
    Relation fromRepo =
        graph.outgoing(graph.get("github:acme-corp/sandbox"), RelationKind.ASSUMES_ROLE).stream()
            .filter(r -> r.to().id().equals("aws:123456789012#role/prod-deployer"))
            .findFirst()
            .orElseThrow();
    assertThat(fromRepo.list(dev.tenet.core.graph.Attr.CLAIM_CONTEXTS))
        .contains("new-branch", "pull-request");
  }

  private static Set<String> reach(TrustGraph graph, Entity from) {
    Set<RelationKind> walk =
        Set.of(
            RelationKind.ASSUMES_ROLE,
            RelationKind.CAN_ADMIN,
            RelationKind.MEMBER_OF,
            RelationKind.READS_SECRET);
    Set<Entity> seen = new java.util.HashSet<>();
    Deque<Entity> work = new ArrayDeque<>(List.of(from));
    while (!work.isEmpty()) {
      for (Relation r : graph.outgoing(work.pop())) {
        if (walk.contains(r.kind()) && seen.add(r.to())) {
          work.push(r.to());
        }
      }
    }
    return seen.stream().map(Entity::id).collect(Collectors.toSet());
  }
}
