package dev.tenet.core.assessment;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.Weakness;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed from assessment {@code from} to {@code to}: findings new in {@code to}, resolved
 * since {@code from}, persisting with another severity, and score movement.
 *
 * <p>A finding absent from {@code to} only counts as resolved when {@code to} could see its
 * resource: a finding hidden by a new blind spot is reported as unverified, never as fixed.
 */
public record AssessmentDiff(
    Assessment from,
    Assessment to,
    List<Finding> added,
    List<Finding> resolved,
    List<Finding> unverified,
    List<Finding> severityChanged,
    Integer overallDelta,
    Map<Pillar, Integer> pillarDeltas) {

  public static AssessmentDiff between(Assessment from, Assessment to) {
    Map<String, Finding> before = index(from.findings());
    Map<String, Finding> after = index(to.findings());
    List<String> blindInTo =
        to.findings().stream()
            .filter(f -> f.weakness().id().equals(Weakness.COVERAGE_GAP))
            .map(f -> ResourceId.scopeOf(f.resource()))
            .toList();
    List<Finding> added = new ArrayList<>();
    List<Finding> changed = new ArrayList<>();
    for (Finding f : after.values()) {
      Finding old = before.get(f.id());
      if (old == null) {
        added.add(f);
      } else if (old.severity() != f.severity()) {
        changed.add(f);
      }
    }
    List<Finding> resolved = new ArrayList<>();
    List<Finding> unverified = new ArrayList<>();
    for (Finding f : before.values()) {
      if (!after.containsKey(f.id())) {
        String scope = ResourceId.scopeOf(f.resource());
        boolean hidden =
            blindInTo.stream().anyMatch(b -> scope.equals(b) || scope.startsWith(b + "/"));
        (hidden ? unverified : resolved).add(f);
      }
    }
    Map<Pillar, Integer> deltas = new EnumMap<>(Pillar.class);
    for (Pillar p : Pillar.values()) {
      Integer a = from.score().pillar(p) == null ? null : from.score().pillar(p).score();
      Integer b = to.score().pillar(p) == null ? null : to.score().pillar(p).score();
      deltas.put(p, a == null || b == null ? null : b - a);
    }
    Integer overall =
        from.score().overall() == null || to.score().overall() == null
            ? null
            : to.score().overall() - from.score().overall();
    return new AssessmentDiff(from, to, added, resolved, unverified, changed, overall, deltas);
  }

  private static Map<String, Finding> index(List<Finding> findings) {
    Map<String, Finding> map = new LinkedHashMap<>();
    findings.forEach(f -> map.putIfAbsent(f.id(), f));
    return map;
  }

  /** True when nothing moved: no finding added, resolved or changed, and equal scores. */
  public boolean unchanged() {
    return added.isEmpty()
        && resolved.isEmpty()
        && unverified.isEmpty()
        && severityChanged.isEmpty()
        && (overallDelta == null || overallDelta == 0)
        && pillarDeltas.values().stream().allMatch(d -> d == null || d == 0);
  }
}
