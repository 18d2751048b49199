package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.Subjects;
import java.util.List;

/** The token Tenet scanned with can do more than read. */
public final class ScannerTokenOverprivileged implements Rule {
  /** The resource-id kind of the scanner's own token: {@code github:ORG#scanner-token/tenet}. */
  static final String KIND = "scanner-token";

  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-TOKEN-003",
          "scanner-token-overprivileged",
          Severity.LOW,
          "The token given to Tenet can do more than read",
          "Tenet only reads. A token that can also write is one more standing credential that"
              + " could change the organization if the machine running the assessment were"
              + " compromised.",
          List.of(
              "Use a fine-grained personal access token or a GitHub App installation with read"
                  + " permissions only (see docs/PERMISSIONS.md for the exact list).",
              "Classic tokens cannot read private repository settings without the 'repo'"
                  + " scope, which also grants write access: prefer a fine-grained token."),
          List.of("docs/PERMISSIONS.md"));

  /** Classic scopes that only read. */
  static boolean readOnlyScope(String scope) {
    return scope.startsWith("read:") || scope.equals("user:email");
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity token : Subjects.of(context.graph(), EntityKind.TOKEN, GitHub.PLATFORM)) {
      if (!KIND.equals(ResourceId.parse(token.id()).kind())) {
        continue;
      }
      String type = token.text(Attr.TOKEN_TYPE).orElse("unknown");
      List<String> excess;
      if (token.has(Attr.SCOPES)) {
        excess = token.list(Attr.SCOPES).stream().filter(s -> !readOnlyScope(s)).toList();
      } else if (token.has(Attr.PERMISSIONS)) {
        excess =
            token.list(Attr.PERMISSIONS).stream()
                .filter(p -> p.endsWith(":write") || p.endsWith(":admin"))
                .toList();
      } else {
        outcomes.unknown(
            token.id(),
            type.equals("fine-grained-pat")
                ? "GitHub does not show a fine-grained token its own permissions"
                : "the token's permissions are not visible");
        continue;
      }
      if (excess.isEmpty()) {
        outcomes.pass(token.id());
      } else {
        outcomes
            .fail(
                token.id(),
                "The "
                    + type
                    + " token Tenet used can write: it holds "
                    + String.join(", ", excess)
                    + ".")
            .with("token_type", type)
            .with("write_access", excess);
      }
    }
  }
}
