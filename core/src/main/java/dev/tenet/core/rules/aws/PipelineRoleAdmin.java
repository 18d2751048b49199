package dev.tenet.core.rules.aws;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.iam.PolicyDocument;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.trust.OidcGrant;
import dev.tenet.core.trust.OidcTrust;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A role pipelines assume through OIDC holds administrator rights. */
public final class PipelineRoleAdmin implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "AWS-IAM-002",
          "cloud-standing-admin",
          Severity.HIGH,
          "Pipeline role with administrator rights",
          "A deployment needs to change a few services, not the account. A pipeline role that is"
              + " an administrator (or can make itself one) turns any compromise of the pipeline"
              + " — an injected script, a malicious action, a poisoned dependency — into control"
              + " of the whole account.",
          List.of(
              "Replace AdministratorAccess on the role with a policy listing the actions and"
                  + " resources the deployment uses (IAM Access Analyzer can generate one from"
                  + " CloudTrail activity).",
              "Remove IAM write permissions (Attach*/Put*Policy, CreatePolicyVersion,"
                  + " UpdateAssumeRolePolicy) from pipeline roles.",
              "Give infrastructure-as-code applies their own role, trusted only from the protected"
                  + " branch or environment that runs them, and consider a permissions boundary."),
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity role : Aws.roles(context.graph())) {
      Optional<PolicyDocument> trust = Aws.trust(role);
      List<OidcGrant> ci =
          trust.map(OidcTrust::grants).orElse(List.of()).stream()
              .filter(g -> g.platform().isPresent())
              .toList();
      List<Relation> pipelines = Aws.pipelineAssumers(context.graph(), role);
      if (ci.isEmpty() && pipelines.isEmpty()) {
        continue;
      }
      Optional<Boolean> admin = Aws.adminEquivalent(role);
      if (admin.isEmpty()) {
        outcomes.unknown(role.id(), "the role's policies were not read");
        continue;
      }
      if (!admin.get()) {
        outcomes.pass(role.id());
        continue;
      }
      List<String> issuers = new ArrayList<>();
      ci.forEach(g -> issuers.add(g.issuer().url()));
      outcomes
          .fail(
              role.id(),
              "Role "
                  + role.name()
                  + ", assumed by pipelines through OIDC, "
                  + (role.isTrue(Attr.ADMIN_ACCESS)
                      ? "is an administrator of the account."
                      : "can make itself an administrator of the account."))
          .with("role", role.name())
          .with("issuers", issuers.isEmpty() ? null : issuers.stream().distinct().toList())
          .with("adminVia", emptyToNull(role.list(Attr.ADMIN_VIA)))
          .with("privilegeEscalation", emptyToNull(role.list(Attr.PRIVILEGE_ESCALATION)))
          .with("assumableFrom", emptyToNull(Aws.assumedBy(context.graph(), role)));
    }
  }

  private static List<String> emptyToNull(List<String> list) {
    return list.isEmpty() ? null : list;
  }
}
