package dev.tenet.core.trust;

import static dev.tenet.core.trust.TrustPolicies.aud;
import static dev.tenet.core.trust.TrustPolicies.github;
import static dev.tenet.core.trust.TrustPolicies.gitlab;
import static dev.tenet.core.trust.TrustPolicies.sub;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.iam.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each flawed subject or audience pattern is flagged; each correctly pinned one is clean. */
class OidcGrantTest {

  private static OidcGrant only(PolicyDocument trust) {
    List<OidcGrant> grants = OidcTrust.grants(trust);
    assertThat(grants).hasSize(1);
    return grants.get(0);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Too broad
        "StringLike   | *                                              | ANY_OWNER",
        "StringLike   | repo:*                                         | ANY_OWNER",
        "StringLike   | repo:acme*                                     | ANY_OWNER",
        "StringLike   | *:environment:production                       | ANY_OWNER",
        "StringLike   | repo:acme-corp/*                               | ANY_PROJECT",
        "StringLike   | repo:acme-corp/*:environment:production        | ANY_PROJECT",
        "StringLike   | repo:acme-corp/app-*:ref:refs/heads/main       | ANY_PROJECT",
        "StringLike   | repo:acme-corp/payments-api:*                  | ANY_CONTEXT",
        "StringLike   | repo:acme-corp/payments-api:ref:*              | ANY_BRANCH",
        "StringLike   | repo:acme-corp/payments-api:ref:refs/heads/*   | ANY_BRANCH",
        "StringLike   | repo:acme-corp/payments-api:ref:refs/heads/main*  | ANY_BRANCH",
        "StringLike   | repo:acme-corp/payments-api:ref:refs/heads/release-?  | ANY_BRANCH",
        "StringLike   | repo:acme-corp/payments-api:ref:refs/tags/v*   | ANY_TAG",
        "StringLike   | repo:acme-corp/payments-api:environment:*      | ANY_ENVIRONMENT",
        "StringLike   | repo:acme-corp/payments-api:e*                 | ANY_ENVIRONMENT",
        "StringEquals | repo:acme-corp/payments-api:pull_request       | PULL_REQUEST",
        "ForAnyValue:StringLike | repo:acme-corp/*                     | ANY_PROJECT",
        // Pinned
        "StringEquals | repo:acme-corp/payments-api:environment:production | PINNED",
        "StringEquals | repo:acme-corp/payments-api:ref:refs/heads/main    | PINNED",
        "StringLike   | repo:acme-corp/payments-api:ref:refs/heads/main    | PINNED",
        "StringEquals | repo:acme-corp/payments-api:ref:refs/tags/v1.2.3  | PINNED",
        "ForAllValues:StringEquals | repo:acme-corp/payments-api:environment:production | PINNED",
        // A wildcard under StringEquals is literal: no real token matches it.
        "StringEquals | repo:acme-corp/*                               | NEVER",
      })
  void subjectPatternBreadth(String operator, String pattern, Breadth expected) {
    OidcGrant grant = only(github(aud() + "," + sub(operator, pattern)));
    SubjectScope scope = grant.subjectScope();

    assertThat(scope.breadth()).hasValue(expected);
    assertThat(expected.tooBroad())
        .isEqualTo(expected != Breadth.PINNED && expected != Breadth.NEVER);
    assertThat(scope.pattern()).isEqualTo(pattern);
    if (expected.tooBroad() && pattern.contains("*")) {
      // The example is a subject the role really accepts.
      assertThat(OidcTrust.allows(trustOf(grant), grant.providerArn(), scope.example()).possible())
          .as(scope.example())
          .isTrue();
    }
  }

  private static PolicyDocument trustOf(OidcGrant grant) {
    return new PolicyDocument(List.of(grant.statement()));
  }

  @Test
  void noSubjectConditionAtAllIsTheWholePlatform() {
    SubjectScope scope = only(github(aud())).subjectScope();
    assertThat(scope.breadth()).hasValue(Breadth.ANY_OWNER);
    assertThat(scope.pattern()).isEqualTo("(none)");
  }

  @Test
  void negatedSubjectConditionsExcludeButNeverPin() {
    OidcGrant grant = only(github(aud() + "," + sub("StringNotLike", "repo:evil/*")));
    assertThat(grant.subjectScope().breadth()).hasValue(Breadth.ANY_OWNER);
    assertThat(grant.subjectExclusions()).hasSize(1);
  }

  @Test
  void alternativesAreAsBroadAsTheWidestAndConjunctionsAsNarrowAsTheNarrowest() {
    OidcGrant alternatives =
        only(
            github(
                aud()
                    + ","
                    + sub(
                        "StringLike",
                        "repo:acme-corp/payments-api:environment:production",
                        "repo:acme-corp/*")));
    assertThat(alternatives.subjectScope().breadth()).hasValue(Breadth.ANY_PROJECT);
    assertThat(alternatives.subjectScope().pattern()).isEqualTo("repo:acme-corp/*");

    OidcGrant both =
        only(
            github(
                "\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:acme-corp/*\"},"
                    + "\"StringEquals\":{\"token.actions.githubusercontent.com:sub\":"
                    + "\"repo:acme-corp/payments-api:environment:production\","
                    + "\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"}"));
    assertThat(both.subjectScope().breadth()).hasValue(Breadth.PINNED);
  }

  @Test
  void customizedSubjectTemplatesAreNotJudgedButAbsentOnesAre() {
    OidcGrant custom =
        only(
            github(
                aud()
                    + ","
                    + sub(
                        "StringEquals",
                        "repository_owner_id:1234:repository_id:5678:environment:prod")));
    assertThat(custom.subjectScope().breadth()).isEmpty();
  }

  @Test
  void gitLabSubjects() {
    String key = "gitlab.com:sub";
    assertThat(
            only(gitlab("\"StringLike\":{\"" + key + "\":\"project_path:acme/*\"}"))
                .subjectScope()
                .breadth())
        .hasValue(Breadth.ANY_PROJECT);
    assertThat(
            only(gitlab("\"StringLike\":{\"" + key + "\":\"project_path:ac*\"}"))
                .subjectScope()
                .breadth())
        .hasValue(Breadth.ANY_OWNER);
    assertThat(
            only(gitlab(
                    "\"StringLike\":{\""
                        + key
                        + "\":\"project_path:acme/platform/api:ref_type:*\"}"))
                .subjectScope()
                .breadth())
        .hasValue(Breadth.ANY_BRANCH);
    assertThat(
            only(gitlab(
                    "\"StringLike\":{\""
                        + key
                        + "\":\"project_path:acme/platform/api:ref_type:branch:ref:*\"}"))
                .subjectScope()
                .breadth())
        .hasValue(Breadth.ANY_BRANCH);
    assertThat(
            only(gitlab(
                    "\"StringEquals\":{\""
                        + key
                        + "\":\"project_path:acme/platform/api:ref_type:branch:ref:main\"}"))
                .subjectScope()
                .breadth())
        .hasValue(Breadth.PINNED);
  }

  @Test
  void selfManagedIssuersAreRecognisedByTheirSubjectFormat() {
    PolicyDocument trust =
        PolicyDocument.parse(
            """
            {"Statement":[{"Effect":"Allow",
             "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/gitlab.acme.example"},
             "Action":"sts:AssumeRoleWithWebIdentity",
             "Condition":{"StringLike":{"gitlab.acme.example:sub":"project_path:platform/*"}}}]}
            """);
    OidcGrant grant = only(trust);
    assertThat(grant.issuer().platform()).isEmpty();
    assertThat(grant.platform()).hasValue(CiPlatform.GITLAB);
    assertThat(grant.subjectScope().breadth()).hasValue(Breadth.ANY_PROJECT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"StringEquals\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"}' | PINNED",
        "'\"StringLike\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"}' | PINNED",
        "'\"StringLike\":{\"token.actions.githubusercontent.com:aud\":\"*\"}' | WILDCARD",
        "'\"StringLike\":{\"token.actions.githubusercontent.com:aud\":\"sts.*\"}' | WILDCARD",
        "'\"StringNotEquals\":{\"token.actions.githubusercontent.com:aud\":\"x\"}' | MISSING",
        "'\"StringEquals\":{\"token.actions.githubusercontent.com:sub\":\"repo:a/b:pull_request\"}' | MISSING",
      })
  void audience(String condition, AudienceCheck.Status expected) {
    assertThat(only(github(condition)).audience().status()).isEqualTo(expected);
  }

  @Test
  void onlyWebIdentityStatementsOfOidcProvidersAreGrants() {
    PolicyDocument trust =
        PolicyDocument.parse(
            """
            {"Statement":[
             {"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},
             {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/Okta"},
              "Action":"sts:AssumeRoleWithSAML"},
             {"Effect":"Deny","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
              "Action":"sts:AssumeRoleWithWebIdentity"}]}
            """);
    assertThat(OidcTrust.grants(trust)).isEmpty();
  }
}
