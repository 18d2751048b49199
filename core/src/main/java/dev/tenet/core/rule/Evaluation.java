package dev.tenet.core.rule;

import dev.tenet.core.model.Finding;
import java.util.List;

/** The result of running the rule catalog over a scan's facts. */
public record Evaluation(List<Finding> findings, List<RuleTally> tallies) {
  public Evaluation {
    findings = List.copyOf(findings);
    tallies = List.copyOf(tallies);
  }
}
