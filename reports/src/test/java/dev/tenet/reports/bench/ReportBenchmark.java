package dev.tenet.reports.bench;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Coverage;
import dev.tenet.core.assessment.ScanStats;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.FindingIds;
import dev.tenet.core.model.Location;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.Weakness;
import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.ReportWriter;
import dev.tenet.reports.html.HtmlReportWriter;
import dev.tenet.reports.pdf.PdfReportWriter;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The report performance target: a 10,000-finding assessment renders to PDF in under 20 seconds and
 * to HTML in under 5, within 1 GB of heap. Run it with {@code ./mvnw -B -pl reports -am -Pbench
 * -DskipTests verify} (a forked JVM with -Xmx1g); it prints the numbers and exits 1 when a target
 * is missed. Times are of a fresh JVM's first render, as a user running {@code tenet report} sees
 * them, then of a second render.
 */
public final class ReportBenchmark {
  private static final double PDF_SECONDS = 20;
  private static final double HTML_SECONDS = 5;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int findings = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path folder = Path.of(args.length > 1 ? args[1] : "target/bench");
    Files.createDirectories(folder);
    ReportInput input = input(findings);
    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.printf(
        Locale.ROOT,
        "Report benchmark: %,d findings, %d attack paths, max heap %d MB, %s%n",
        input.assessment().findings().size(),
        input.assessment().attackPaths().size(),
        maxHeap >> 20,
        Runtime.version());
    boolean ok = true;
    ok &= run("html", new HtmlReportWriter(), input, folder, HTML_SECONDS);
    ok &= run("pdf", new PdfReportWriter(), input, folder, PDF_SECONDS);
    System.out.printf(
        Locale.ROOT,
        "Heap: completed within a %d MB maximum (the GC times above show how tight it was)%n",
        maxHeap >> 20);
    if (maxHeap > (1L << 30) + (64L << 20)) {
      System.out.println("Note: run with -Xmx1g to check the memory target.");
    }
    System.out.println(ok ? "All targets met." : "A target was missed.");
    System.exit(ok ? 0 : 1);
  }

  private static boolean run(
      String name, ReportWriter writer, ReportInput input, Path folder, double target)
      throws Exception {
    double first = 0;
    double firstCpu = 0;
    for (int round = 1; round <= 2; round++) {
      Path file = folder.resolve("bench." + writer.extension());
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long gcStart = gcMillis();
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        writer.write(input, out);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      double gc = (gcMillis() - gcStart) / 1e3;
      if (round == 1) {
        first = seconds;
        firstCpu = cpu;
      }
      System.out.printf(
          Locale.ROOT,
          "  %-4s %s render: %6.2f s wall, %6.2f s CPU, %5.2f s in GC  (%,d KB)%n",
          name,
          round == 1 ? "first " : "second",
          seconds,
          cpu,
          gc,
          Files.size(file) >> 10);
    }
    // On a machine busy with other work, wall time measures the neighbours: judge CPU time then.
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    boolean busy = load > cores;
    boolean met = (busy ? firstCpu : first) < target;
    System.out.printf(
        Locale.ROOT,
        "  %-4s target: first render under %.0f s -> %s (%s)%n",
        name,
        target,
        met ? "met" : "MISSED",
        busy
            ? String.format(
                Locale.ROOT, "machine busy, load %.1f on %d cores: judged on CPU time", load, cores)
            : "judged on wall time");
    return met;
  }

  /** Time spent collecting garbage so far: high values mean the heap is too small. */
  private static long gcMillis() {
    long total = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /**
   * A large organization: settings findings over 2,000 repositories and pipeline findings with file
   * and line, with the evidence a real rule attaches, 60 attack paths and 40 blind spots.
   */
  static ReportInput input(int count) {
    WeaknessCatalog weaknesses = WeaknessCatalog.standard();
    Random random = new Random(42);
    List<Weakness> pool =
        weaknesses.all().stream().filter(w -> !w.id().equals(Weakness.COVERAGE_GAP)).toList();
    String org = ResourceId.of("github", "globex");
    List<Finding> findings = new ArrayList<>(count);
    Map<String, int[]> tallies = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      Weakness w = pool.get(random.nextInt(pool.size()));
      String rule = "BENCH-" + w.id().toUpperCase(Locale.ROOT);
      String repo = ResourceId.of("github", "globex/service-" + (i % 2000));
      boolean pipeline = i % 5 < 2;
      String resource;
      Location location = null;
      Map<String, Object> evidence = new LinkedHashMap<>();
      if (pipeline) {
        String file = ".github/workflows/" + (i % 7 == 0 ? "release" : "ci-" + (i % 13)) + ".yml";
        resource = ResourceId.part(repo, "file", file);
        location = new Location(file, 5 + i % 180, 7);
        evidence.put("job", "build-" + (i % 9));
        evidence.put("step", "run: ./scripts/deploy.sh ${{ github.event.inputs.target }}");
        evidence.put("trigger", i % 3 == 0 ? "pull_request_target" : "push");
      } else {
        resource = ResourceId.part(repo, "branch", "main");
        evidence.put("protected", false);
        evidence.put("required_approving_review_count", 0);
        evidence.put("enforce_admins", null);
        evidence.put("allowed_actors", List.of("deploy-bot", "release-team"));
      }
      Severity severity = Severity.values()[Math.min(4, random.nextInt(5))];
      findings.add(
          new Finding(
              FindingIds.of(
                  rule, resource, location == null ? "" : location.file() + ":" + location.line()),
              rule,
              w,
              severity,
              w.title(),
              w.title() + " in " + resource.substring(resource.indexOf(':') + 1) + ".",
              resource,
              location,
              evidence,
              List.of(
                  "Open the repository settings and apply the organization's baseline ruleset.",
                  "Confirm the change with a follow-up scan.")));
      tallies.computeIfAbsent(rule + "|" + w.id(), k -> new int[3])[1]++;
    }
    for (int i = 0; i < 40; i++) {
      String repo = ResourceId.of("github", "globex/private-" + i);
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("what", "branch protection of main");
      evidence.put("reason", "403 Forbidden");
      evidence.put("remedy", "Give the token the Administration: read permission.");
      findings.add(
          new Finding(
              FindingIds.of("TENET-COVERAGE-001", repo, "protection"),
              "TENET-COVERAGE-001",
              weaknesses.get(Weakness.COVERAGE_GAP),
              Severity.INFO,
              "Tenet could not assess part of this resource",
              "Could not read branch protection of main: 403 Forbidden.",
              repo,
              null,
              evidence,
              List.of("Give the token the permission named in the finding.")));
    }
    List<RuleTally> ruleTallies = new ArrayList<>();
    tallies.forEach(
        (key, counts) -> {
          String[] parts = key.split("\\|");
          Weakness w = weaknesses.get(parts[1]);
          ruleTallies.add(
              new RuleTally(
                  parts[0], w.id(), w.pillar(), w.defaultSeverity(), counts[1] * 3, counts[1], 4));
        });
    ruleTallies.add(
        new RuleTally(
            "TENET-COVERAGE-001",
            Weakness.COVERAGE_GAP,
            Pillar.MONITORING,
            Severity.INFO,
            1960,
            40,
            0));
    var score =
        new Scorer(ScoringModel.standard()).score(new Evaluation(findings, ruleTallies), Set.of());
    List<AttackPath> paths = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String repo = ResourceId.of("github", "globex/service-" + i);
      String entry = ResourceId.part(repo, "trigger", "pull_request_target");
      String workflow = ResourceId.part(repo, "workflow", "ci.yml");
      String secret = ResourceId.part(repo, "secret", "DEPLOY_KEY");
      String target = ResourceId.of("aws", "210987654321", "role", "deployer-" + (i % 4));
      String because = findings.get((i * 97) % findings.size()).id();
      paths.add(
          new AttackPath(
              "bench-path-" + i,
              i % 3 == 0 ? Severity.CRITICAL : Severity.HIGH,
              entry,
              target,
              List.of(
                  new AttackPath.Hop(entry, "can-trigger", workflow, because),
                  new AttackPath.Hop(workflow, "can-read", secret, null),
                  new AttackPath.Hop(secret, "can-assume", target, null)),
              List.of(because)));
    }
    Instant started = Instant.parse("2026-11-20T10:00:00Z");
    Assessment a =
        new Assessment(
            "20261120T100000Z-bench1",
            started,
            started.plusSeconds(540),
            "tenet 0.1.0",
            List.of(new ScopeEntry("github", "https://api.github.com", "globex")),
            findings,
            ruleTallies,
            score,
            paths,
            new Coverage(48_000, 190_000, 40),
            new ScanStats(21_400, 17_900, 540_000));
    List<AssessmentSummary> history = new ArrayList<>();
    for (int i = 11; i >= 1; i--) {
      Map<Pillar, Integer> pillars = new EnumMap<>(Pillar.class);
      history.add(
          new AssessmentSummary(
              "bench-" + i,
              started.minus(Duration.ofDays(7L * i)),
              started.minus(Duration.ofDays(7L * i)).plusSeconds(500),
              a.scope(),
              30 + (11 - i) * 2,
              "F",
              pillars,
              count,
              40));
    }
    return new ReportInput(a, history, List.of(), StandardRules.catalog(), weaknesses);
  }
}
