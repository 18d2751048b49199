package dev.tenet.core.rule;

import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.Severity;

/** How many subjects one rule judged, and how they came out: the input of scoring. */
public record RuleTally(
    String ruleId,
    String weakness,
    Pillar pillar,
    Severity severity,
    int passed,
    int failed,
    int unknown) {

  public int evaluated() {
    return passed + failed + unknown;
  }
}
