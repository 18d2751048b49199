package dev.tenet.core.rule;

import dev.tenet.core.credentials.Redactor;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.FindingIds;
import dev.tenet.core.model.Weakness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every rule of a catalog over a scan's facts. A rule that throws does not end the assessment:
 * its failure is reported as a coverage gap (something Tenet could not judge).
 */
public final class RuleEngine {
  private final RuleCatalog catalog;

  public RuleEngine(RuleCatalog catalog) {
    this.catalog = catalog;
  }

  public Evaluation evaluate(RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    List<RuleTally> tallies = new ArrayList<>();
    for (Rule rule : catalog.rules()) {
      Collector collector = new Collector();
      RuleMetadata m = rule.metadata();
      Weakness weakness = catalog.weaknesses().get(m.weakness());
      try {
        rule.evaluate(context, collector);
      } catch (RuntimeException e) {
        findings.add(ruleCrashed(m, e));
        continue;
      }
      Map<String, Finding> byId = new LinkedHashMap<>();
      for (FindingDraft d : collector.failures) {
        Finding f = toFinding(m, weakness, d);
        byId.putIfAbsent(f.id(), f);
      }
      findings.addAll(byId.values());
      tallies.add(
          new RuleTally(
              m.id(),
              m.weakness(),
              weakness.pillar(),
              m.severity(),
              collector.passed,
              collector.failures.size(),
              collector.unknown));
    }
    return new Evaluation(findings, tallies);
  }

  private static Finding toFinding(RuleMetadata m, Weakness weakness, FindingDraft d) {
    String anchor = d.anchor;
    if (anchor.isEmpty() && d.location != null) {
      anchor = d.location.file() + ":" + d.location.line() + ":" + d.location.column();
    }
    return new Finding(
        FindingIds.of(m.id(), d.resource, anchor),
        m.id(),
        weakness,
        d.severity == null ? m.severity() : d.severity,
        m.title(),
        // Rules quote what they found; a secret they quote is masked before anyone stores it.
        Redactor.redact(d.message),
        d.resource,
        d.location,
        Redactor.evidence(d.evidence),
        m.remediation());
  }

  private Finding ruleCrashed(RuleMetadata m, RuntimeException e) {
    Weakness gap = catalog.weaknesses().get(Weakness.COVERAGE_GAP);
    String resource = "tenet:rules#rule/" + m.id();
    return new Finding(
        FindingIds.of("ENGINE", resource, ""),
        m.id(),
        gap,
        gap.defaultSeverity(),
        "Rule could not be evaluated",
        "Rule " + m.id() + " could not be evaluated, so '" + m.title() + "' was not judged.",
        resource,
        null,
        Map.of("error", String.valueOf(e.getClass().getSimpleName())),
        List.of("Report this to the Tenet maintainers with the assessment's JSON report."));
  }

  private static final class Collector implements Outcomes {
    int passed;
    int unknown;
    final List<FindingDraft> failures = new ArrayList<>();

    @Override
    public void pass(String resource) {
      passed++;
    }

    @Override
    public FindingDraft fail(String resource, String message) {
      FindingDraft draft = new FindingDraft(resource, message);
      failures.add(draft);
      return draft;
    }

    @Override
    public void unknown(String resource, String reason) {
      unknown++;
    }
  }
}
