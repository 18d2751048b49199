package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Set;

/** The token given to Tenet holds more than read_api and read_repository. */
public final class ScannerTokenOverprivileged implements Rule {
  static final Set<String> NEEDED = Set.of("read_api", "read_repository");

  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-TOKEN-003",
          "scanner-token-overprivileged",
          Severity.LOW,
          "The token given to Tenet holds more than read access",
          "Tenet only reads. Scopes beyond read_api and read_repository add nothing to the"
              + " assessment, but a copy of the token could use them to change what it reports"
              + " on.",
          List.of(
              "Create a token with only the read_api and read_repository scopes (see"
                  + " docs/PERMISSIONS.md) and an expiry date.",
              "Give it to Tenet and revoke the broader one."),
          List.of("docs/PERMISSIONS.md", GitLab.DOCS + "user/profile/personal_access_tokens/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity t : GitLab.entities(context.graph(), EntityKind.TOKEN)) {
      if (!t.isTrue(Attr.SCANNER_TOKEN)) {
        continue;
      }
      if (!t.has(Attr.SCOPES)) {
        outcomes.unknown(t.id(), "the scopes of Tenet's token could not be read");
        continue;
      }
      List<String> extra =
          t.list(Attr.SCOPES).stream().filter(s -> !NEEDED.contains(s)).sorted().toList();
      if (extra.isEmpty()) {
        outcomes.pass(t.id());
        continue;
      }
      boolean writes =
          extra.stream()
              .anyMatch(
                  s -> TokenOverprivileged.BROAD_SCOPES.contains(s) || s.startsWith("write_"));
      outcomes
          .fail(
              t.id(),
              "Tenet's token '"
                  + t.name()
                  + "' holds "
                  + String.join(", ", extra)
                  + " beyond read_api and read_repository.")
          .with("scopes", t.list(Attr.SCOPES))
          .with("beyond_read", extra)
          .severity(writes ? Severity.MEDIUM : Severity.LOW);
    }
  }
}
