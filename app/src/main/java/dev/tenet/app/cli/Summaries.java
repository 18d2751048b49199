package dev.tenet.app.cli;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.Severity;
import dev.tenet.core.score.PillarScore;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The human summary of an assessment printed after a scan. */
final class Summaries {
  private Summaries() {}

  static void print(PrintWriter out, Assessment a, String database) {
    out.println("Assessment " + a.id());
    a.scope()
        .forEach(
            s ->
                out.println(
                    "  scope     " + s.platform() + ":" + s.target() + " (" + s.baseUrl() + ")"));
    out.println("  overall   " + score(a.score().overall()) + gradeSuffix(a.score().grade()));
    for (Pillar p : Pillar.values()) {
      PillarScore ps = a.score().pillar(p);
      Integer value = ps == null ? null : ps.score();
      out.printf("  %-16s %5s  %s%n", p.id(), score(value), bar(value));
    }
    Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    bySeverity.putAll(
        a.findings().stream()
            .collect(Collectors.groupingBy(Finding::severity, Collectors.counting())));
    String counts =
        java.util.Arrays.stream(Severity.values())
            .filter(s -> bySeverity.getOrDefault(s, 0L) > 0)
            .map(s -> bySeverity.get(s) + " " + s.id())
            .collect(Collectors.joining(", "));
    out.println(
        "  findings  " + a.findings().size() + (counts.isEmpty() ? "" : " (" + counts + ")"));
    long accepted =
        a.score().pillars().values().stream()
            .flatMap(p -> p.deductions().stream())
            .filter(d -> d.findingId() != null && d.reason().startsWith("accepted risk"))
            .map(d -> d.findingId())
            .distinct()
            .count();
    if (accepted > 0) {
      out.println(
          "  accepted  "
              + accepted
              + " finding"
              + (accepted == 1 ? "" : "s")
              + " (not counted until they expire)");
    }
    var e = a.exposure();
    if (e.pathsFound() > 0) {
      out.println(
          "  paths     "
              + e.pathsFound()
              + " attack path"
              + (e.pathsFound() == 1 ? "" : "s")
              + " to "
              + e.reachableJewels()
              + " of "
              + e.crownJewels()
              + " crown jewels; "
              + (e.cutClosesAll()
                  ? e.cut().size()
                      + (e.cut().size() == 1 ? " fix closes" : " fixes close")
                      + " them all"
                  : "some cannot be cut")
              + " (tenet paths)");
    } else if (e.entryPoints() > 0) {
      out.println("  paths     no crown jewel reachable from " + e.entryPoints() + " entry points");
    }
    out.println(
        "  coverage  "
            + a.coverage().resources()
            + " resources, "
            + a.coverage().blindSpots()
            + " blind spot"
            + (a.coverage().blindSpots() == 1 ? "" : "s"));
    out.println(
        "  requests  "
            + a.stats().apiRequests()
            + " ("
            + a.stats().notModified()
            + " not modified), "
            + a.stats().durationMs()
            + " ms");
    out.println("  stored in " + database);
    out.flush();
  }

  static String score(Integer value) {
    return value == null ? "n/a" : value + "/100";
  }

  private static String gradeSuffix(String grade) {
    return grade == null ? "" : "  grade " + grade;
  }

  private static String bar(Integer value) {
    if (value == null) {
      return "not assessed";
    }
    int filled = Math.round(value / 5f);
    return "#".repeat(filled) + ".".repeat(20 - filled);
  }
}
