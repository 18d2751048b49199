package dev.tenet.connectors.registry;

import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.TrustGraph;
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
import java.util.Optional;

/** Runs connectors into one graph and then every shipped rule over it, as a scan does. */
record Scan(CollectContext context, Evaluation evaluation) {
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  static Scan run(Connector... connectors) throws ConnectorException, InterruptedException {
    CollectContext context = new CollectContext(ScanListener.NONE, new Cancellation(), NOW);
    for (Connector c : connectors) {
      c.collect(context);
    }
    return evaluate(context);
  }

  static Scan evaluate(CollectContext context) {
    Evaluation evaluation =
        new RuleEngine(StandardRules.catalog())
            .evaluate(
                new RuleContext(
                    context.graph(),
                    context.sources(),
                    context.blindSpots(),
                    NOW,
                    RuleSettings.defaults()));
    return new Scan(context, evaluation);
  }

  TrustGraph graph() {
    return context.graph();
  }

  Entity entity(String id) {
    return graph().get(id);
  }

  List<Finding> findings(String ruleId) {
    return evaluation.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  Optional<Finding> finding(String ruleId, String resource) {
    return findings(ruleId).stream().filter(f -> f.resource().equals(resource)).findFirst();
  }

  List<BlindSpot> blindSpots() {
    return context.blindSpots();
  }
}
