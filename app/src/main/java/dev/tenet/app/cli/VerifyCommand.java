package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.reports.verify.ReportVerifier;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tenet verify REPORT}: checks that a PDF, HTML, JSON or SARIF report matches a stored
 * assessment. Exit 0 when it matches, 1 when it does not or cannot be checked; one sentence says
 * which.
 */
@Command(
    name = "verify",
    description = {
      "Checks that a report matches a stored assessment.",
      "Compares the report's SHA-256 fingerprint, findings and score with the assessment it names,"
          + " and checks a signed PDF's signature; exits 0 when all holds, 1 otherwise."
    })
final class VerifyCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "REPORT",
      description = "A PDF, HTML, JSON or SARIF report written by Tenet.")
  Path report;

  @Option(
      names = "--signed-by",
      paramLabel = "CERT|SHA256",
      description = {
        "Also require a PDF signature by this certificate: a certificate file (PEM or DER)",
        "or its SHA-256 fingerprint (as keytool prints it, colons allowed)."
      })
  String signedBy;

  @Override
  public Integer call() {
    AppContext context = root.context(common);
    ReportVerifier.Verdict verdict = context.reports().verify(report, signedBy);
    if (verdict.matches()) {
      spec.commandLine().getOut().println(verdict.sentence());
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    spec.commandLine().getErr().println("tenet: " + verdict.sentence());
    spec.commandLine().getErr().flush();
    return ExitCodes.FAILED;
  }
}
