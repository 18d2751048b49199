package dev.tenet.app;

import dev.tenet.app.cli.TenetCli;
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

  public static void main(String[] args) {
    quietLibraries(java.util.Arrays.asList(args).contains("--verbose"));
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code =
        TenetCli.run(
            args,
            AppContext::forUser,
            (context, demo) -> DesktopLauncher.open(context, demo, err),
            System.out,
            err);
    System.exit(code);
  }

  /** Libraries (Flyway, JavaFX) log chatter at INFO; users see warnings only. */
  private static void quietLibraries(boolean verbose) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
    handler.setLevel(verbose ? Level.FINE : Level.WARNING);
    root.addHandler(handler);
    root.setLevel(verbose ? Level.INFO : Level.WARNING);
  }
}
