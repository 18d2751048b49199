package dev.tenet.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PermissionAnalysisTest {

  private static NamedPolicy policy(String name, String statements) {
    return new NamedPolicy(name, PolicyDocument.parse("{\"Statement\":[" + statements + "]}"));
  }

  private static final NamedPolicy ADMIN =
      policy("AdministratorAccess", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");

  @Test
  void fullAdministratorAndWhereItComesFrom() {
    Permissions p = PermissionAnalysis.analyze(List.of(ADMIN), Optional.empty());
    assertThat(p.fullAdmin()).isTrue();
    assertThat(p.adminVia()).containsExactly("AdministratorAccess");
    assertThat(p.adminEquivalent()).isTrue();
    assertThat(p.assumableRoles()).containsExactly("*");
  }

  @Test
  void iamWriteIsAdministratorInDisguise() {
    Permissions p =
        PermissionAnalysis.analyze(
            List.of(
                policy(
                    "ops",
                    "{\"Effect\":\"Allow\",\"Action\":[\"iam:Put*\",\"ec2:Describe*\"],\"Resource\":\"*\"}")),
            Optional.empty());
    assertThat(p.fullAdmin()).isFalse();
    assertThat(p.escalation())
        .contains("iam:PutRolePolicy (ops)", "iam:PutUserPolicy (ops)")
        .noneMatch(e -> e.startsWith("iam:Attach"));
    assertThat(p.adminEquivalent()).isTrue();
  }

  @Test
  void scopedGrantsAreNeitherAdminNorWildcards() {
    Permissions p =
        PermissionAnalysis.analyze(
            List.of(
                policy(
                    "deploy",
                    "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-artifacts/*\"},"
                        + "{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"arn:aws:iam::123456789012:role/app-*\"}")),
            Optional.empty());
    assertThat(p.adminEquivalent()).isFalse();
    assertThat(p.wildcardGrants()).isEmpty();
  }

  @Test
  void serviceWideWildcardsAndNotActionAreReported() {
    Permissions p =
        PermissionAnalysis.analyze(
            List.of(
                policy("data", "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"),
                policy(
                    "PowerUserAccess",
                    "{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"}")),
            Optional.empty());
    assertThat(p.wildcardGrants())
        .containsExactly(
            "data: s3:* on *", "PowerUserAccess: every action except iam:*, organizations:*");
    assertThat(p.escalation()).isEmpty();
  }

  @Test
  void unconditionalDenyAndPermissionsBoundaryTakeGrantsAway() {
    NamedPolicy denyAll =
        policy("deny", "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}");
    assertThat(PermissionAnalysis.analyze(List.of(ADMIN, denyAll), Optional.empty()).fullAdmin())
        .isFalse();
    NamedPolicy conditionalDeny =
        policy(
            "deny-without-mfa",
            "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}");
    assertThat(
            PermissionAnalysis.analyze(List.of(ADMIN, conditionalDeny), Optional.empty())
                .fullAdmin())
        .isTrue();
    PolicyDocument boundary =
        PolicyDocument.parse(
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"iam:PutRolePolicy\"],\"Resource\":\"*\"}]}");
    Permissions bounded = PermissionAnalysis.analyze(List.of(ADMIN), Optional.of(boundary));
    assertThat(bounded.fullAdmin()).isFalse();
    assertThat(bounded.escalation()).containsExactly("iam:PutRolePolicy (AdministratorAccess)");
  }
}
