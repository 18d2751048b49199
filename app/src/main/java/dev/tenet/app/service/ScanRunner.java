package dev.tenet.app.service;

import dev.tenet.app.demo.DemoEnvironment;
import dev.tenet.connectors.registry.TagHistory;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.audit.AuditAction;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a scan plan end to end and stores the assessment in the workspace. */
public final class ScanRunner {
  private final Workspace workspace;
  private final ConnectorFactory connectors;
  private final RuleCatalog rules;
  private final Scorer scorer;
  private final PathService paths;
  private final Clock clock;
  private final AuditService audit;

  /**
   * A runner whose scans are recorded in the audit trail.
   *
   * @param paths the path policy (read at each scan, so a broken paths.yaml fails the scan with a
   *     clear sentence, never an unrelated command)
   */
  public ScanRunner(
      Workspace workspace,
      ConnectorFactory connectors,
      RuleCatalog rules,
      Scorer scorer,
      PathService paths,
      Clock clock,
      AuditService audit) {
    this.workspace = workspace;
    this.connectors = connectors;
    this.rules = rules;
    this.scorer = scorer;
    this.paths = paths;
    this.clock = clock;
    this.audit = audit;
  }

  /** A runner without an audit trail (tests that exercise scanning alone). */
  public ScanRunner(
      Workspace workspace,
      ConnectorFactory connectors,
      RuleCatalog rules,
      Scorer scorer,
      PathService paths,
      Clock clock) {
    this(workspace, connectors, rules, scorer, paths, clock, null);
  }

  public Assessment run(ScanPlan plan, ScanListener listener, Cancellation cancellation)
      throws ScanException, InterruptedException {
    if (plan.isEmpty()) {
      throw new UserError(
          "Nothing to scan: give --github ORG, --gitlab GROUP, --registry URL, --aws-iam-file"
              + " FILE, --aws-profile NAME, --k8s-file FILE or --kubeconfig FILE (or --demo for"
              + " the bundled sample organization).");
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
        new ScanService(
            rules, RuleSettings.defaults(), scorer, paths.policy(), workspace.store(), clock);
    if (!plan.demo()) {
      return audited(service, list, listener, cancellation);
    }
    try (DemoEnvironment demo = DemoEnvironment.start()) {
      list.addAll(0, demo.connectors(clock.instant()));
      return audited(service, list, listener, cancellation);
    }
  }

  /** Runs the scan between a scan.started and a scan.finished (or scan.failed) audit event. */
  private Assessment audited(
      ScanService service, List<Connector> list, ScanListener listener, Cancellation cancellation)
      throws ScanException, InterruptedException {
    if (audit == null) {
      return service.run(list, listener, cancellation);
    }
    List<String> scopes =
        list.stream().map(c -> c.scope().platform() + ":" + c.scope().target()).toList();
    String target = String.join(", ", scopes);
    audit.record(
        AuditAction.SCAN_STARTED,
        target,
        scopes,
        Map.of("baseUrls", list.stream().map(c -> c.scope().baseUrl()).distinct().toList()));
    Assessment a;
    try {
      a = service.run(list, listener, cancellation);
    } catch (ScanException | InterruptedException | RuntimeException e) {
      audit.record(
          AuditAction.SCAN_FAILED,
          target,
          scopes,
          Map.of(
              "reason",
              String.valueOf(
                  e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
      throw e;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("assessment", a.id());
    details.put("overall", a.score().overall());
    details.put("findings", a.findings().size());
    details.put("blindSpots", a.coverage().blindSpots());
    audit.record(AuditAction.SCAN_FINISHED, target, scopes, details);
    return a;
  }
}
