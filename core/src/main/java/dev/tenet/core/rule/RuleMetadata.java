package dev.tenet.core.rule;

import dev.tenet.core.model.Severity;
import java.util.List;

/**
 * What a rule checks and how to fix what it finds; kept beside the rule's code.
 *
 * @param id stable rule id, e.g. GH-BRANCH-001
 * @param weakness the weakness id (weaknesses.yaml) every finding of this rule carries
 * @param severity the severity of its findings unless the rule raises or lowers one with evidence
 * @param title short statement of the problem, as a finding title
 * @param rationale why it matters, in a sentence or two
 * @param remediation the steps that fix a finding, in order
 * @param references links to the platform's documentation or the framework
 */
public record RuleMetadata(
    String id,
    String weakness,
    Severity severity,
    String title,
    String rationale,
    List<String> remediation,
    List<String> references) {

  public RuleMetadata {
    remediation = List.copyOf(remediation);
    references = List.copyOf(references);
  }

  /** The platform prefix of the id: GH for GitHub, GL for GitLab, and so on. */
  public String family() {
    int dash = id.indexOf('-');
    return dash < 0 ? id : id.substring(0, dash);
  }
}
