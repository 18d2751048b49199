package dev.tenet.core.rules.k8s;

import static dev.tenet.core.testing.CloudGraph.githubSub;
import static dev.tenet.core.testing.CloudGraph.githubTrust;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.link.StandardLinkers;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.CloudGraph;
import dev.tenet.core.testing.GitHubGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubernetesRulesTest {
  private static final String ADMIN =
      "[{\"apiGroups\":[\"*\"],\"resources\":[\"*\"],\"verbs\":[\"*\"]}]";
  private static final String SECRETS =
      "[{\"apiGroups\":[\"\"],\"resources\":[\"secrets\"],\"verbs\":[\"get\",\"list\"]}]";
  private static final String DEPLOY =
      "[{\"apiGroups\":[\"apps\"],\"resources\":[\"deployments\"],\"verbs\":[\"get\",\"update\",\"patch\"]}]";
  private static final String READ_ALL =
      "[{\"apiGroups\":[\"*\"],\"resources\":[\"*\"],\"verbs\":[\"get\",\"list\",\"watch\"]}]";

  private CloudGraph cloud;
  private Entity cluster;
  private Entity clusterAdmin;

  @BeforeEach
  void setUp() {
    cloud = new CloudGraph(GitHubGraph.org("acme-corp").graph());
    cluster = cloud.cluster("acme-prod");
    clusterAdmin = cloud.k8sRole(cluster, null, "cluster-admin", ADMIN);
  }

  @Test
  void clusterAdminBindingsAreFlaggedAndDefaultOnesAreNot() {
    Entity masters = cloud.k8sGroup(cluster, "system:masters");
    // The default cluster-admin binding is recorded apart, as the connector does.
    cloud
        .graph()
        .relate(masters, RelationKind.HAS_ROLE, clusterAdmin, "k8s")
        .set(Attr.DEFAULT_BINDINGS, List.of("k8s:acme-prod#clusterrolebinding/cluster-admin"))
        .set(Attr.NAMESPACES, List.of("*"));
    cloud.bind(cloud.k8sUser(cluster, "alice"), clusterAdmin, "alice-admin", null);
    cloud.bind(cloud.k8sGroup(cluster, "system:authenticated"), clusterAdmin, "oops", null);
    Entity viewer = cloud.k8sRole(cluster, null, "view-deploys", DEPLOY);
    cloud.bind(cloud.k8sUser(cluster, "bob"), viewer, "bob-view", null);

    List<Finding> findings = RuleHarness.findings(new AdminBinding(), cloud.graph());

    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(
            "k8s:acme-prod#clusterrolebinding/alice-admin",
            "k8s:acme-prod#clusterrolebinding/oops");
    Finding everyone =
        findings.stream().filter(f -> f.resource().endsWith("oops")).findFirst().orElseThrow();
    assertThat(everyone.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(everyone.evidence())
        .containsEntry("subjects", List.of("group system:authenticated"));
    assertThat(RuleHarness.tally(new AdminBinding(), cloud.graph()).passed()).isEqualTo(1);
  }

  @Test
  void wildcardBindingsAndNamespaceAdministrators() {
    Entity readAll = cloud.k8sRole(cluster, null, "read-everything", READ_ALL);
    Entity prometheus = cloud.serviceAccount(cluster, "monitoring", "prometheus");
    cloud.bind(prometheus, readAll, "prometheus", null);
    cloud.bind(cloud.k8sUser(cluster, "carol"), clusterAdmin, "carol-team-admin", "payments");
    Entity deployer = cloud.k8sRole(cluster, "payments", "deployer", DEPLOY);
    cloud.bind(
        cloud.serviceAccount(cluster, "payments", "deployer"), deployer, "deployer", "payments");

    List<Finding> findings = RuleHarness.findings(new WildcardBinding(), cloud.graph());

    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(
            "k8s:acme-prod#clusterrolebinding/prometheus",
            "k8s:acme-prod/payments#rolebinding/carol-team-admin");
    Finding prom =
        findings.stream()
            .filter(f -> f.resource().endsWith("prometheus"))
            .findFirst()
            .orElseThrow();
    assertThat(prom.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(prom.evidence()).containsEntry("readsSecrets", true);
    assertThat(
            findings.stream()
                .filter(f -> f.resource().contains("carol"))
                .findFirst()
                .orElseThrow()
                .severity())
        .isEqualTo(Severity.LOW);
  }

  @Test
  void ciIdentitiesAreFoundByNameAndByThePipelineRoleTheyAreMappedFrom() {
    // A cloud role pipelines assume, mapped to a cluster user through aws-auth.
    GitHubGraph github = GitHubGraph.org("acme-corp");
    cloud = new CloudGraph(github.graph());
    cluster = cloud.cluster("acme-prod");
    clusterAdmin = cloud.k8sRole(cluster, null, "cluster-admin", ADMIN);
    cloud.githubProvider();
    github.repository("payments-api", "private");
    cloud.role("prod-deployer", githubTrust(githubSub("StringLike", "repo:acme-corp/*")));
    Entity mapped =
        cloud
            .k8sUser(cluster, "deployer")
            .set(Attr.MAPPED_FROM_ARN, "arn:aws:iam::123456789012:role/prod-deployer");
    cloud.bind(mapped, clusterAdmin, "deployer-admin", null);

    Entity runner = cloud.serviceAccount(cluster, "actions-runner-system", "runner");
    Entity secretReader = cloud.k8sRole(cluster, null, "secret-reader", SECRETS);
    cloud.bind(runner, secretReader, "runner-secrets", null);

    Entity helm = cloud.serviceAccount(cluster, "payments", "gitlab-deployer");
    Entity helmRole = cloud.k8sRole(cluster, "payments", "helm", SECRETS);
    cloud.bind(helm, helmRole, "helm", "payments");
    Entity app = cloud.serviceAccount(cluster, "payments", "payments-api");
    cloud.bind(app, secretReader, "app-secrets", null);

    StandardLinkers.linkAll(cloud.graph());

    List<Finding> privileged = RuleHarness.findings(new CiIdentityPrivileged(), cloud.graph());
    assertThat(privileged)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("k8s:acme-prod#user/deployer");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.evidence().get("ciEvidence").toString())
                  .contains("mapped from aws:123456789012#role/prod-deployer");
            });

    List<Finding> secrets = RuleHarness.findings(new CiIdentityReadsSecrets(), cloud.graph());
    assertThat(secrets)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(
            "k8s:acme-prod#user/deployer",
            "k8s:acme-prod/actions-runner-system#serviceaccount/runner");
    assertThat(secrets)
        .allSatisfy(f -> assertThat(f.weakness().id()).isEqualTo("secret-broadly-shared"));
    // The Helm deployer reads secrets only where it deploys: judged and fine. The application is
    // not a CI identity and is not judged here at all.
    RuleTally tally = RuleHarness.tally(new CiIdentityReadsSecrets(), cloud.graph());
    assertThat(tally.passed()).isEqualTo(1);
    assertThat(tally.failed()).isEqualTo(2);
  }

  @Test
  void imageVerificationEnforcedAuditedAbsentOrUnknown() {
    cluster.set(Attr.ADMISSION_READ, true).set(Attr.IMAGE_VERIFICATION, "enforce");
    cloud
        .cluster("audit")
        .set(Attr.ADMISSION_READ, true)
        .set(Attr.IMAGE_VERIFICATION, "audit")
        .set(Attr.IMAGE_POLICIES, List.of("kyverno ClusterPolicy verify-images (Audit)"));
    cloud
        .cluster("bare")
        .set(Attr.ADMISSION_READ, true)
        .set(Attr.IMAGE_VERIFICATION, "none")
        .set(Attr.ADMISSION_CONTROLLERS, List.of("gatekeeper"));
    cloud.cluster("offline");

    List<Finding> findings = RuleHarness.findings(new ImagesNotVerified(), cloud.graph());

    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder("k8s:audit", "k8s:bare");
    assertThat(findings)
        .filteredOn(f -> f.resource().equals("k8s:audit"))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.MEDIUM);
    assertThat(findings)
        .filteredOn(f -> f.resource().equals("k8s:bare"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.weakness().id()).isEqualTo("artifact-unsigned");
            });
    RuleTally tally = RuleHarness.tally(new ImagesNotVerified(), cloud.graph());
    assertThat(tally.passed()).isEqualTo(1);
    assertThat(tally.unknown()).isEqualTo(1);
  }
}
