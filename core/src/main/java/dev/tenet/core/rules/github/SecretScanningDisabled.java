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

/** Secret scanning, or its push protection, is off for a repository. */
public final class SecretScanningDisabled implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-SEC-001",
          "secret-scanning-disabled",
          Severity.MEDIUM,
          "Secret scanning or push protection is disabled",
          "Committed credentials are the most common way into pipelines and clouds; without"
              + " scanning nobody is told, and without push protection they reach the history"
              + " (and every clone) before anyone can stop them.",
          List.of(
              "In the repository's Settings → Code security, enable 'Secret scanning' and 'Push"
                  + " protection' (private repositories need GitHub Secret Protection).",
              "Better: apply an organization security configuration that enables both for every"
                  + " repository."),
          List.of(
              "https://docs.github.com/en/code-security/secret-scanning/introduction/about-secret-scanning"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity repo : Subjects.activeRepositories(context.graph(), GitHub.PLATFORM)) {
      boolean scanningOff = repo.isFalse(Attr.SECRET_SCANNING);
      boolean pushOff = repo.isFalse(Attr.PUSH_PROTECTION);
      if (scanningOff || pushOff) {
        outcomes
            .fail(
                repo.id(),
                "Repository "
                    + repo.name()
                    + (scanningOff
                        ? " has secret scanning disabled."
                        : " scans for secrets but does not block pushes that contain them.")
                    + "")
            .with("secret_scanning", repo.bool(Attr.SECRET_SCANNING).orElse(null))
            .with("push_protection", repo.bool(Attr.PUSH_PROTECTION).orElse(null))
            .with("visibility", repo.text(Attr.VISIBILITY).orElse(null))
            .severity(scanningOff ? Severity.MEDIUM : Severity.LOW);
      } else if (repo.isTrue(Attr.SECRET_SCANNING) && repo.isTrue(Attr.PUSH_PROTECTION)) {
        outcomes.pass(repo.id());
      } else {
        outcomes.unknown(repo.id(), "security settings visible to repository admins only");
      }
    }
  }
}
