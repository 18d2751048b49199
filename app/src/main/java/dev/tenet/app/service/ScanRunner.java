package dev.tenet.app.service;

import dev.tenet.app.demo.DemoEnvironment;
import dev.tenet.connectors.registry.TagHistory;
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
  private final Clock clock;

  public ScanRunner(
      Workspace workspace,
      ConnectorFactory connectors,
      RuleCatalog rules,
      Scorer scorer,
      Clock clock) {
    this.workspace = workspace;
    this.connectors = connectors;
    this.rules = rules;
    this.scorer = scorer;
    this.clock = clock;
  }

  public Assessment run(ScanPlan plan, ScanListener listener, Cancellation cancellation)
      throws ScanException, InterruptedException {
    if (plan.isEmpty()) {
      throw new UserError(
          "Nothing to scan: give --github ORG, --gitlab GROUP or --registry URL (or --demo for the"
              + " bundled sample organization).");
    }
    List<Connector> list = new ArrayList<>();
    for (ConnectionSpec spec : plan.connections()) {
      list.add(connectors.create(spec));
    }
    // Registries come last: their images' provenance links to the workflows the source
    // platforms reported; and a moved tag needs what the previous assessment saw.
    TagHistory history =
        plan.registries().isEmpty() ? TagHistory.NONE : RegistryHistory.from(workspace);
    for (RegistrySpec spec : plan.registries()) {
      list.add(connectors.createRegistry(spec, plan.registrySettings(), history));
    }
    ScanService service =
        new ScanService(rules, RuleSettings.defaults(), scorer, workspace.store(), clock);
    if (!plan.demo()) {
      return service.run(list, listener, cancellation);
    }
    try (DemoEnvironment demo = DemoEnvironment.start()) {
      list.addAll(0, demo.connectors());
      return service.run(list, listener, cancellation);
    }
  }
}
