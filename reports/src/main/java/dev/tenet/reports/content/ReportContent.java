package dev.tenet.reports.content;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentDiff;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.FrameworkStatus;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.Weakness;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.score.Deduction;
import dev.tenet.core.score.PillarScore;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.json.CanonicalJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the human-readable reports (HTML and PDF) show, worked out once from a {@link ReportInput}:
 * findings grouped by severity and rule, top risks, pillar explanations, framework items, attack
 * path sentences, changes, accepted risks and blind spots. Both formats render this same content.
 */
public final class ReportContent {
  /** How many rule groups the executive summary lists as top risks. */
  public static final int TOP_RISKS = 5;

  /** The findings of one rule at one severity, with what the rule says about them. */
  public record RuleGroup(
      String ruleId,
      String title,
      Weakness weakness,
      Severity severity,
      String rationale,
      List<String> remediation,
      List<String> references,
      List<Finding> findings) {

    /** The anchor of this group in the document. */
    public String anchor() {
      return "rule-" + severity.id() + "-" + Anchors.safe(ruleId);
    }
  }

  public record SeverityGroup(Severity severity, List<RuleGroup> rules, int findings) {}

  /** Points one rule cost a pillar: for its findings, and for subjects it could not judge. */
  public record RuleLoss(
      String ruleId,
      String title,
      int findings,
      double findingPoints,
      int unknown,
      double unknownPoints) {
    public double total() {
      return findingPoints + unknownPoints;
    }
  }

  public record PillarView(
      Pillar pillar,
      PillarScore score,
      String description,
      List<RuleLoss> losses,
      List<RuleTally> tallies,
      int findings) {

    public double lost() {
      return losses.stream().mapToDouble(RuleLoss::total).sum();
    }
  }

  public record FrameworkItem(
      String id,
      String title,
      String section,
      FrameworkStatus.Status status,
      List<Finding> findings,
      boolean checked) {}

  public record FrameworkView(
      String key, String title, String reference, List<FrameworkItem> items) {
    public long count(FrameworkStatus.Status status) {
      return items.stream().filter(i -> i.status() == status).count();
    }
  }

  public record PathView(AttackPath path, String sentence) {}

  public record Acceptance(
      dev.tenet.core.assessment.RiskAcceptance acceptance, Finding finding, boolean active) {}

  public record TrendPoint(AssessmentSummary summary, boolean current) {}

  private final ReportInput input;
  private final Assessment assessment;
  private final String sha256;
  private final Frameworks frameworks;
  private final Map<String, Finding> findingsById = new LinkedHashMap<>();
  private final Map<String, Acceptance> activeAcceptances = new HashMap<>();
  private final List<Acceptance> acceptances = new ArrayList<>();
  private final List<SeverityGroup> bySeverity = new ArrayList<>();
  private final Map<Severity, Integer> severityCounts = new EnumMap<>(Severity.class);
  private final List<RuleGroup> topRisks;
  private final List<PillarView> pillars = new ArrayList<>();
  private final List<FrameworkView> frameworkViews = new ArrayList<>();
  private final List<PathView> paths = new ArrayList<>();
  private final List<Finding> blindSpots;
  private final List<TrendPoint> trend = new ArrayList<>();
  private final AssessmentDiff changes;

  public ReportContent(ReportInput input) {
    this.input = input;
    this.assessment = input.assessment();
    this.sha256 = CanonicalJson.sha256(assessment);
    this.frameworks = Frameworks.standard();
    assessment.findings().forEach(f -> findingsById.putIfAbsent(f.id(), f));
    for (var r : input.acceptances()) {
      Acceptance a =
          new Acceptance(r, findingsById.get(r.findingId()), r.activeAt(assessment.finishedAt()));
      acceptances.add(a);
      if (a.active()) {
        activeAcceptances.put(r.findingId(), a);
      }
    }
    groupBySeverity();
    this.topRisks = rankRisks();
    explainPillars();
    mapFrameworks();
    describePaths();
    this.blindSpots =
        assessment.findings().stream()
            .filter(f -> f.weakness().id().equals(Weakness.COVERAGE_GAP))
            .toList();
    for (AssessmentSummary s : input.history()) {
      trend.add(new TrendPoint(s, s.id().equals(assessment.id())));
    }
    if (trend.stream().noneMatch(TrendPoint::current)) {
      trend.add(new TrendPoint(summaryOf(assessment), true));
    }
    this.changes =
        input.previous() == null ? null : AssessmentDiff.between(input.previous(), assessment);
  }

