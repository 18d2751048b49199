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

/**
 * A binding someone created grants wildcard rules ({@code *} verbs or resources) short of full
 * cluster administration, or administration of a namespace.
 */
public final class WildcardBinding implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "KUBE-RBAC-002",
          "cloud-standing-admin",
          Severity.MEDIUM,
          "Wildcard RBAC binding",
          "A * in a role's verbs or resources grants everything that exists today and every"
              + " resource type a CRD adds tomorrow — secrets, pods/exec, RBAC itself included."
              + " Nobody reviewed that list; it is standing privilege by default.",
          List.of(
              "List the resources and verbs the subject uses (audit logs, or a tool like audit2rbac)"
                  + " and replace the wildcards with them.",
              "Leave secrets, pods/exec, RBAC resources and escalate/bind/impersonate out unless"
                  + " they are needed.",
              "Prefer the built-in view, edit and admin roles, bound per namespace."),
          List.of(
              "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#minimize-use-of-wildcard-permissions"));

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
          byBinding.computeIfAbsent(binding, b -> new ArrayList<>()).add(r);
        }
      }
    }
    for (Map.Entry<String, List<Relation>> e : byBinding.entrySet()) {
      boolean clusterWide = e.getKey().contains("#clusterrolebinding/");
      Entity role = e.getValue().get(0).to();
      if (!role.has(Attr.ADMIN_ACCESS)) {
        continue; // AdminBinding reports roles whose rules were not read.
      }
      if (clusterWide && role.isTrue(Attr.ADMIN_ACCESS)) {
        continue; // Full cluster administration is AdminBinding's finding.
      }
      List<String> wildcards = new ArrayList<>(role.list(Attr.WILDCARD_GRANTS));
      if (role.isTrue(Attr.ADMIN_ACCESS)) {
        wildcards.add(0, "* on * in *");
      }
      if (wildcards.isEmpty()) {
        outcomes.pass(e.getKey());
        continue;
      }
      List<String> subjects = e.getValue().stream().map(r -> Kube.describe(r.from())).toList();
      String kind = clusterWide ? "ClusterRoleBinding" : "RoleBinding";
      String name = e.getKey().substring(e.getKey().indexOf('/') + 1);
      String where =
          clusterWide
              ? "in every namespace"
              : "in namespace "
                  + e.getValue().get(0).list(Attr.NAMESPACES).stream()
                      .filter(ns -> !ns.equals("*"))
                      .findFirst()
                      .orElse("?");
      outcomes
          .fail(
              e.getKey(),
              kind
                  + " "
                  + name
                  + " grants "
                  + String.join(", ", subjects)
                  + " wildcard rights "
                  + where
                  + " (role "
                  + role.name()
                  + ": "
                  + wildcards.get(0)
                  + ").")
          .with("binding", name)
          .with("role", role.name())
          .with("subjects", subjects)
          .with("wildcards", wildcards)
          .with("readsSecrets", role.isTrue(Attr.READS_SECRETS) ? true : null)
          .severity(clusterWide ? METADATA.severity() : Severity.LOW);
    }
  }
}
