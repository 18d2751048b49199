package dev.tenet.app;

import dev.tenet.app.cli.TenetCli;
import dev.tenet.app.cli.TerminalPassphrase;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Entry point of both faces of Tenet. Not a JavaFX Application, so the command line runs where no
 * display or GTK exists, and the console is loaded only when asked for.
 */
public final class Main {
  private Main() {}

  /** Held here: JUL keeps loggers weakly, and a collected one forgets its level. */
  private static final Logger TENET_LOGGER = Logger.getLogger("dev.tenet");

  public static void main(String[] args) {
    quietLibraries(java.util.Arrays.asList(args).contains("--verbose"));
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code =
        TenetCli.run(
            args,
            db -> AppContext.forUser(db, new TerminalPassphrase(System.getenv())),
            new dev.tenet.app.cli.TenetCommand.Launcher() {
              @Override
              public int open(AppContext context, boolean demo) {
                return DesktopLauncher.open(context, demo, err);
              }

              @Override
              public int benchmark(int findings, boolean startup, PrintWriter out) {
                return DesktopLauncher.benchmark(findings, startup, out);
              }
            },
            System.out,
            err);
    System.exit(code);
  }

  /**
   * Libraries (Flyway, JavaFX) log chatter at INFO; users see warnings only. Every line goes
   * through the redaction layer.
   */
  static void quietLibraries(boolean verbose) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
    handler.setFormatter(new RedactingLogFormatter());
    handler.setLevel(verbose ? Level.FINE : Level.WARNING);
    root.addHandler(handler);
    root.setLevel(verbose ? Level.INFO : Level.WARNING);
    // Tenet's own detail (each HTTP request, redacted) when asked for with --verbose.
    TENET_LOGGER.setLevel(verbose ? Level.FINE : Level.WARNING);
  }
}
