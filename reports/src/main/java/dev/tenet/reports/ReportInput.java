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
 */
public record ReportInput(
    Assessment assessment,
    List<AssessmentSummary> history,
    List<RiskAcceptance> acceptances,
    RuleCatalog rules,
    WeaknessCatalog weaknesses) {

  public ReportInput {
    history = List.copyOf(history);
    acceptances = List.copyOf(acceptances);
  }
}
