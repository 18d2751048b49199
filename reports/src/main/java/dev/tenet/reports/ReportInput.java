package dev.tenet.reports;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.assessment.RiskAcceptance;
import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rule.RuleCatalog;
import java.util.List;

/**
 * What every report reads: the stored assessment, the assessments before it (for trends and
 * changes), and the catalogs that explain rules and weaknesses.
 *
 * @param history summaries of the assessments of the same scope up to and including this one,
 *     oldest first (the trend chart)
 * @param previous the assessment of the same scope before this one, or null: the base of "changes
 *     since the previous assessment"
 * @param signer who will sign the report, printed on its integrity page so that a removed signature
 *     shows; null for an unsigned report
 */
public record ReportInput(
    Assessment assessment,
    List<AssessmentSummary> history,
    List<RiskAcceptance> acceptances,
    RuleCatalog rules,
    WeaknessCatalog weaknesses,
    Assessment previous,
    Signer signer) {

  /** The signer a report announces: the certificate's common name and its SHA-256 (hex). */
  public record Signer(String name, String certificateSha256) {}

  public ReportInput {
    history = List.copyOf(history);
    acceptances = List.copyOf(acceptances);
  }

  /** An unsigned report's input. */
  public ReportInput(
      Assessment assessment,
      List<AssessmentSummary> history,
      List<RiskAcceptance> acceptances,
      RuleCatalog rules,
      WeaknessCatalog weaknesses,
      Assessment previous) {
    this(assessment, history, acceptances, rules, weaknesses, previous, null);
  }

  /** The same input, for a report that {@code signer} will sign. */
  public ReportInput signedBy(Signer signer) {
    return new ReportInput(assessment, history, acceptances, rules, weaknesses, previous, signer);
  }

  /** An input without a previous assessment. */
  public ReportInput(
      Assessment assessment,
      List<AssessmentSummary> history,
      List<RiskAcceptance> acceptances,
      RuleCatalog rules,
      WeaknessCatalog weaknesses) {
    this(assessment, history, acceptances, rules, weaknesses, null, null);
  }
}
