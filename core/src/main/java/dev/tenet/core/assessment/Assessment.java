package dev.tenet.core.assessment;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.score.ScoreCard;
import java.time.Instant;
import java.util.List;

/**
 * One stored assessment: what was scanned, what was found, how it scored.
 *
 * @param id time-ordered id, e.g. 20261126T100000Z-3f9a2c
 * @param tool the tool and version that produced it, e.g. "tenet 0.1.0"
 * @param attackPaths the attack paths found, most severe first (at most the path policy's limit)
 * @param exposure what the attack path analysis found besides the listed paths
 */
public record Assessment(
    String id,
    Instant startedAt,
    Instant finishedAt,
    String tool,
    List<ScopeEntry> scope,
    List<Finding> findings,
    List<RuleTally> tallies,
    ScoreCard score,
    List<AttackPath> attackPaths,
    Coverage coverage,
    ScanStats stats,
    Exposure exposure) {

  public Assessment {
    scope = List.copyOf(scope);
    findings = List.copyOf(findings);
    tallies = List.copyOf(tallies);
    attackPaths = List.copyOf(attackPaths);
    exposure = exposure == null ? Exposure.NONE : exposure;
  }

  /** An assessment without attack path analysis (no exposure summary). */
  public Assessment(
      String id,
      Instant startedAt,
      Instant finishedAt,
      String tool,
      List<ScopeEntry> scope,
      List<Finding> findings,
      List<RuleTally> tallies,
      ScoreCard score,
      List<AttackPath> attackPaths,
      Coverage coverage,
      ScanStats stats) {
    this(
        id,
        startedAt,
        finishedAt,
        tool,
        scope,
        findings,
        tallies,
        score,
        attackPaths,
        coverage,
        stats,
        Exposure.NONE);
  }
}