  private void groupBySeverity() {
    for (Severity severity : Severity.values()) {
      Map<String, List<Finding>> byRule = new TreeMap<>();
      for (Finding f : assessment.findings()) {
        if (f.severity() == severity) {
          byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        }
      }
      List<RuleGroup> groups = new ArrayList<>();
      int count = 0;
      for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
        List<Finding> findings = e.getValue();
        findings.sort(Comparator.comparing(Finding::resource).thenComparing(Finding::id));
        groups.add(group(e.getKey(), severity, findings));
        count += findings.size();
      }
      severityCounts.put(severity, count);
      if (!groups.isEmpty()) {
        bySeverity.add(new SeverityGroup(severity, groups, count));
      }
    }
  }

  private RuleGroup group(String ruleId, Severity severity, List<Finding> findings) {
    Finding first = findings.get(0);
    Optional<RuleMetadata> meta = rule(ruleId);
    return new RuleGroup(
        ruleId,
        meta.map(RuleMetadata::title).orElse(first.title()),
        first.weakness(),
        severity,
        meta.map(RuleMetadata::rationale).orElse(""),
        meta.map(RuleMetadata::remediation).orElse(first.remediation()),
        meta.map(RuleMetadata::references).orElse(List.of()),
        List.copyOf(findings));
  }

  public Optional<RuleMetadata> rule(String ruleId) {
    return input.rules() == null
        ? Optional.empty()
        : input.rules().find(ruleId).map(Rule::metadata);
  }

  /** Rule groups by severity, then by how many findings are not accepted, worst first. */
  private List<RuleGroup> rankRisks() {
    List<RuleGroup> candidates = new ArrayList<>();
    for (SeverityGroup s : bySeverity) {
      if (s.severity() == Severity.INFO) {
        continue;
      }
      for (RuleGroup g : s.rules()) {
        if (g.weakness().id().equals(Weakness.COVERAGE_GAP)) {
          continue;
        }
        List<Finding> open = g.findings().stream().filter(f -> !accepted(f)).toList();
        if (!open.isEmpty()) {
          candidates.add(
              new RuleGroup(
                  g.ruleId(),
                  g.title(),
                  g.weakness(),
                  g.severity(),
                  g.rationale(),
                  g.remediation(),
                  g.references(),
                  open));
        }
      }
    }
    candidates.sort(
        Comparator.comparing((RuleGroup g) -> g.severity().ordinal())
            .thenComparing(g -> -g.findings().size())
            .thenComparing(RuleGroup::ruleId));
    return List.copyOf(candidates.subList(0, Math.min(TOP_RISKS, candidates.size())));
  }

  private void explainPillars() {
    for (Pillar pillar : Pillar.values()) {
      PillarScore score = assessment.score().pillar(pillar);
      List<RuleTally> tallies =
          assessment.tallies().stream()
              .filter(t -> t.pillar() == pillar && t.evaluated() > 0)
              .sorted(Comparator.comparing(RuleTally::ruleId))
              .toList();
      Map<String, double[]> points = new LinkedHashMap<>();
      Map<String, int[]> counts = new LinkedHashMap<>();
      if (score != null) {
        for (Deduction d : score.deductions()) {
          double[] p = points.computeIfAbsent(d.ruleId(), k -> new double[2]);
          int[] c = counts.computeIfAbsent(d.ruleId(), k -> new int[2]);
          if (d.findingId() != null) {
            p[0] += d.points();
            c[0]++;
          } else {
            p[1] += d.points();
          }
        }
      }
      List<RuleLoss> losses = new ArrayList<>();
      for (Map.Entry<String, double[]> e : points.entrySet()) {
        String ruleId = e.getKey();
        int unknown =
            tallies.stream()
                .filter(t -> t.ruleId().equals(ruleId))
                .mapToInt(RuleTally::unknown)
                .sum();
        losses.add(
            new RuleLoss(
                ruleId,
                ruleTitle(ruleId),
                counts.get(ruleId)[0],
                e.getValue()[0],
                e.getValue()[1] > 0 ? unknown : 0,
                e.getValue()[1]));
      }
      losses.sort(Comparator.comparing((RuleLoss l) -> -l.total()).thenComparing(RuleLoss::ruleId));
      int findings = (int) assessment.findings().stream().filter(f -> f.pillar() == pillar).count();
      pillars.add(
          new PillarView(
              pillar, score, frameworks.describe(pillar), List.copyOf(losses), tallies, findings));
    }
  }

  public String ruleTitle(String ruleId) {
    return rule(ruleId)
        .map(RuleMetadata::title)
        .orElseGet(
            () ->
                assessment.findings().stream()
                    .filter(f -> f.ruleId().equals(ruleId))
                    .map(Finding::title)
                    .findFirst()
                    .orElse(ruleId));
  }

  private void mapFrameworks() {
    Map<String, List<FrameworkStatus.Item>> status =
        FrameworkStatus.of(assessment, input.weaknesses());
    for (Frameworks.Framework fw : frameworks.all()) {
      Map<String, FrameworkStatus.Item> byId = new LinkedHashMap<>();
      status.getOrDefault(fw.key(), List.of()).forEach(i -> byId.put(i.id(), i));
      // Every item of the framework, in its order; items no weakness maps to are not assessed.
      Set<String> ids = new LinkedHashSet<>(fw.items().keySet());
      ids.addAll(byId.keySet());
      List<FrameworkItem> items = new ArrayList<>();
      for (String id : ids) {
        FrameworkStatus.Item item = byId.get(id);
        items.add(
            new FrameworkItem(
                id,
                fw.itemTitle(id),
                fw.sectionOf(id),
                item == null ? FrameworkStatus.Status.NOT_ASSESSED : item.status(),
                item == null ? List.of() : item.findings(),
                item != null));
      }
      frameworkViews.add(new FrameworkView(fw.key(), fw.title(), fw.reference(), items));
    }
  }

  private void describePaths() {
    List<AttackPath> sorted = new ArrayList<>(assessment.attackPaths());
    sorted.sort(
        Comparator.comparing(
                (AttackPath p) ->
                    p.severity() == null ? Severity.INFO.ordinal() : p.severity().ordinal())
            .thenComparing(p -> p.hops().size())
            .thenComparing(AttackPath::id));
    for (AttackPath p : sorted) {
      paths.add(new PathView(p, sentence(p)));
    }
  }

  private String sentence(AttackPath p) {
    StringBuilder s = new StringBuilder();
    s.append("From ").append(Names.resource(p.entry())).append(", an attacker can reach ");
    s.append(Names.resource(p.target()));
    int steps = p.hops().size();
    s.append(" in ").append(Names.count(steps, "step"));
    if (steps > 1) {
      List<String> via = new ArrayList<>();
      for (int i = 0; i < steps - 1; i++) {
        via.add(Names.resource(p.hops().get(i).to()));
      }
      s.append(" through ").append(String.join(", then ", via));
    }
    if (p.cut().isEmpty()) {
      s.append("; no single finding's fix breaks it.");
    } else {
      List<String> titles = new ArrayList<>();
      for (String id : p.cut()) {
        Finding f = findingsById.get(id);
        titles.add(f == null ? "finding " + id : f.title().toLowerCase(java.util.Locale.ROOT));
      }
      s.append("; fixing ")
          .append(p.cut().size() == 1 ? "this finding breaks it: " : "any of these breaks it: ")
          .append(String.join("; ", titles.stream().distinct().toList()))
          .append('.');
    }
    return s.toString();
  }

  private static AssessmentSummary summaryOf(Assessment a) {
    Map<Pillar, Integer> pillars = new EnumMap<>(Pillar.class);
    a.score().pillars().forEach((p, s) -> pillars.put(p, s.score()));
    return new AssessmentSummary(
        a.id(),
        a.startedAt(),
        a.finishedAt(),
        a.scope(),
        a.score().overall(),
        a.score().grade(),
        pillars,
        a.findings().size(),
        a.coverage().blindSpots());
  }

  public ReportInput input() {
    return input;
  }

  public Assessment assessment() {
    return assessment;
  }

  public String sha256() {
    return sha256;
  }

  /** The organizations and groups assessed, for titles: "acme-corp, acme-platform". */
  public String organizations() {
    List<String> targets =
        assessment.scope().stream()
            .map(ScopeEntry::target)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    return targets.isEmpty() ? "(no scope)" : String.join(", ", targets);
  }

  public List<SeverityGroup> bySeverity() {
    return bySeverity;
  }

  public int count(Severity severity) {
    return severityCounts.getOrDefault(severity, 0);
  }

  public List<RuleGroup> topRisks() {
    return topRisks;
  }

  public List<PillarView> pillars() {
    return pillars;
  }

  public List<FrameworkView> frameworks() {
    return frameworkViews;
  }

  public List<PathView> paths() {
    return paths;
  }

  public List<Finding> blindSpots() {
    return blindSpots;
  }

  public List<TrendPoint> trend() {
    return trend;
  }

  /** The changes since the previous assessment of the same scope, or null for a first one. */
  public AssessmentDiff changes() {
    return changes;
  }

  public List<Acceptance> acceptances() {
    return acceptances;
  }

  public boolean accepted(Finding f) {
    return activeAcceptances.containsKey(f.id());
  }

  public Optional<Acceptance> acceptance(Finding f) {
    return Optional.ofNullable(activeAcceptances.get(f.id()));
  }

  public Finding finding(String id) {
    return findingsById.get(id);
  }

  public Frameworks frameworkCatalog() {
    return frameworks;
  }
}
