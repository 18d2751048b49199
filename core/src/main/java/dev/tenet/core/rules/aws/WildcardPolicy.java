package dev.tenet.core.rules.aws;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.Subjects;
import java.util.ArrayList;
import java.util.List;

/** A user, group or role holds service-wide wildcards ({@code s3:*} on every resource). */
public final class WildcardPolicy implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "AWS-IAM-003",
          "cloud-standing-admin",
          Severity.MEDIUM,
          "Wildcard permissions on every resource",
          "\"s3:*\" on \"*\" is administrator of a service: every bucket, every setting, every"
              + " future action AWS adds. Such grants are standing privilege nobody reviewed action"
              + " by action, and a stolen credential inherits all of it.",
          List.of(
              "Replace the wildcard with the actions the identity uses (IAM Access Analyzer's"
                  + " policy generation, or last-accessed information, lists them).",
              "Scope Resource to the ARNs it works on instead of \"*\".",
              "Prefer AWS managed job-function policies over *FullAccess ones only where they"
                  + " match the job."),
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    List<Entity> principals = new ArrayList<>();
    principals.addAll(Aws.users(context.graph()));
    principals.addAll(Subjects.of(context.graph(), EntityKind.TEAM, Aws.PLATFORM));
    principals.addAll(Aws.roles(context.graph()));
    for (Entity p : principals) {
      if (Aws.isRoot(p) || p.isTrue(Attr.SYSTEM_DEFAULT) || !p.has(Attr.ADMIN_ACCESS)) {
        continue; // Service-linked roles belong to AWS; unread policies are judged elsewhere.
      }
      List<String> grants = p.list(Attr.WILDCARD_GRANTS);
      if (grants.isEmpty()) {
        outcomes.pass(p.id());
        continue;
      }
      outcomes
          .fail(
              p.id(),
              kind(p)
                  + " "
                  + p.name()
                  + " holds "
                  + grants.size()
                  + " service-wide wildcard grant(s) on every resource, e.g. "
                  + grants.get(0)
                  + ".")
          .with("principal", p.name())
          .with("wildcardGrants", grants);
    }
  }

  private static String kind(Entity p) {
    return switch (p.kind()) {
      case USER -> "IAM user";
      case TEAM -> "IAM group";
      default -> "Role";
    };
  }
}
