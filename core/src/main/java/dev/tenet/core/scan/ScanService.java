package dev.tenet.core.scan;

import dev.tenet.core.Tenet;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.Coverage;
import dev.tenet.core.assessment.ScanStats;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.pipeline.PipelineFacts;
import dev.tenet.core.pipeline.Pipelines;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleEngine;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.score.ScoreCard;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.store.AssessmentIds;
import dev.tenet.core.store.AssessmentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Runs an assessment: collects every connection, evaluates the rules, scores and stores. The stored
 * assessment is written in one transaction at the end, so a cancelled or killed scan leaves the
 * store as it was.
 */
public final class ScanService {
  private final RuleCatalog rules;
  private final RuleSettings settings;
  private final Scorer scorer;
  private final AssessmentStore store;
  private final Clock clock;

  public ScanService(
      RuleCatalog rules, RuleSettings settings, Scorer scorer, AssessmentStore store, Clock clock) {
    this.rules = rules;
    this.settings = settings;
    this.scorer = scorer;
    this.store = store;
    this.clock = clock;
  }

  /**
   * @throws ScanException when no connection could be assessed or the result could not be stored
   * @throws CancellationException when the user cancelled
   */
  public Assessment run(List<Connector> connectors, ScanListener listener, Cancellation cancel)
      throws ScanException, InterruptedException {
    if (connectors.isEmpty()) {
      throw new ScanException("Nothing to scan: no connection was given.", null);
    }
    Instant started = clock.instant();
    CollectContext context = new CollectContext(listener, cancel, started);
    List<String> failures = new ArrayList<>();
    for (Connector connector : connectors) {
      cancel.check();
      ScopeEntry scope = connector.scope();
      listener.connectionStarted(scope);
      try {
        connector.collect(context);
      } catch (ConnectorException e) {
        failures.add(e.getMessage());
        if (connectors.size() == 1) {
          throw new ScanException(e.getMessage(), e);
        }
        listener.connectionFailed(scope, e.getMessage());
        context.blindSpot(
            new BlindSpot(
                scope.platform() + ":" + scope.target(),
                "the whole " + scope.platform() + " connection",
                e.getMessage(),
                ""));
      }
    }
    if (failures.size() == connectors.size()) {
      throw new ScanException("No connection could be assessed: " + failures.get(0), null);
    }
    cancel.check();

    // Pipelines are parsed once: their facts join the graph before the rules read it.
    Pipelines pipelines = Pipelines.parse(context.sources());
    PipelineFacts.addTo(context.graph(), pipelines);
    pipelines.blindSpots().forEach(context::blindSpot);

    listener.phase("Evaluating " + rules.rules().size() + " rules");
    RuleContext ruleContext =
        new RuleContext(
            context.graph(), context.sources(), context.blindSpots(), started, settings, pipelines);
    Evaluation evaluation = new RuleEngine(rules).evaluate(ruleContext);
    ScoreCard score = scorer.score(evaluation, Set.of());
    cancel.check();

    Instant finished = clock.instant();
    Assessment assessment =
        new Assessment(
            AssessmentIds.next(started),
            started,
            finished,
            Tenet.tool(),
            connectors.stream().map(Connector::scope).toList(),
            evaluation.findings(),
            evaluation.tallies(),
            score,
            List.of(),
            new Coverage(
                context.graph().entityCount(),
                context.graph().relationCount(),
                context.blindSpots().size()),
            new ScanStats(
                context.requests(),
                context.notModified(),
                Duration.between(started, finished).toMillis()));
    listener.phase("Storing the assessment");
    try {
      store.save(assessment, context.graph());
    } catch (RuntimeException e) {
      throw new ScanException(e.getMessage(), e);
    }
    return assessment;
  }
}
