package dev.tenet.core.score;

import dev.tenet.core.model.Pillar;
import java.util.List;

/**
 * The score of one pillar, with every point lost traced to a deduction.
 *
 * @param score 0-100, or null when nothing in this pillar could be assessed
 * @param checks subjects judged by the pillar's rules
 */
public record PillarScore(
    Pillar pillar,
    Integer score,
    String grade,
    int checks,
    int failed,
    int unknown,
    List<Deduction> deductions) {

  public PillarScore {
    deductions = List.copyOf(deductions);
  }

  public boolean assessed() {
    return score != null;
  }
}
