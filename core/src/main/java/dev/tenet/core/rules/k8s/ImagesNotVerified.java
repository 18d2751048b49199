package dev.tenet.core.rules.k8s;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.Subjects;
import java.util.List;

/** The cluster admits images without verifying their signatures. */
public final class ImagesNotVerified implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "KUBE-ADMISSION-001",
          "artifact-unsigned",
          Severity.HIGH,
          "Cluster admits unsigned images",
          "Signing images in the pipeline only protects anything if the cluster refuses what is"
              + " not signed. Without an enforcing admission policy, an image pushed by a stolen"
              + " registry credential, or built outside the pipeline, runs like any other.",
          List.of(
              "Install an admission controller that verifies signatures: Kyverno (verifyImages"
                  + " rules), the Sigstore policy-controller (ClusterImagePolicy), or Gatekeeper"
                  + " with Ratify.",
              "Write a policy requiring your pipeline's signature (keyless: its OIDC identity and"
                  + " issuer) for your registries.",
              "Run it in audit mode until it is clean, then switch it to enforce (Kyverno"
                  + " failureAction: Enforce; policy-controller mode: enforce and the"
                  + " policy.sigstore.dev/include label on namespaces)."),
          List.of(
              "https://kyverno.io/docs/writing-policies/verify-images/",
              "https://docs.sigstore.dev/policy-controller/overview/",
              "https://ratify.dev/docs/quickstarts/quickstart-manifests"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity cluster : Subjects.of(context.graph(), EntityKind.CLUSTER, Kube.PLATFORM)) {
      if (!cluster.isTrue(Attr.ADMISSION_READ)) {
        outcomes.unknown(cluster.id(), "the cluster's admission configuration was not read");
        continue;
      }
      String mode = cluster.text(Attr.IMAGE_VERIFICATION).orElse("none");
      List<String> policies = cluster.list(Attr.IMAGE_POLICIES);
      List<String> controllers = cluster.list(Attr.ADMISSION_CONTROLLERS);
      if (mode.equals("enforce")) {
        outcomes.pass(cluster.id());
        continue;
      }
      boolean audit = mode.equals("audit");
      boolean partial = mode.equals("partial");
      outcomes
          .fail(
              cluster.id(),
              "Cluster "
                  + cluster.name()
                  + (audit
                      ? " verifies image signatures only in audit mode: unsigned images still run."
                      : partial
                          ? " requires signed images only in some namespaces: elsewhere unsigned"
                              + " images run."
                          : " has no admission policy requiring signed images"
                              + (controllers.isEmpty()
                                  ? "."
                                  : " (admission controllers seen: "
                                      + String.join(", ", controllers)
                                      + ").")))
          .with("mode", mode)
          .with("policies", policies.isEmpty() ? null : policies)
          .with("admissionControllers", controllers.isEmpty() ? null : controllers)
          .severity(audit || partial ? Severity.MEDIUM : METADATA.severity());
    }
  }
}
