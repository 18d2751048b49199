package dev.tenet.app;

import dev.tenet.app.service.ConnectorFactory;
import dev.tenet.app.service.ReportService;
import dev.tenet.app.service.ScanRunner;
import dev.tenet.app.service.Workspace;
import dev.tenet.connectors.http.CacheFolders;
import dev.tenet.connectors.http.HttpPolicy;
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

  public AppContext(DataPaths paths, Path database, Map<String, String> environment, Clock clock) {
    this.paths = paths;
    this.workspace = new Workspace(database);
    this.rules = StandardRules.catalog();
    ConnectorFactory connectors =
        new ConnectorFactory(
            new CacheFolders(paths.cache().resolve("http")), HttpPolicy.defaults(), environment);
    this.scans =
        new ScanRunner(workspace, connectors, rules, new Scorer(ScoringModel.standard()), clock);
    this.reports = new ReportService(workspace, rules);
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

  @Override
  public void close() {
    workspace.close();
  }
}
