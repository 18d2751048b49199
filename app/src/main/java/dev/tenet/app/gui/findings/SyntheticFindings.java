package dev.tenet.app.gui.findings;

import dev.tenet.core.Tenet;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.Coverage;
import dev.tenet.core.assessment.ScanStats;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.FindingIds;
import dev.tenet.core.model.Location;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.Weakness;
import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.score.PillarScore;
import dev.tenet.core.score.ScoreCard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large organization's findings, made up deterministically from the weakness taxonomy: what the
 * console benchmark filters (100,000 findings) without scanning anything.
 */
public final class SyntheticFindings {
  private SyntheticFindings() {}

  public static Assessment assessment(int count, long seed) {
    List<Weakness> weaknesses = new ArrayList<>(WeaknessCatalog.standard().all());
    Random random = new Random(seed);
    List<Finding> findings = new ArrayList<>(count);
    Severity[] severities = Severity.values();
    int repositories = Math.max(1, count / 10);
    for (int i = 0; i < count; i++) {
      Weakness w = weaknesses.get(random.nextInt(weaknesses.size()));
      boolean gitlab = random.nextInt(4) == 0;
      String platform = gitlab ? "gitlab" : "github";
      String repo =
          (gitlab ? "acme/group-" + (i % 17) + "/" : "acme-corp/")
              + "service-"
              + random.nextInt(repositories);
      String resource =
          switch (random.nextInt(3)) {
            case 0 -> platform + ":" + repo;
            case 1 -> platform + ":" + repo + "#branch/main";
            default -> platform + ":" + repo + "#file/.github/workflows/ci-" + (i % 7) + ".yml";
          };
      String rule = (gitlab ? "GL-" : "GH-") + w.id().toUpperCase().replace('-', '_') + "-001";
      Severity s =
          random.nextInt(3) == 0
              ? severities[random.nextInt(severities.length)]
              : w.defaultSeverity();
      Location location =
          resource.contains("#file/") ? Location.of(".github/workflows/ci.yml", 1 + i % 90) : null;
      findings.add(
          new Finding(
              FindingIds.of(rule, resource, Integer.toString(i)),
              rule,
              w,
              s,
              w.title(),
              w.title() + " on " + repo + " (case " + i + ").",
              resource,
              location,
              Map.of("case", i, "repository", repo),
              List.of("Fix " + w.id() + " on " + repo + ".")));
    }
    Map<Pillar, PillarScore> pillars = new EnumMap<>(Pillar.class);
    for (Pillar p : Pillar.values()) {
      pillars.put(p, new PillarScore(p, 50, "F", count, count / 2, 0, List.of()));
    }
    Instant at = Instant.parse("2026-11-26T10:00:00Z");
    return new Assessment(
        "20261126T100000Z-bench0",
        at,
        at.plusSeconds(60),
        Tenet.tool(),
        List.of(
            new ScopeEntry("github", "https://api.github.com", "acme-corp"),
            new ScopeEntry("gitlab", "https://gitlab.com", "acme")),
        findings,
        List.of(),
        new ScoreCard(50, "F", pillars, "synthetic"),
        List.of(),
        new Coverage(count, count, 0),
        ScanStats.NONE);
  }
}
