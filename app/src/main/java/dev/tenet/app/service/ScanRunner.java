package dev.tenet.app.service;

import dev.tenet.app.demo.DemoEnvironment;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ScanException;
import dev.tenet.core.scan.ScanListener;
import dev.tenet.core.scan.ScanService;
import dev.tenet.core.score.Scorer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Runs a scan plan end to end and stores the assessment in the workspace. */
public final class ScanRunner {
  private final Workspace workspace;
  private final ConnectorFactory connectors;
  private final RuleCatalog rules;
  private final Scorer scorer;
  private final PathService paths;
  private final Clock clock;

  /**
   * @param paths the path policy (read at each scan, so a broken paths.yaml fails the scan with a
   *     clear sentence, never an unrelated command)
   */
  public ScanRunner(
      Workspace workspace,
      ConnectorFactory connectors,
      RuleCatalog rules,
      Scorer scorer,
      PathService paths,
      Clock clock) {
    this.workspace = workspace;
    this.connectors = connectors;
    this.rules = rules;
    this.scorer = scorer;
    this.paths = paths;
    this.clock = clock;
  }

  public Assessment run(ScanPlan plan, ScanListener listener, Cancellation cancellation)
      throws ScanException, InterruptedException {
    if (plan.isEmpty()) {
      throw new UserError(
          "Nothing to scan: give --github ORG (or --demo for the bundled sample organization).");
    }
    List<Connector> list = new ArrayList<>();
    for (ConnectionSpec spec : plan.connections()) {
      list.add(connectors.create(spec));
    }
    ScanService service =
        new ScanService(
            rules, RuleSettings.defaults(), scorer, paths.policy(), workspace.store(), clock);
    if (!plan.demo()) {
      return service.run(list, listener, cancellation);
    }
    try (DemoEnvironment demo = DemoEnvironment.start()) {
      list.addAll(0, demo.connectors());
      return service.run(list, listener, cancellation);
    }
  }
}
