package dev.tenet.core.rules.aws;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Optional;

/** An IAM user holds administrator rights (or can grant them to itself) permanently. */
public final class UserStandingAdmin implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "AWS-IAM-001",
          "cloud-standing-admin",
          Severity.HIGH,
          "IAM user with standing administrator rights",
          "An IAM user's password and access keys are long-lived: whoever obtains them holds"
              + " the whole account, at any time, with nothing to approve and nothing to expire."
              + " Administration should be a role assumed for a task, through single sign-on.",
          List.of(
              "Move administrators to IAM Identity Center (SSO) permission sets, or to a role they"
                  + " assume with MFA for the task at hand.",
              "Detach AdministratorAccess (and IAM write permissions) from the user and its"
                  + " groups; give it only what its work needs.",
              "Delete its access keys if the user is a person; rotate and scope them if it is a"
                  + " workload that cannot federate."),
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity user : Aws.users(context.graph())) {
      if (Aws.isRoot(user)) {
        continue; // The root user is administrator by nature; its own rules judge its guard.
      }
      Optional<Boolean> admin = Aws.adminEquivalent(user);
      if (admin.isEmpty()) {
        outcomes.unknown(user.id(), "the user's policies were not read");
        continue;
      }
      if (!admin.get()) {
        outcomes.pass(user.id());
        continue;
      }
      int keys = Aws.activeKeys(context.graph(), user).size();
      boolean consoleWithoutMfa =
          user.isTrue(Attr.CONSOLE_ACCESS) && user.isFalse(Attr.MFA_ENABLED);
      outcomes
          .fail(
              user.id(),
              "IAM user "
                  + user.name()
                  + (user.isTrue(Attr.ADMIN_ACCESS)
                      ? " is an administrator"
                      : " can make itself an administrator")
                  + (keys > 0 ? " and has " + keys + " active access key(s)." : "."))
          .with("user", user.name())
          .with("adminVia", empty(user.list(Attr.ADMIN_VIA)))
          .with("privilegeEscalation", empty(user.list(Attr.PRIVILEGE_ESCALATION)))
          .with("activeAccessKeys", keys)
          .with("consoleWithoutMfa", consoleWithoutMfa ? true : null)
          .severity(keys > 0 || consoleWithoutMfa ? Severity.CRITICAL : METADATA.severity());
    }
  }

  private static List<String> empty(List<String> list) {
    return list.isEmpty() ? null : list;
  }
}
