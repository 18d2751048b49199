package dev.tenet.core.scan;

import dev.tenet.core.Tenet;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.Coverage;
import dev.tenet.core.assessment.ScanStats;
import dev.tenet.core.link.StandardLinkers;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.paths.PathPolicy;
import dev.tenet.core.pipeline.PipelineFacts;
import dev.tenet.core.pipeline.Pipelines;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleCatalog;
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
 * Runs an assessment: collects every connection, evaluates the rules, finds the attack paths,
 * scores (risks accepted at the scan's start exempt) and stores. The stored assessment is written
 * in one transaction at the end, so a cancelled or killed scan leaves the store as it was.
 */
public final class ScanService {
  private final RuleCatalog rules;
  private final AssessmentEngine engine;
  private final AssessmentStore store;
  private final Clock clock;

  public ScanService(
      RuleCatalog rules, RuleSettings settings, Scorer scorer, AssessmentStore store, Clock clock) {
    this(rules, settings, scorer, PathPolicy.standard(), store, clock);
  }

  /**
   * @param paths what counts as entry point and crown jewel (the bundled policy and the user's)
   */
  public ScanService(
      RuleCatalog rules,
      RuleSettings settings,
      Scorer scorer,
      PathPolicy paths,
      AssessmentStore store,
      Clock clock) {
    this.rules = rules;
    this.engine = new AssessmentEngine(rules, settings, scorer, paths);
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
    // Pipelines are parsed once: their facts join the graph before linkers and rules read it.
    Pipelines pipelines = Pipelines.parse(context.sources());
    PipelineFacts.addTo(context.graph(), pipelines);
    pipelines.blindSpots().forEach(context::blindSpot);
    // Relations between systems (a pipeline assuming a cloud role) need every connector's facts.
    StandardLinkers.linkAll(context.graph());

    listener.phase("Evaluating " + rules.rules().size() + " rules and the attack paths");
    Set<String> accepted = store.riskAcceptances().replay().exemptAt(started);
    AssessmentEngine.Judgement judged =
        engine.judge(
            context.graph(), context.sources(), pipelines, context.blindSpots(), started, accepted);
    Evaluation evaluation = judged.evaluation();
    ScoreCard score = judged.score();
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
            judged.paths().paths(),
            new Coverage(
                context.graph().entityCount(),
                context.graph().relationCount(),
                context.blindSpots().size()),
            new ScanStats(
                context.requests(),
                context.notModified(),
                Duration.between(started, finished).toMillis()),
            judged.paths().exposure());
    listener.phase("Storing the assessment");
    try {
      store.save(assessment, context.graph());
    } catch (RuntimeException e) {
      throw new ScanException(e.getMessage(), e);
    }
    return assessment;
  }
}
