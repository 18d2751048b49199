package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/**
 * Neither secret push protection nor the "prevent pushing secret files" push rule stops a
 * credential from being pushed.
 */
public final class SecretPushProtectionDisabled implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-PUSH-002",
          "secret-scanning-disabled",
          Severity.MEDIUM,
          "Pushes containing secrets are not blocked",
          "A key committed by mistake is in the history of every clone and fork within minutes;"
              + " blocking the push is the only point where it never leaves the laptop.",
          List.of(
              "Ultimate: in Secure → Security configuration, turn on 'Secret push protection'.",
              "Premium: in Settings → Repository → Push rules, tick 'Prevent pushing secret"
                  + " files'."),
          List.of(
              GitLab.DOCS + "user/application_security/secret_detection/secret_push_protection/",
              GitLab.DOCS
                  + "user/project/repository/push_rules/#prevent-pushing-secrets-to-the-repository"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity project : GitLab.projects(context.graph())) {
      if (project.isTrue(Attr.PUSH_PROTECTION)) {
        outcomes.pass(project.id());
      } else if (project.isFalse(Attr.PUSH_PROTECTION)) {
        outcomes
            .fail(
                project.id(), "Project " + project.name() + " accepts pushes that contain secrets.")
            .with("secret_push_protection_enabled", false)
            .with("prevent_secrets", false);
      } else {
        outcomes.unknown(project.id(), "push rules and security settings could not be read");
      }
    }
  }
}
