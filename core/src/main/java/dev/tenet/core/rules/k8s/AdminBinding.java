package dev.tenet.core.rules.k8s;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A ClusterRoleBinding someone created grants cluster-admin (or every verb on everything). */
public final class AdminBinding implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "KUBE-RBAC-001",
          "cloud-standing-admin",
          Severity.HIGH,
          "Cluster-wide administrator binding",
          "cluster-admin (or a role with * verbs on * resources) bound cluster-wide is full"
              + " control of every namespace, secret and node, permanently. Whoever holds the"
              + " bound identity's credentials — a person's kubeconfig, a pod's token, a CI"
              + " variable — holds the cluster.",
          List.of(
              "Replace the ClusterRoleBinding with RoleBindings in the namespaces the subject works"
                  + " in, to a role listing the verbs and resources it needs.",
              "For people, grant administration just in time (an access broker, or a group"
                  + " membership that expires) instead of a standing binding.",
              "Never bind administrator roles to system:authenticated, system:serviceaccounts or"
                  + " other everyone-groups."),
          List.of(
              "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege",
              "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    Map<String, List<Relation>> byBinding = new LinkedHashMap<>();
    for (Entity subject : Kube.identities(context.graph())) {
      for (Relation r : context.graph().outgoing(subject, RelationKind.HAS_ROLE)) {
        for (String binding : r.list(Attr.BINDINGS)) {
          if (binding.contains("#clusterrolebinding/")) {
            byBinding.computeIfAbsent(binding, b -> new ArrayList<>()).add(r);
          }
        }
      }
    }
    for (Map.Entry<String, List<Relation>> e : byBinding.entrySet()) {
      List<Relation> grants = e.getValue();
      Entity role = grants.get(0).to();
      if (!role.has(Attr.ADMIN_ACCESS)) {
        outcomes.unknown(e.getKey(), "the rules of " + role.name() + " were not read");
        continue;
      }
      if (!role.isTrue(Attr.ADMIN_ACCESS)) {
        outcomes.pass(e.getKey());
        continue;
      }
      List<String> subjects = new ArrayList<>();
      boolean everyone = false;
      boolean ci = false;
      for (Relation r : grants) {
        subjects.add(Kube.describe(r.from()));
        everyone |= Kube.everyone(r.from());
        ci |= !Kube.ciEvidence(context.graph(), r.from()).isEmpty();
      }
      String name = e.getKey().substring(e.getKey().indexOf('/') + 1);
      outcomes
          .fail(
              e.getKey(),
              "ClusterRoleBinding "
                  + name
                  + " makes "
                  + String.join(", ", subjects)
                  + " administrator of the whole cluster (role "
                  + role.name()
                  + ").")
          .with("binding", name)
          .with("role", role.name())
          .with("subjects", subjects)
          .with("everyoneGroup", everyone ? true : null)
          .with("ciIdentity", ci ? true : null)
          .severity(everyone || ci ? Severity.CRITICAL : METADATA.severity());
    }
  }
}
