package dev.tenet.core.paths;

import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Exposure;
import dev.tenet.core.model.Finding;
import dev.tenet.core.rule.RuleTally;
import java.util.List;

/**
 * What the attack path analysis of one scan produced.
 *
 * @param paths the attack paths to list, most severe first (at most the policy's maxPaths)
 * @param exposure counts, the cut that closes every path, and blast radii
 * @param findings one finding per reachable crown jewel (rule {@code TENET-PATH-001})
 * @param tally the crown jewels judged: reachable ones failed, the others passed
 */
public record PathAnalysis(
    List<AttackPath> paths, Exposure exposure, List<Finding> findings, RuleTally tally) {

  public PathAnalysis {
    paths = List.copyOf(paths);
    findings = List.copyOf(findings);
  }
}
