package dev.tenet.core.rules.aws;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.iam.Condition;
import dev.tenet.core.iam.PolicyDocument;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.trust.Breadth;
import dev.tenet.core.trust.OidcGrant;
import dev.tenet.core.trust.OidcTrust;
import dev.tenet.core.trust.SubjectScope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A role trusts a CI platform's OIDC tokens without pinning the subject to one repository and one
 * protected branch or environment: every repository on the platform, or of the organization, or
 * every branch of a repository can then assume it.
 */
public final class OidcSubjectNotPinned implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "AWS-OIDC-001",
          "oidc-trust-too-broad",
          Severity.CRITICAL,
          "Role trusts pipeline OIDC tokens without pinning repository, branch or environment",
          "The subject claim is the only thing that tells one pipeline run from another: without"
              + " it (or with a wildcard), any repository on the platform, any repository of the"
              + " organization, or any branch someone with write access can push gets the role's"
              + " credentials, with no secret to steal.",
          List.of(
              "Edit the role's trust policy (IAM → Roles → Trust relationships).",
              "Condition the subject with StringEquals on one repository and a protected context:"
                  + " \"token.actions.githubusercontent.com:sub\":"
                  + " \"repo:ORG/REPO:environment:production\" (GitHub) or"
                  + " \"gitlab.com:sub\": \"project_path:GROUP/PROJECT:ref_type:branch:ref:main\""
                  + " (GitLab).",
              "Prefer a deployment environment with required reviewers over a branch, and protect"
                  + " that branch or environment so only reviewed code reaches it.",
              "Use StringLike only where a wildcard is really meant, and never in the owner or"
                  + " repository part."),
          List.of(
              "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
              "https://docs.gitlab.com/ci/cloud_services/aws/",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity role : Aws.roles(context.graph())) {
      Optional<PolicyDocument> trust = Aws.trust(role);
      if (trust.isEmpty()) {
        if (role.has(Attr.TRUST_POLICY)) {
          outcomes.unknown(role.id(), "the trust policy could not be parsed");
        }
        continue;
      }
      for (OidcGrant grant : OidcTrust.grants(trust.get())) {
        judge(context, outcomes, role, grant);
      }
    }
  }

  private void judge(RuleContext context, Outcomes outcomes, Entity role, OidcGrant grant) {
    boolean ci = grant.platform().isPresent();
    SubjectScope scope = grant.subjectScope();
    if (!ci && !grant.subjectConditions().isEmpty()) {
      return; // Not a CI issuer (EKS, an IdP): its subject format is not a pipeline's.
    }
    if (scope.breadth().isEmpty()) {
      outcomes.unknown(
          role.id(),
          "the subject pattern '"
              + scope.pattern()
              + "' is in a format Tenet does not know (a customized subject claim?)");
      return;
    }
    Breadth breadth = scope.breadth().get();
    if (!breadth.tooBroad()) {
      outcomes.pass(role.id());
      return;
    }
    boolean admin = Aws.adminEquivalent(role).orElse(false);
    String issuer = grant.issuer().url();
    String what =
        ci ? breadth.description() : "any workload the issuer " + issuer + " gives a token to";
    String message =
        "Role "
            + role.name()
            + " can be assumed with an OIDC token from "
            + issuer
            + " by "
            + what
            + (scope.pattern().equals("(none)")
                ? " (no subject condition)"
                : " (subject " + scope.operator() + " '" + scope.pattern() + "')")
            + (admin ? ", and it is an administrator." : ".");
    outcomes
        .fail(role.id(), message)
        .with("role", role.name())
        .with("issuer", issuer)
        .with("provider", grant.providerArn())
        .with("subjectPattern", scope.pattern())
        .with("operator", scope.operator().isEmpty() ? null : scope.operator())
        .with("breadth", breadth.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .with("attackerSubject", scope.example().isEmpty() ? null : scope.example())
        .with(
            "excludes",
            grant.subjectExclusions().isEmpty()
                ? null
                : grant.subjectExclusions().stream().map(Condition::toString).toList())
        .with(
            "otherConditions",
            grant.otherConditions().isEmpty()
                ? null
                : grant.otherConditions().stream().map(Condition::toString).toList())
        .with("assumableFrom", nonEmpty(Aws.assumedBy(context.graph(), role)))
        .with("administrator", admin)
        .anchor(grant.providerArn())
        .severity(severity(breadth, admin));
  }

  static Severity severity(Breadth breadth, boolean admin) {
    return switch (breadth) {
      case ANY_OWNER -> Severity.CRITICAL;
      case ANY_PROJECT -> admin ? Severity.CRITICAL : Severity.HIGH;
      case ANY_CONTEXT, ANY_BRANCH, PULL_REQUEST, ANY_TAG ->
          admin ? Severity.HIGH : Severity.MEDIUM;
      case ANY_ENVIRONMENT -> admin ? Severity.MEDIUM : Severity.LOW;
      case PINNED, NEVER -> Severity.INFO;
    };
  }

  private static List<String> nonEmpty(List<String> list) {
    return list.isEmpty() ? null : list;
  }
}
