package dev.tenet.core.rules.k8s;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An identity a CI/CD system uses can administer the whole cluster, raise its own rights, or use
 * wildcard rights cluster-wide.
 */
public final class CiIdentityPrivileged implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "KUBE-CI-001",
          "cloud-standing-admin",
          Severity.HIGH,
          "CI/CD identity with cluster-wide privileged rights",
          "A deployment changes workloads in its own namespaces. A pipeline identity that can"
              + " administer the cluster, write RBAC or impersonate turns one compromised job,"
              + " action or runner into full control of the cluster, and of every secret in it.",
          List.of(
              "Bind the CI identity with RoleBindings in the namespaces it deploys to, to a role"
                  + " with the verbs it needs on the workload resources it manages.",
              "Take RBAC write, escalate, bind, impersonate and serviceaccounts/token out of its"
                  + " roles; a GitOps controller that must manage RBAC should do it through its own"
                  + " reviewed repository.",
              "For EKS, map the pipeline's IAM role to a dedicated Kubernetes group, not to"
                  + " system:masters."),
          List.of(
              "https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
              "https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity identity : Kube.identities(context.graph())) {
      List<String> ci = Kube.ciEvidence(context.graph(), identity);
      if (ci.isEmpty()) {
        continue;
      }
      boolean admin = Kube.clusterAdmin(context.graph(), identity);
      Set<String> escalation = new LinkedHashSet<>();
      Set<String> wildcards = new LinkedHashSet<>();
      List<String> via = new ArrayList<>();
      boolean unknown = false;
      for (Relation r : Kube.grants(context.graph(), identity)) {
        Entity role = r.to();
        if (!role.has(Attr.ADMIN_ACCESS)) {
          unknown = true;
          continue;
        }
        if (!Kube.clusterWide(r)) {
          continue;
        }
        if (role.isTrue(Attr.ADMIN_ACCESS)) {
          admin = true;
          via.add(role.name());
        }
        escalation.addAll(role.list(Attr.PRIVILEGE_ESCALATION));
        if (!role.list(Attr.PRIVILEGE_ESCALATION).isEmpty()
            || !role.list(Attr.WILDCARD_GRANTS).isEmpty()) {
          via.add(role.name());
        }
        wildcards.addAll(role.list(Attr.WILDCARD_GRANTS));
      }
      if (!admin && escalation.isEmpty() && wildcards.isEmpty()) {
        if (unknown) {
          outcomes.unknown(identity.id(), "the rules of some of its roles were not read");
        } else {
          outcomes.pass(identity.id());
        }
        continue;
      }
      String can =
          admin
              ? "administer the whole cluster"
              : !escalation.isEmpty()
                  ? "raise its own rights cluster-wide (" + String.join(", ", escalation) + ")"
                  : "use wildcard rights in every namespace";
      outcomes
          .fail(
              identity.id(),
              "CI/CD "
                  + Kube.describe(identity)
                  + " can "
                  + can
                  + ". Why it is taken for a CI identity: "
                  + ci.get(0)
                  + ".")
          .with("identity", identity.name())
          .with("ciEvidence", ci)
          .with("clusterAdmin", admin)
          .with("escalation", escalation.isEmpty() ? null : List.copyOf(escalation))
          .with("wildcards", wildcards.isEmpty() ? null : List.copyOf(wildcards))
          .with("roles", via.isEmpty() ? null : via.stream().distinct().toList())
          .severity(
              admin
                  ? Severity.CRITICAL
                  : escalation.isEmpty() ? Severity.MEDIUM : METADATA.severity());
    }
  }
}
