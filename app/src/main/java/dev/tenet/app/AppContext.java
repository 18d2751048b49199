package dev.tenet.app;

import dev.tenet.app.service.ConnectorFactory;
import dev.tenet.app.service.PathService;
import dev.tenet.app.service.ReportService;
import dev.tenet.app.service.RiskService;
import dev.tenet.app.service.ScanRunner;
import dev.tenet.app.service.Workspace;
import dev.tenet.connectors.http.CacheFolders;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.paths.PathPolicy;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.core.store.DataPaths;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root: wires the engine, the store and the connectors once, for the command line
 * and the desktop console alike.
 */
public final class AppContext implements AutoCloseable {
  private final DataPaths paths;
  private final Workspace workspace;
  private final RuleCatalog rules;
  private final ScanRunner scans;
  private final ReportService reports;
  private final PathService attackPaths;
  private final RiskService risks;

  public AppContext(DataPaths paths, Path database, Map<String, String> environment, Clock clock) {
    this.paths = paths;
    this.workspace = new Workspace(database);
    this.rules = StandardRules.catalog();
    ConnectorFactory connectors =
        new ConnectorFactory(
            new CacheFolders(paths.cache().resolve("http")), HttpPolicy.defaults(), environment);
    Scorer scorer = new Scorer(ScoringModel.standard());
    this.attackPaths = new PathService(workspace, paths.home().resolve(PathPolicy.FILE_NAME));
    this.risks = new RiskService(workspace, scorer, clock, System.getProperty("user.name"));
    this.scans = new ScanRunner(workspace, connectors, rules, scorer, attackPaths, clock);
    this.reports = new ReportService(workspace, rules, risks);
  }

  /** The context for this user: TENET_HOME or the OS data folder, or an explicit database. */
  public static AppContext forUser(Path databaseOverride) {
    DataPaths paths = DataPaths.fromEnvironment();
    Path db = databaseOverride != null ? databaseOverride : paths.database();
    return new AppContext(paths, db, System.getenv(), Clock.systemUTC());
  }

  public DataPaths paths() {
    return paths;
  }

  public Workspace workspace() {
    return workspace;
  }

  public RuleCatalog rules() {
    return rules;
  }

  public ScanRunner scans() {
    return scans;
  }

  public ReportService reports() {
    return reports;
  }

  public PathService attackPaths() {
    return attackPaths;
  }

  public RiskService risks() {
    return risks;
  }

  @Override
  public void close() {
    workspace.close();
  }
}
