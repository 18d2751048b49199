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
    ScanStats stats) {

  public Assessment {
    scope = List.copyOf(scope);
    findings = List.copyOf(findings);
    tallies = List.copyOf(tallies);
    attackPaths = List.copyOf(attackPaths);
  }
}
