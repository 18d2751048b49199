package dev.tenet.connectors.gitlab;

import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.Finding;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleEngine;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.scan.ScanListener;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Runs a connector and then every shipped rule over what it collected, as a scan does. */
record Scans(CollectContext context, Evaluation evaluation) {
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  static Scans run(Connector connector) throws ConnectorException, InterruptedException {
    CollectContext context = new CollectContext(ScanListener.NONE, new Cancellation(), NOW);
    connector.collect(context);
    Evaluation evaluation =
        new RuleEngine(StandardRules.catalog())
            .evaluate(
                new RuleContext(
                    context.graph(),
                    context.sources(),
                    context.blindSpots(),
                    NOW,
                    RuleSettings.defaults()));
    return new Scans(context, evaluation);
  }

  List<Finding> findings() {
    return evaluation.findings();
  }

  List<Finding> findings(String weakness) {
    return findings().stream().filter(f -> f.weakness().id().equals(weakness)).toList();
  }

  Set<String> resources(String weakness) {
    Set<String> out = new TreeSet<>();
    findings(weakness).forEach(f -> out.add(f.resource()));
    return out;
  }

  /** Weaknesses found, blind spots (coverage-gap) left out. */
  Set<String> weaknesses() {
    Set<String> out = new TreeSet<>();
    findings().stream()
        .map(f -> f.weakness().id())
        .filter(w -> !w.equals("coverage-gap"))
        .forEach(out::add);
    return out;
  }

  List<BlindSpot> blindSpots() {
    return context.blindSpots();
  }
}
