package dev.tenet.core.rules.pipeline;

import dev.tenet.core.rule.Rule;
import java.util.List;

/** The pipeline rules (GitHub Actions workflows and actions, GitLab CI), in catalog order. */
public final class PipelineRules {
  private PipelineRules() {}

  public static List<Rule> all() {
    return List.of(
        // Untrusted input and code
        new ScriptInjection(),
        new EnvFileInjection(),
        new InsecureCommands(),
        new UntrustedCheckoutExec(),
        new DangerousTrigger(),
        new SpoofableActorCheck(),
        // Token and secrets
        new ExcessivePermissions(),
        new SecretsInherited(),
        new HardcodedSecret(),
        new CredentialPersisted(),
        new StaticCredentials(),
        // Runners
        new SelfHostedRunnerExposed(),
        // Supply chain
        new ActionUnpinned(),
        new ImageUnpinned(),
        new RemoteInclude(),
        new PipeToShell(),
        new CachePoisoning());
  }
}
