package dev.tenet.app;

import dev.tenet.app.service.AuditService;
import dev.tenet.app.service.ConnectionService;
import dev.tenet.app.service.ConnectionTester;
import dev.tenet.app.service.ConnectorFactory;
import dev.tenet.app.service.CredentialService;
import dev.tenet.app.service.ForgetService;
import dev.tenet.app.service.GraphService;
import dev.tenet.app.service.PathService;
import dev.tenet.app.service.ReportService;
import dev.tenet.app.service.RiskService;
import dev.tenet.app.service.ScanRunner;
import dev.tenet.app.service.SettingsService;
import dev.tenet.app.service.Workspace;
import dev.tenet.connectors.http.CacheFolders;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.paths.PathPolicy;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.core.store.DataPaths;
import dev.tenet.core.store.PrivateFiles;
import dev.tenet.core.store.credentials.CredentialStore;
import dev.tenet.core.store.credentials.Keychain;
import dev.tenet.core.store.credentials.OsKeychain;
import dev.tenet.core.store.credentials.PassphraseSource;
import dev.tenet.core.store.credentials.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

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
  private final AuditService audit;
  private final CredentialService credentials;
  private final ForgetService forget;
  private final PathService attackPaths;
  private final RiskService risks;
  private final SettingsService settings;
  private final ConnectionService connections;
  private final GraphService graphs;
  private volatile PassphraseSource passphrases;

  /**
   * A context whose vault passphrase comes from {@code TENET_VAULT_PASSPHRASE} (headless) and whose
   * keychain is the OS's.
   */
  public AppContext(DataPaths paths, Path database, Map<String, String> environment, Clock clock) {
    this(
        paths,
        database,
        environment,
        clock,
        new OsKeychain(),
        PassphraseSource.environment(environment));
  }

  public AppContext(
      DataPaths paths,
      Path database,
      Map<String, String> environment,
      Clock clock,
      Keychain keychain,
      PassphraseSource passphrases) {
    this.paths = paths;
    this.workspace = new Workspace(database);
    this.rules = StandardRules.catalog();
    this.audit = new AuditService(workspace, clock, AuditService.currentUser());
    this.settings = new SettingsService(paths.home());
    // Every request follows the settings of the moment (proxy, CA bundle), so a change made in the
    // console applies to the next scan without a restart.
    Supplier<HttpPolicy> policy = settings::policy;
    this.passphrases = passphrases;
    this.credentials =
        new CredentialService(
            new CredentialStore(
                paths.credentialIndex(),
                keychain,
                new Vault(paths.vault()),
                (vault, creating) -> this.passphrases.passphrase(vault, creating),
                environment,
                clock),
            audit,
            policy,
            environment);
    this.connections =
        new ConnectionService(
            paths.home().resolve("connections.json"),
            credentials,
            new ConnectionTester(credentials, policy));
    Path httpCache = paths.cache().resolve("http");
    ConnectorFactory connectors =
        new ConnectorFactory(new CacheFolders(httpCache), policy, credentials, environment);
    Scorer scorer = new Scorer(ScoringModel.standard());
    this.attackPaths = new PathService(workspace, paths.home().resolve(PathPolicy.FILE_NAME));
    this.risks = new RiskService(workspace, scorer, clock, AuditService.currentUser(), audit);
    this.scans = new ScanRunner(workspace, connectors, rules, scorer, attackPaths, clock, audit);
    this.reports = new ReportService(workspace, rules, risks, audit, environment, clock);
    this.forget = new ForgetService(workspace, httpCache, audit);
    this.graphs = new GraphService(workspace);
  }

  /** The context for this user: TENET_HOME or the OS data folder, or an explicit database. */
  public static AppContext forUser(Path databaseOverride) {
    return forUser(databaseOverride, PassphraseSource.environment(System.getenv()));
  }

  /** The same, asking for the vault passphrase through {@code passphrases} (a prompt, a dialog). */
  public static AppContext forUser(Path databaseOverride, PassphraseSource passphrases) {
    DataPaths paths = DataPaths.fromEnvironment();
    narrowDataFolder(paths.home());
    Path db = databaseOverride != null ? databaseOverride : paths.database();
    return new AppContext(
        paths, db, System.getenv(), Clock.systemUTC(), new OsKeychain(), passphrases);
  }

  /**
   * Tenet's data folder is owner-only; one left wider (by an older version, a restore, a umask) is
   * narrowed. The user's home itself is never touched, even when TENET_HOME points at it.
   */
  private static void narrowDataFolder(Path home) {
    try {
      if (Files.isDirectory(home)
          && !home.equals(Path.of(System.getProperty("user.home", "")).toAbsolutePath())) {
        PrivateFiles.restrict(home);
      }
    } catch (IOException | RuntimeException e) {
      // Not ours to change (another owner): opening the store says what matters.
    }
  }

  /**
   * Where the vault's passphrase comes from from now on: the console replaces the terminal prompt
   * with its own dialog.
   */
  public void usePassphrases(PassphraseSource source) {
    this.passphrases = source;
  }

  public SettingsService settings() {
    return settings;
  }

  public ConnectionService connections() {
    return connections;
  }

  public GraphService graphs() {
    return graphs;
  }

  public AuditService audit() {
    return audit;
  }

  public CredentialService credentials() {
    return credentials;
  }

  public ForgetService forget() {
    return forget;
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
    credentials.close();
    workspace.close();
  }
}
