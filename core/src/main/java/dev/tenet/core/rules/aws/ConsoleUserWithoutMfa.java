package dev.tenet.core.rules.aws;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/** An IAM user (or the root user) can sign in to the console with a password alone. */
public final class ConsoleUserWithoutMfa implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "AWS-USER-001",
          "member-mfa-disabled",
          Severity.HIGH,
          "Console user without MFA",
          "A console password without a second factor can be phished, guessed or reused from"
              + " another breach; the account then acts with all of the user's rights. For the"
              + " root user, that is the whole account, beyond the reach of any policy.",
          List.of(
              "Have the user register an MFA device (IAM → Users → Security credentials → Assign"
                  + " MFA device); prefer a FIDO2 security key or passkey.",
              "Enforce it: deny everything but MFA self-service without aws:MultiFactorAuthPresent,"
                  + " or move people to IAM Identity Center with MFA required.",
              "For the root user: enable MFA, and keep root credentials for the few tasks that"
                  + " need them."),
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity user : Aws.users(context.graph())) {
      if (!user.has(Attr.CONSOLE_ACCESS)) {
        outcomes.unknown(
            user.id(), "console access and MFA come from the credential report, not supplied");
        continue;
      }
      if (user.isFalse(Attr.CONSOLE_ACCESS) || user.isTrue(Attr.MFA_ENABLED)) {
        outcomes.pass(user.id());
        continue;
      }
      if (!user.has(Attr.MFA_ENABLED)) {
        outcomes.unknown(user.id(), "whether the user has MFA is not known");
        continue;
      }
      boolean root = Aws.isRoot(user);
      boolean admin = root || Aws.adminEquivalent(user).orElse(false);
      outcomes
          .fail(
              user.id(),
              (root ? "The root user of account " + Aws.accountOf(user) : "IAM user " + user.name())
                  + " can sign in to the console with a password and has no MFA device.")
          .with("user", user.name())
          .with("administrator", admin)
          .with("lastSignIn", user.text(Attr.LAST_ACTIVE_AT).orElse(null))
          .severity(admin ? Severity.CRITICAL : METADATA.severity());
    }
  }
}
