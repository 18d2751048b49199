package dev.tenet.core.trust;

import static dev.tenet.core.trust.TrustPolicies.GITHUB_PROVIDER;
import static dev.tenet.core.trust.TrustPolicies.aud;
import static dev.tenet.core.trust.TrustPolicies.github;
import static dev.tenet.core.trust.TrustPolicies.sub;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.iam.PolicyDocument;
import dev.tenet.core.iam.Ternary;
import org.junit.jupiter.api.Test;

/** Matching concrete subject claims, as real repositories and environments present them. */
class OidcTrustTest {
  private static final String PROD = "repo:acme-corp/payments-api:environment:production";

  @Test
  void pinnedEnvironmentAdmitsExactlyThatEnvironment() {
    PolicyDocument trust = github(aud() + "," + sub("StringEquals", PROD));
    assertThat(OidcTrust.allows(trust, GITHUB_PROVIDER, PROD)).isEqualTo(Ternary.TRUE);
    assertThat(
            OidcTrust.allows(
                trust, GITHUB_PROVIDER, "repo:acme-corp/payments-api:environment:staging"))
        .isEqualTo(Ternary.FALSE);
    assertThat(
            OidcTrust.allows(
                trust, GITHUB_PROVIDER, "repo:acme-corp/payments-api:ref:refs/heads/main"))
        .isEqualTo(Ternary.FALSE);
    assertThat(
            OidcTrust.allows(
                trust, GITHUB_PROVIDER, "repo:acme-corp/payments-web:environment:production"))
        .isEqualTo(Ternary.FALSE);
    // Another provider of the same account is not trusted.
    assertThat(OidcTrust.allows(trust, "arn:aws:iam::123456789012:oidc-provider/gitlab.com", PROD))
        .isEqualTo(Ternary.FALSE);
  }

  @Test
  void organizationWildcardAdmitsEveryRepositoryButNoOtherOrganization() {
    PolicyDocument trust = github(aud() + "," + sub("StringLike", "repo:acme-corp/*"));
    assertThat(OidcTrust.allows(trust, GITHUB_PROVIDER, "repo:acme-corp/sandbox:pull_request"))
        .isEqualTo(Ternary.TRUE);
    assertThat(
            OidcTrust.allows(trust, GITHUB_PROVIDER, "repo:acme-corp-evil/x:ref:refs/heads/main"))
        .isEqualTo(Ternary.FALSE);
  }

  @Test
  void aMissingAudienceConditionDoesNotStopAnyone() {
    PolicyDocument noAud = github(sub("StringEquals", PROD));
    assertThat(OidcTrust.allows(noAud, GITHUB_PROVIDER, PROD)).isEqualTo(Ternary.TRUE);
  }

  @Test
  void denyStatementsWinAndUnknownConditionsMakeItPossibleOnly() {
    PolicyDocument trust =
        PolicyDocument.parse(
            """
            {"Statement":[
             {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:AssumeRoleWithWebIdentity",
              "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme-corp/*"}}},
             {"Effect":"Deny","Principal":{"Federated":"%1$s"},"Action":"sts:AssumeRoleWithWebIdentity",
              "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme-corp/sandbox:*"}}},
             {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:AssumeRoleWithWebIdentity",
              "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:partner/*"},
                           "IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}
            """
                .formatted(GITHUB_PROVIDER));
    assertThat(OidcTrust.allows(trust, GITHUB_PROVIDER, "repo:acme-corp/api:pull_request"))
        .isEqualTo(Ternary.TRUE);
    assertThat(OidcTrust.allows(trust, GITHUB_PROVIDER, "repo:acme-corp/sandbox:pull_request"))
        .isEqualTo(Ternary.FALSE);
    assertThat(OidcTrust.allows(trust, GITHUB_PROVIDER, "repo:partner/tool:ref:refs/heads/main"))
        .isEqualTo(Ternary.UNKNOWN);
  }

  @Test
  void claimsFormatAndParseBothWays() {
    SubjectClaim env = SubjectClaim.environment("acme-corp", "payments-api", "production");
    assertThat(env.format(CiPlatform.GITHUB)).hasValue(PROD);
    assertThat(SubjectClaim.parse(CiPlatform.GITHUB, PROD)).hasValue(env);
    SubjectClaim branch = SubjectClaim.branch("acme/platform", "api", "main");
    assertThat(branch.format(CiPlatform.GITLAB))
        .hasValue("project_path:acme/platform/api:ref_type:branch:ref:main");
    assertThat(
            SubjectClaim.parse(
                CiPlatform.GITLAB, "project_path:acme/platform/api:ref_type:branch:ref:main"))
        .hasValue(branch);
    assertThat(env.format(CiPlatform.GITLAB)).isEmpty();
    assertThat(SubjectClaim.parse(CiPlatform.GITHUB, "repo:acme/app:job_workflow_ref:x")).isEmpty();
  }

  @Test
  void issuersAreRecognisedFromProviderArnsAndUrls() {
    assertThat(OidcIssuer.fromProviderArn(GITHUB_PROVIDER).orElseThrow().platform())
        .hasValue(CiPlatform.GITHUB);
    OidcIssuer ghes = OidcIssuer.fromUrl("https://github.acme.example/_services/token");
    assertThat(ghes.platform()).hasValue(CiPlatform.GITHUB);
    assertThat(ghes.platformHost()).isEqualTo("github.acme.example");
    assertThat(ghes.conditionKey("sub")).isEqualTo("github.acme.example/_services/token:sub");
    assertThat(OidcIssuer.fromUrl("https://gitlab.com/").platform()).hasValue(CiPlatform.GITLAB);
    assertThat(OidcIssuer.fromUrl("oidc.eks.eu-west-1.amazonaws.com/id/ABC").platform()).isEmpty();
    assertThat(OidcIssuer.fromProviderArn("arn:aws:iam::1:saml-provider/x")).isEmpty();
  }
}
