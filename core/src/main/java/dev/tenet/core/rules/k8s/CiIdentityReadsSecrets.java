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
import java.util.List;
import java.util.Optional;

/** An identity a CI/CD system uses can read secrets beyond its own namespace. */
public final class CiIdentityReadsSecrets implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "KUBE-CI-002",
          "secret-broadly-shared",
          Severity.HIGH,
          "Cluster secrets readable by a CI/CD identity",
          "Every job that runs with this identity can read the secrets of other teams and"
              + " namespaces — database passwords, API keys, service account tokens of more"
              + " privileged workloads — and a compromised pipeline leaks them all at once.",
          List.of(
              "Remove get, list and watch on secrets from the CI identity's cluster-wide roles.",
              "If a deployment tool keeps its state in secrets (Helm), allow it only in the"
                  + " namespaces it deploys to.",
              "Deliver application secrets from a secret manager at runtime rather than through"
                  + " the pipeline."),
          List.of(
              "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets",
              "https://kubernetes.io/docs/concepts/security/secrets-good-practices/"));

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
      Optional<String> own = identity.text(Attr.NAMESPACE);
      boolean clusterWide = Kube.clusterAdmin(context.graph(), identity);
      List<String> otherNamespaces = new ArrayList<>();
      List<String> roles = new ArrayList<>();
      boolean unknown = false;
      for (Relation r : Kube.grants(context.graph(), identity)) {
        Entity role = r.to();
        if (!role.has(Attr.READS_SECRETS)) {
          unknown = true;
          continue;
        }
        if (!role.isTrue(Attr.READS_SECRETS)) {
          continue;
        }
        for (String ns : r.list(Attr.NAMESPACES)) {
          if (ns.equals("*")) {
            clusterWide = true;
            roles.add(role.name());
          } else if (own.isEmpty() || !own.get().equals(ns)) {
            otherNamespaces.add(ns);
            roles.add(role.name());
          }
        }
      }
      if (!clusterWide && otherNamespaces.isEmpty()) {
        if (unknown) {
          outcomes.unknown(identity.id(), "the rules of some of its roles were not read");
        } else {
          outcomes.pass(identity.id());
        }
        continue;
      }
      outcomes
          .fail(
              identity.id(),
              "CI/CD "
                  + Kube.describe(identity)
                  + " can read "
                  + (clusterWide
                      ? "every secret of the cluster."
                      : "the secrets of namespace(s) " + String.join(", ", otherNamespaces) + "."))
          .with("identity", identity.name())
          .with("ciEvidence", ci)
          .with("scope", clusterWide ? "cluster" : "namespaces")
          .with("namespaces", otherNamespaces.isEmpty() ? null : otherNamespaces)
          .with("roles", roles.isEmpty() ? null : roles.stream().distinct().toList())
          .severity(clusterWide ? METADATA.severity() : Severity.MEDIUM);
    }
  }
}
