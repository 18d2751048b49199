package dev.tenet.core.rules.aws;

import dev.tenet.core.rule.Rule;
import java.util.List;

/** The AWS IAM rules, in catalog order. */
public final class AwsRules {
  private AwsRules() {}

  public static List<Rule> all() {
    return List.of(
        // Federation and trust
        new OidcSubjectNotPinned(),
        new OidcAudienceNotPinned(),
        new ExternalAccountTrusted(),
        // Standing privilege
        new UserStandingAdmin(),
        new PipelineRoleAdmin(),
        new WildcardPolicy(),
        // People and keys
        new ConsoleUserWithoutMfa(),
        new AccessKeyNotRotated(),
        new AccessKeyUnused(),
        new CiUserAccessKey());
  }
}
