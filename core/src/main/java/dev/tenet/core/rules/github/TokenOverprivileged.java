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

/**
 * A personal access token with access to the organization holds admin-level or sensitive write
 * permissions, or writes to every repository it can see (a classic token's {@code repo} scope).
 */
public final class TokenOverprivileged implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-TOKEN-002",
          "token-overprivileged",
          Severity.MEDIUM,
          "Personal access token with broad write or admin permissions",
          "A personal token acts as its owner from wherever it is stored; with administration,"
              + " secrets or workflow write access, or push access to every repository, one"
              + " leaked token is enough to take over the organization's pipelines.",
          List.of(
              "Ask the owner to replace the token with one limited to the repositories and"
                  + " permissions the task needs.",
              "In the organization's Settings → Personal access tokens → Active tokens, revoke"
                  + " the broad grant, and require approval for new fine-grained tokens."),
          List.of(
              "https://docs.github.com/en/organizations/managing-programmatic-access-to-your-organization/reviewing-and-revoking-personal-access-tokens-in-your-organization"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity token : Subjects.of(context.graph(), EntityKind.TOKEN, GitHub.PLATFORM)) {
      if (ResourceId.parse(token.id()).kind().equals(ScannerTokenOverprivileged.KIND)
          || token.instant(Attr.EXPIRES_AT).map(t -> t.isBefore(context.now())).orElse(false)) {
        continue;
      }
      List<String> broad;
      if (token.has(Attr.PERMISSIONS)) {
        broad = GitHub.broadPermissions(token);
      } else if (token.has(Attr.SCOPES)) {
        broad = token.list(Attr.SCOPES).stream().filter(GitHub::broadScope).toList();
      } else {
        outcomes.unknown(token.id(), "the token's permissions are not visible");
        continue;
      }
      if (broad.isEmpty()) {
        outcomes.pass(token.id());
      } else {
        outcomes
            .fail(
                token.id(),
                "Token "
                    + token.name()
                    + token.text(Attr.OWNER).map(o -> " of " + o).orElse("")
                    + " holds "
                    + String.join(", ", broad)
                    + (token.text(Attr.REPOSITORY_SELECTION).orElse("").equals("all")
                        ? " on all repositories."
                        : "."))
            .with("owner", token.text(Attr.OWNER).orElse(null))
            .with("broad_permissions", broad)
            .with("repository_selection", token.text(Attr.REPOSITORY_SELECTION).orElse(null));
      }
    }
  }
}
