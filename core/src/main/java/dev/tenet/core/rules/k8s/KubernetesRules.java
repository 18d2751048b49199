package dev.tenet.core.rules.k8s;

import dev.tenet.core.rule.Rule;
import java.util.List;

/** The Kubernetes rules, in catalog order. */
public final class KubernetesRules {
  private KubernetesRules() {}

  public static List<Rule> all() {
    return List.of(
        // RBAC
        new AdminBinding(),
        new WildcardBinding(),
        // Identities CI/CD systems use
        new CiIdentityPrivileged(),
        new CiIdentityReadsSecrets(),
        // Admission
        new ImagesNotVerified());
  }
}
