package dev.tenet.core.rules.github;

import dev.tenet.core.rule.Rule;
import java.util.List;

/** The GitHub rules, in catalog order. */
public final class GitHubRules {
  private GitHubRules() {}

  public static List<Rule> all() {
    return List.of(
        // Organization and people
        new OrgMfaNotEnforced(),
        new MemberMfaDisabled(),
        new SsoNotEnforced(),
        new BasePermissionBroad(),
        new ExcessiveOwners(),
        new OwnerInactive(),
        new OutsideCollaboratorPrivileged(),
        new TeamAccessBroad(),
        // Integrations and credentials
        new WebhookInsecureTransport(),
        new WebhookUnauthenticated(),
        new AppOverprivileged(),
        new TokenNoExpiry(),
        new TokenOverprivileged(),
        new ScannerTokenOverprivileged(),
        // Actions
        new ThirdPartyActionsUnrestricted(),
        new CiTokenDefaultWrite(),
        new CiTokenCanApprove(),
        new ForkWorkflowsUnapproved(),
        new SelfHostedRunnerPublic(),
        new RunnerPersistent(),
        new SecretStale(),
        new SecretBroadlyShared(),
        // Repositories
        new DefaultBranchUnprotected(),
        new ReviewNotRequired(),
        new ForcePushAllowed(),
        new ProtectionBypassable(),
        new StatusChecksNotRequired(),
        new UnsignedCommitsAllowed(),
        new PolicyNotEnforced(),
        new DeployKeyWrite(),
        new EnvironmentUnprotected(),
        new EnvironmentAnyBranch(),
        new SecretScanningDisabled(),
        new VulnerabilityAlertsDisabled(),
        new CodeScanningDisabled());
  }
}
