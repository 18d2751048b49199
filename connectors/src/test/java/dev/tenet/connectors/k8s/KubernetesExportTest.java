package dev.tenet.connectors.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.scan.ExportFile;
import dev.tenet.core.scan.ScanListener;
import dev.tenet.core.testing.RuleHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline Kubernetes exports: shapes kubectl produces, admission semantics, bad input. */
class KubernetesExportTest {
  @TempDir Path dir;

  private static CollectContext collect(String cluster, String... files) throws Exception {
    List<ExportFile> exports = new java.util.ArrayList<>();
    for (int i = 0; i < files.length; i++) {
      exports.add(new ExportFile("export-" + i, files[i].getBytes(StandardCharsets.UTF_8)));
    }
    CollectContext context =
        new CollectContext(ScanListener.NONE, new Cancellation(), RuleHarness.NOW);
    KubernetesConnector.fromExports(cluster, exports).collect(context);
    return context;
  }

  private static final String RBAC_YAML =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: deployer}
      rules:
      - apiGroups: ["apps"]
        resources: ["deployments"]
        verbs: ["*"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: ci}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: deployer}
      subjects:
      - {kind: ServiceAccount, name: gitlab-runner, namespace: ci}
      - {kind: ServiceAccount, name: gitlab-runner, namespace: ci}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: ci-view, namespace: apps}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: deployer}
      subjects:
      - {kind: ServiceAccount, name: gitlab-runner, namespace: ci}
      """;

  @Test
  void yamlDocumentsAndTypedListsAreReadAndBindingsAccumulate() throws Exception {
    String typedList =
        """
        {"kind":"SecretList","apiVersion":"v1","items":[
          {"metadata":{"name":"runner-token","namespace":"ci",
            "annotations":{"kubernetes.io/service-account.name":"gitlab-runner"}},
           "type":"kubernetes.io/service-account-token","data":{"token":"c2VjcmV0"}}]}
        """;
    CollectContext context = collect("lab", RBAC_YAML, typedList);

    Entity runner = context.graph().get("k8s:lab/ci#serviceaccount/gitlab-runner");
    assertThat(runner.isTrue(Attr.LONG_LIVED_TOKEN)).isTrue();
    var hasRole = context.graph().outgoing(runner, RelationKind.HAS_ROLE);
    assertThat(hasRole)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.list(Attr.BINDINGS))
                  .containsExactly(
                      "k8s:lab#clusterrolebinding/ci", "k8s:lab/apps#rolebinding/ci-view");
              assertThat(r.list(Attr.NAMESPACES)).containsExactly("*", "apps");
            });
    Entity role = context.graph().get("k8s:lab#clusterrole/deployer");
    assertThat(role.list(Attr.WILDCARD_GRANTS)).containsExactly("* on deployments in apps");
    assertThat(role.isFalse(Attr.ADMIN_ACCESS)).isTrue();
    // No admission objects in this export: unknown, and said.
    assertThat(context.graph().get("k8s:lab").has(Attr.ADMISSION_READ)).isFalse();
    assertThat(context.blindSpots())
        .singleElement()
        .satisfies(b -> assertThat(b.what()).contains("admission"));
    // The secret's value never reaches the graph.
    assertThat(context.graph().entities().toString()).doesNotContain("c2VjcmV0");
  }

  private static String kyverno(String policyAction, String ruleAction) {
    return """
        {"apiVersion":"kyverno.io/v1","kind":"ClusterPolicy","metadata":{"name":"verify"},
         "spec":{%s"rules":[{"name":"sig","verifyImages":[{%s"imageReferences":["ghcr.io/acme/*"]}]}]}}
        """
        .formatted(
            policyAction == null ? "" : "\"validationFailureAction\":\"" + policyAction + "\",",
            ruleAction == null ? "" : "\"failureAction\":\"" + ruleAction + "\",");
  }

  @Test
  void kyvernoImageVerificationModes() throws Exception {
    assertThat(mode(kyverno("Enforce", null))).isEqualTo("enforce");
    assertThat(mode(kyverno(null, null))).as("Kyverno audits by default").isEqualTo("audit");
    assertThat(mode(kyverno("Audit", "Enforce"))).as("per-rule action wins").isEqualTo("enforce");
    assertThat(mode(kyverno("enforce", "Audit"))).isEqualTo("audit");
    String validateOnly =
        "{\"apiVersion\":\"kyverno.io/v1\",\"kind\":\"ClusterPolicy\",\"metadata\":{\"name\":\"p\"},"
            + "\"spec\":{\"validationFailureAction\":\"Enforce\",\"rules\":[{\"name\":\"r\",\"validate\":{}}]}}";
    assertThat(mode(validateOnly)).isEqualTo("none");
  }

  @Test
  void sigstorePolicyControllerEnforcesOnlyInOptedInNamespaces() throws Exception {
    String policy =
        "{\"apiVersion\":\"policy.sigstore.dev/v1beta1\",\"kind\":\"ClusterImagePolicy\","
            + "\"metadata\":{\"name\":\"release\"},\"spec\":{\"images\":[{\"glob\":\"**\"}]}}";
    String optedIn =
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"payments\","
            + "\"labels\":{\"policy.sigstore.dev/include\":\"true\"}}}";
    String other =
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"sandbox\"}}";
    assertThat(mode(policy, optedIn)).isEqualTo("enforce");
    assertThat(mode(policy, optedIn, other)).isEqualTo("partial");
    assertThat(mode(policy, other)).isEqualTo("none");
  }

  private static String mode(String... objects) throws Exception {
    String rbac =
        "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\",\"metadata\":{\"name\":\"x\"},\"rules\":[]}";
    String[] files = new String[objects.length + 1];
    files[0] = rbac;
    System.arraycopy(objects, 0, files, 1, objects.length);
    return collect("c", files).graph().get("k8s:c").text(Attr.IMAGE_VERIFICATION).orElse("unknown");
  }

  @Test
  void badInputGetsOneClearSentence() throws Exception {
    assertThatThrownBy(() -> collect("c", "{\"kind\":\"List\",\"items\":[]}"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith("No Kubernetes RBAC objects among the files given");
    assertThatThrownBy(() -> collect("c", "{ not json"))
        .hasMessageContaining("is not a kubectl JSON or YAML export");
    Path file = Files.writeString(dir.resolve("Prod EKS.json"), RBAC_YAML);
    KubernetesConnector named = KubernetesConnector.fromFiles(null, List.of(file));
    assertThat(named.scope().target()).isEqualTo("prod-eks");
  }
}
