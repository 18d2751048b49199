package dev.tenet.core.scan;

import dev.tenet.core.model.SourceFile;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Measures pipeline analysis throughput on one thread: every file parsed, its facts added to a
 * graph, and judged by every rule, one file at a time (the worst case: no work shared between
 * files), after a warm-up. Throughput per core is counted against the thread's CPU time, so other
 * processes on a busy machine do not distort it; wall-clock throughput is reported too. Also
 * reports the heap in use after a full collection before and after the run, to show that memory
 * stays flat.
 */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  /**
   * @param analyses files analysed during the measured time
   * @param cpuSeconds CPU time the measuring thread used
   * @param wallSeconds elapsed time
   * @param findings findings reported in one pass over the files
   */
  public record Result(
      int files,
      long bytes,
      long analyses,
      double cpuSeconds,
      double wallSeconds,
      long heapBeforeBytes,
      long heapAfterBytes,
      int findings) {

    /** Files per second of one core's CPU time. */
    public double filesPerCpuSecond() {
      return analyses / cpuSeconds;
    }

    public double filesPerWallSecond() {
      return analyses / wallSeconds;
    }

    public double megabytesPerCpuSecond() {
      return (double) bytes * analyses / files / cpuSeconds / (1024.0 * 1024.0);
    }

    public double cpuMicrosPerFile() {
      return cpuSeconds * 1_000_000 / analyses;
    }
  }

  public static Result run(
      List<SourceFile> files, RuleCatalog catalog, Duration warmup, Duration measure) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No files to measure");
    }
    RuleSettings settings = RuleSettings.defaults();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    long bytes = files.stream().mapToLong(f -> f.content().length()).sum();
    int findings = 0;
    for (SourceFile f : files) {
      findings +=
          PipelineAnalysis.run(List.of(f), catalog, settings, now).evaluation().findings().size();
    }
    loop(files, catalog, settings, now, warmup.toNanos());
    long heapBefore = usedHeapAfterGc();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long analyses = loop(files, catalog, settings, now, measure.toNanos());
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    long heapAfter = usedHeapAfterGc();
    return new Result(files.size(), bytes, analyses, cpu, wall, heapBefore, heapAfter, findings);
  }

  /** Runs until the thread has used {@code nanos} of CPU time. */
  private static long loop(
      List<SourceFile> files, RuleCatalog catalog, RuleSettings settings, Instant now, long nanos) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long deadline = threads.getCurrentThreadCpuTime() + nanos;
    long count = 0;
    long sink = 0;
    while (threads.getCurrentThreadCpuTime() < deadline) {
      for (SourceFile f : files) {
        sink +=
            PipelineAnalysis.run(List.of(f), catalog, settings, now).evaluation().tallies().size();
        count++;
      }
    }
    if (sink == Long.MIN_VALUE) {
      throw new IllegalStateException("unreachable; keeps the work from being optimised away");
    }
    return count;
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int k = 0; k < 3; k++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
