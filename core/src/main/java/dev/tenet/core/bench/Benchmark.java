package dev.tenet.core.bench;

import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.paths.PathPolicy;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.scan.AssessmentEngine;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.Set;

/**
 * Times the judgement of a large organization: the rules, the attack paths and the scores, on a
 * {@link SyntheticOrganization}, and the heap it took (graph included).
 */
public final class Benchmark {
  private Benchmark() {}

  /**
   * What one run measured.
   *
   * @param judgeCpuMillis CPU time of the judging thread (rules, paths, scores): what the judgement
   *     costs on an idle machine, whatever else the machine is doing
   * @param peakHeapBytes the highest heap use seen while building and judging (the sum of the heap
   *     pools' peaks: an upper bound)
   */
  public record Result(
      int repositories,
      int entities,
      int relations,
      long buildMillis,
      long rulesMillis,
      long pathsMillis,
      long scoreMillis,
      int findings,
      int pathsFound,
      int reachableJewels,
      int crownJewels,
      int cut,
      boolean cutClosesAll,
      long judgeCpuMillis,
      long peakHeapBytes,
      long maxHeapBytes) {

    /** Rules, attack paths and scores: what the benchmark budget is about. */
    public long judgeMillis() {
      return rulesMillis + pathsMillis + scoreMillis;
    }
  }

  public static Result run(int repositories, long seed) {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    long t0 = System.nanoTime();
    TrustGraph graph = SyntheticOrganization.build(repositories, seed);
    long buildMillis = (System.nanoTime() - t0) / 1_000_000;
    AssessmentEngine engine =
        new AssessmentEngine(
            StandardRules.catalog(),
            RuleSettings.defaults(),
            new Scorer(ScoringModel.standard()),
            PathPolicy.standard());
    long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    AssessmentEngine.Judgement j =
        engine.judge(
            graph,
            java.util.List.of(),
            java.util.List.of(),
            Instant.parse("2026-11-26T10:00:00Z"),
            Set.of());
    long cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return new Result(
        repositories,
        graph.entityCount(),
        graph.relationCount(),
        buildMillis,
        j.rulesMillis(),
        j.pathsMillis(),
        j.scoreMillis(),
        j.evaluation().findings().size(),
        j.paths().exposure().pathsFound(),
        j.paths().exposure().reachableJewels(),
        j.paths().exposure().crownJewels(),
        j.paths().exposure().cut().size(),
        j.paths().exposure().cutClosesAll(),
        cpu,
        peak,
        Runtime.getRuntime().maxMemory());
  }
}
