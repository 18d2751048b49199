package dev.tenet.core.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.util.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacAnalysisTest {

  private static RbacCapabilities analyze(String rules) throws Exception {
    return RbacAnalysis.analyze(RbacRule.parse(Json.mapper().readTree(rules)));
  }

  @Test
  void clusterAdminRulesAreFullAdministrator() throws Exception {
    RbacCapabilities caps =
        analyze(
            """
            [{"apiGroups":["*"],"resources":["*"],"verbs":["*"]},
             {"nonResourceURLs":["*"],"verbs":["*"]}]
            """);
    assertThat(caps.fullAdmin()).isTrue();
    assertThat(caps.readsSecrets()).isTrue();
    assertThat(caps.adminEquivalent()).isTrue();
  }

  @Test
  void wildcardsShortOfAdministratorAreListed() throws Exception {
    RbacCapabilities caps =
        analyze(
            """
            [{"apiGroups":["","apps"],"resources":["*"],"verbs":["get","list","watch"]},
             {"apiGroups":["apps"],"resources":["deployments"],"verbs":["*"]}]
            """);
    assertThat(caps.fullAdmin()).isFalse();
    assertThat(caps.wildcards())
        .containsExactly("get,list,watch on * in core,apps", "* on deployments in apps");
    // resources: * in the core group includes secrets.
    assertThat(caps.readsSecrets()).isTrue();
    // ...and nodes/proxy, whose GET reaches the kubelet API (exec into any pod of the node).
    assertThat(caps.escalation()).containsExactly("proxy to kubelets (nodes/proxy)");
  }

  @Test
  void namedSecretsAreNotAllSecrets() throws Exception {
    assertThat(
            analyze(
                    """
                    [{"apiGroups":[""],"resources":["secrets"],"verbs":["get"],
                      "resourceNames":["helm-release"]}]
                    """)
                .readsSecrets())
        .isFalse();
    assertThat(
            analyze("[{\"apiGroups\":[\"\"],\"resources\":[\"secrets\"],\"verbs\":[\"list\"]}]")
                .readsSecrets())
        .isTrue();
  }

  @Test
  void escalationVerbsAreFound() throws Exception {
    RbacCapabilities caps =
        analyze(
            """
            [{"apiGroups":["rbac.authorization.k8s.io"],"resources":["clusterrolebindings"],"verbs":["create"]},
             {"apiGroups":["rbac.authorization.k8s.io"],"resources":["clusterroles"],"verbs":["bind"]},
             {"apiGroups":[""],"resources":["users","groups"],"verbs":["impersonate"]},
             {"apiGroups":[""],"resources":["pods/exec"],"verbs":["create"]},
             {"apiGroups":[""],"resources":["serviceaccounts/token"],"verbs":["create"]}]
            """);
    assertThat(caps.escalation())
        .containsExactly(
            "write clusterrolebindings",
            "escalate or bind roles",
            "impersonate users, groups or service accounts",
            "exec into pods",
            "create service account tokens");
    assertThat(caps.adminEquivalent()).isTrue();
    assertThat(analyze("[]").adminEquivalent()).isFalse();
    assertThat(RbacRule.parse(null)).isEqualTo(List.of());
  }
}
