package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.Subjects;
import java.util.List;

/** No static analysis reports on the repository. */
public final class CodeScanningDisabled implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-SEC-003",
          "code-scanning-disabled",
          Severity.LOW,
          "No code scanning on the repository",
          "Injection flaws and unsafe workflow patterns merge unseen when no static analysis"
              + " looks at the changes.",
          List.of(
              "In the repository's Settings → Code security, enable CodeQL 'Default setup'"
                  + " (private repositories need GitHub Code Security).",
              "Or run another SAST tool in a workflow and upload its SARIF results."),
          List.of(
              "https://docs.github.com/en/code-security/code-scanning/enabling-code-scanning/configuring-default-setup-for-code-scanning"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity repo : Subjects.activeRepositories(context.graph(), GitHub.PLATFORM)) {
      if (repo.isTrue(Attr.CODE_SCANNING)) {
        outcomes.pass(repo.id());
      } else if (repo.isFalse(Attr.CODE_SCANNING)) {
        outcomes
            .fail(repo.id(), "No code scanning results exist for repository " + repo.name() + ".")
            .with("code_scanning", false)
            .with("visibility", repo.text(Attr.VISIBILITY).orElse(null));
      } else {
        outcomes.unknown(repo.id(), "code scanning status not visible to the token");
      }
    }
  }
}
