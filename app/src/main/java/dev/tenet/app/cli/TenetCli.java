package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.app.service.UserError;
import dev.tenet.core.credentials.CredentialException;
import dev.tenet.core.credentials.Redactor;
import dev.tenet.core.scan.ScanException;
import dev.tenet.core.store.StoreException;
import java.io.InputStream;
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
    return run(args, contexts, desktop, System.in, stdout, err);
  }

  public static int run(
      String[] args,
      Function<Path, AppContext> contexts,
      TenetCommand.Launcher desktop,
      InputStream stdin,
      OutputStream stdout,
      PrintWriter err) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    TenetCommand root = new TenetCommand(contexts, desktop, stdin, stdout);
    CommandLine cli = new CommandLine(root);
    withHelpOptions(cli);
    cli.setOut(out);
    cli.setErr(err);
    // A usage error quotes the arguments; someone may have pasted a token among them.
    cli.setParameterExceptionHandler(
        (ex, arguments) -> {
          err.println("tenet: " + Redactor.redact(ex.getMessage()));
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
          err.println(
              "See '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for the usage.");
          err.flush();
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean verbose =
              parseResult.hasMatchedOption("--verbose")
                  || parseResult.subcommands().stream()
                      .anyMatch(p -> p.hasMatchedOption("--verbose"));
          err.println("tenet: " + describe(e));
          if (verbose) {
            // The full trace, through the redaction layer like every other line Tenet prints.
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(Redactor.redact(trace.toString()));
          } else if (!(e instanceof UserError
              || e instanceof ScanException
              || e instanceof StoreException
              || e instanceof CredentialException
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

  /** One sentence for the user, through the redaction layer. */
  static String describe(Exception e) {
    return Redactor.redact(sentence(e));
  }

  private static String sentence(Exception e) {
    if (e instanceof UserError
        || e instanceof ScanException
        || e instanceof StoreException
        || e instanceof CredentialException) {
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

  /** Every command answers --help (and -h), as the usage errors tell the user to type. */
  private static void withHelpOptions(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      if (sub.getCommandSpec().findOption("--help") == null) {
        sub.getCommandSpec().mixinStandardHelpOptions(true);
      }
      withHelpOptions(sub);
    }
  }
}
