package dev.tenet.core.rules.gitlab;

import dev.tenet.core.rule.Rule;
import java.util.List;

/** The GitLab rules, in catalog order. */
public final class GitLabRules {
  private GitLabRules() {}

  public static List<Rule> all() {
    return List.of(
        // Groups and members
        new GroupMfaNotEnforced(),
        new MemberMfaDisabled(),
        new SsoNotEnforced(),
        new ExcessiveOwners(),
        new AdminInactive(),
        // Credentials
        new VariableUnprotected(),
        new VariableUnmasked(),
        new SecretBroadlyShared(),
        new TokenNoExpiry(),
        new TokenOverprivileged(),
        new ScannerTokenOverprivileged(),
        new DeployKeyWrite(),
        // Branches and merge requests
        new DefaultBranchUnprotected(),
        new ForcePushAllowed(),
        new DirectPushAllowed(),
        new ReviewNotRequired(),
        new ApprovalBypassable(),
        new PipelineNotRequired(),
        new UnsignedCommitsAllowed(),
        new SecretPushProtectionDisabled(),
        // Integrations, runners, environments, pipelines
        new WebhookInsecureTransport(),
        new WebhookUnauthenticated(),
        new RunnerSharedUntagged(),
        new SelfHostedRunnerPublic(),
        new EnvironmentUnprotected(),
        new CiJobTokenUnscoped(),
        new PipelineLogsPublic());
  }
}
