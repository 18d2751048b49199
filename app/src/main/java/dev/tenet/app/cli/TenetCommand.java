package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.core.Tenet;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tenet}: without a command, opens the desktop console. */
@Command(
    name = "tenet",
    mixinStandardHelpOptions = true,
    versionProvider = TenetCommand.Version.class,
    description = {
      "Zero-trust posture console for DevOps pipelines.",
      "Without a command, opens the desktop console."
    },
    subcommands = {
      GuiCommand.class,
      DemoCommand.class,
      ScanCommand.class,
      ReportCommand.class,
      HistoryCommand.class,
      DiffCommand.class,
      RulesCommand.class,
      CredentialsCommand.class,
      AuditCommand.class,
      ForgetCommand.class,
      BenchmarkCommand.class,
      PathsCommand.class,
      BlastRadiusCommand.class,
      AcceptCommand.class,
      ExportGraphCommand.class,
      BenchCommand.class,
      LintPipelineCommand.class,
      EvalPipelinesCommand.class,
      BenchPipelinesCommand.class,
      VerifyCommand.class,
      BenchConsoleCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TenetCommand implements Callable<Integer> {
  private final Function<Path, AppContext> contexts;
  private final Launcher desktop;
  private final OutputStream stdout;
  private static final Path DEFAULT_DB = Path.of("");
  private final Map<Path, AppContext> opened = new HashMap<>();
  private final InputStream stdin;

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  /** Opens the desktop console (kept behind an interface so the CLI never loads JavaFX). */
  @FunctionalInterface
  public interface Launcher {
    int open(AppContext context, boolean demo);

    /**
     * Measures the console ({@code tenet bench-console}): filtering {@code findings} findings and,
     * with a display, starting to an interactive window; prints the results to {@code out}.
     *
     * @return the exit code: 0 within budget, 3 over it
     */
    default int benchmark(int findings, boolean startup, java.io.PrintWriter out) {
      out.println("The console benchmark is not available in this build.");
      return ExitCodes.FAILED;
    }
  }

  /**
   * @param stdout where binary output (reports written to standard output) goes
   */
  public TenetCommand(Function<Path, AppContext> contexts, Launcher desktop, OutputStream stdout) {
    this(contexts, desktop, System.in, stdout);
  }

  /**
   * @param stdin where secrets piped to {@code credentials add --stdin} come from
   */
  public TenetCommand(
      Function<Path, AppContext> contexts,
      Launcher desktop,
      InputStream stdin,
      OutputStream stdout) {
    this.contexts = contexts;
    this.desktop = desktop;
    this.stdin = stdin;
    this.stdout = stdout;
  }

  OutputStream stdout() {
    return stdout;
  }

  InputStream stdin() {
    return stdin;
  }

  /** A subcommand's options, completed by those given before the subcommand name. */
  CommonOptions options(CommonOptions sub) {
    CommonOptions merged = new CommonOptions();
    merged.db = sub.db != null ? sub.db : common.db;
    merged.verbose = sub.verbose || common.verbose;
    merged.quiet = sub.quiet || common.quiet;
    return merged;
  }

  /** The context for these options; one per database, closed when the command ends. */
  AppContext context(CommonOptions options) {
    Path db = options(options).db;
    return opened.computeIfAbsent(db == null ? DEFAULT_DB : db, k -> contexts.apply(db));
  }

  /** Closes what the command opened, so the store is checkpointed and released. */
  void closeContexts() {
    opened.values().forEach(AppContext::close);
    opened.clear();
  }

  Launcher desktop() {
    return desktop;
  }

  @Override
  public Integer call() {
    return desktop.open(context(common), false);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {Tenet.tool()};
    }
  }
}
