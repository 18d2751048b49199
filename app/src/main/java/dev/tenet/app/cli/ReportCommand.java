package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.reports.sign.SigningKey;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tenet report}: writes a report of a stored assessment. */
@Command(name = "report", description = "Writes a report of a stored assessment.")
final class ReportCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ASSESSMENT",
      defaultValue = "latest",
      description =
          "Assessment id, a unique prefix, latest or latest~N (default ${DEFAULT-VALUE}).")
  String assessment;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "json",
      completionCandidates = Formats.class,
      description = "Report format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  String format;

  /** The formats ReportWriters knows, for help and shell completion. */
  static final class Formats implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return dev.tenet.reports.ReportWriters.formats().iterator();
    }
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to this file instead of standard output.")
  Path output;

  @Mixin SigningOptions signing;

  @Override
  public Integer call() throws Exception {
    AppContext context = root.context(common);
    context.reports().writer(format);
    if (signing.signs() && !format.equalsIgnoreCase("pdf")) {
      throw new dev.tenet.app.service.UserError(
          "Only PDF reports can be signed: use --format pdf with --sign.");
    }
    Assessment a = context.workspace().load(assessment);
    SigningKey key = signing.open(context);
    if (output != null) {
      context.reports().write(a, format, output, key);
      if (!root.options(common).quiet) {
        spec.commandLine().getErr().println("Wrote " + output.toAbsolutePath());
      }
      return ExitCodes.OK;
    }
    spec.commandLine().getOut().flush();
    OutputStream stdout = root.stdout();
    context.reports().write(a, format, stdout, key);
    stdout.flush();
    return ExitCodes.OK;
  }
}
