package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.app.service.UserError;
import dev.tenet.core.scan.ScanException;
import dev.tenet.core.store.StoreException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Runs the command line: parses, dispatches, and turns every failure into one sentence on standard
 * error with exit code 1 (no stack trace unless {@code --verbose}).
 */
public final class TenetCli {
  private TenetCli() {}

  public static int run(
      String[] args,
      Function<Path, AppContext> contexts,
      TenetCommand.Launcher desktop,
      OutputStream stdout,
      PrintWriter err) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    TenetCommand root = new TenetCommand(contexts, desktop, stdout);
    CommandLine cli = new CommandLine(root);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean verbose =
              parseResult.hasMatchedOption("--verbose")
                  || parseResult.subcommands().stream()
                      .anyMatch(p -> p.hasMatchedOption("--verbose"));
          err.println("tenet: " + describe(e));
          if (verbose) {
            e.printStackTrace(err);
          } else if (!(e instanceof UserError
              || e instanceof ScanException
              || e instanceof StoreException
              || e instanceof CancellationException)) {
            err.println("(run again with --verbose for the details)");
          }
          err.flush();
          return ExitCodes.FAILED;
        });
    int code;
    try {
      code = cli.execute(args);
    } finally {
      root.closeContexts();
    }
    out.flush();
    err.flush();
    return code;
  }

  static String describe(Exception e) {
    if (e instanceof UserError || e instanceof ScanException || e instanceof StoreException) {
      return e.getMessage();
    }
    if (e instanceof CancellationException) {
      return "cancelled; nothing was stored.";
    }
    if (e instanceof InterruptedException) {
      return "interrupted; nothing was stored.";
    }
    String m = e.getMessage();
    return "unexpected "
        + e.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
  }
}
