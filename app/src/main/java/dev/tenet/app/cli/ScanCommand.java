package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.app.service.ConnectionSpec;
import dev.tenet.app.service.ScanPlan;
import dev.tenet.app.service.UserError;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Severity;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.ScanListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tenet scan}: runs an assessment headless, stores it and prints a summary. */
@Command(
    name = "scan",
    description = "Runs an assessment headless, stores it, prints a summary and writes reports.")
final class ScanCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--github", paramLabel = "ORG", description = "Scan this GitHub organization.")
  String github;

  @Option(
      names = "--github-url",
      paramLabel = "URL",
      description =
          "GitHub API base (default ${DEFAULT-VALUE}; GitHub Enterprise Server:"
              + " https://HOST/api/v3).",
      defaultValue = GitHubConnector.DEFAULT_URL)
  String githubUrl;

  @Option(
      names = "--token-env",
      paramLabel = "VAR",
      description =
          "Environment variable holding the token of the connection named before it (default"
              + " GITHUB_TOKEN). Tokens are never accepted on the command line.")
  String tokenEnv;

  @Option(names = "--demo", description = "Scan the bundled sample organization.")
  boolean demo;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here.")
  Path json;

  @Option(
      names = "--sarif",
      paramLabel = "FILE",
      description = "Write the SARIF 2.1.0 report here (for code-scanning views).")
  Path sarif;

  @Option(names = "--pdf", paramLabel = "FILE", description = "Write the PDF report here.")
  Path pdf;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Write the HTML report here (one self-contained file).")
  Path html;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "Write the CSV report here (one row per finding).")
  Path csv;

  @Option(
      names = "--fail-under",
      paramLabel = "N",
      description = "Exit 3 when the overall score is below N (0-100).")
  Integer failUnder;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit 3 when a finding of this severity or worse is present.")
  String failOn;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Severity gateSeverity = failOn == null ? null : parseSeverity(failOn);
    if (failUnder != null && (failUnder < 0 || failUnder > 100)) {
      throw new UserError("--fail-under takes a score from 0 to 100.");
    }
    List<ConnectionSpec> connections = new ArrayList<>();
    if (github != null) {
      connections.add(
          new ConnectionSpec(
              GitHubConnector.PLATFORM,
              githubUrl,
              github,
              tokenEnv == null ? "GITHUB_TOKEN" : tokenEnv));
    }
    AppContext context = root.context(common);
    ScanListener progress =
        common.quiet ? ScanListener.NONE : new ConsoleProgress(err, common.verbose);
    Assessment a =
        context.scans().run(new ScanPlan(demo, connections), progress, new Cancellation());

    Map<String, Path> reports = new LinkedHashMap<>();
    putIfSet(reports, "json", json);
    putIfSet(reports, "sarif", sarif);
    putIfSet(reports, "csv", csv);
    putIfSet(reports, "html", html);
    putIfSet(reports, "pdf", pdf);
    if (!reports.isEmpty()) {
      // Reports read the assessment as stored, so each carries the fingerprint verify checks.
      Assessment stored = context.workspace().load(a.id());
      reports.forEach((format, file) -> context.reports().write(stored, format, file));
    }
    if (!common.quiet) {
      Summaries.print(out, a, context.workspace().database().toString());
      reports.forEach((format, file) -> out.println("  report    " + file));
      out.flush();
    }
    return gate(a, gateSeverity, err);
  }

  private static void putIfSet(Map<String, Path> reports, String format, Path file) {
    if (file != null) {
      reports.put(format, file);
    }
  }

  private int gate(Assessment a, Severity gateSeverity, PrintWriter err) {
    int code = ExitCodes.OK;
    if (failUnder != null) {
      Integer overall = a.score().overall();
      if (overall == null || overall < failUnder) {
        err.println(
            "Gate failed: overall score "
                + Summaries.score(overall)
                + " is below "
                + failUnder
                + ".");
        code = ExitCodes.GATE_FAILED;
      }
    }
    if (gateSeverity != null) {
      long worse = a.findings().stream().filter(f -> f.severity().atLeast(gateSeverity)).count();
      if (worse > 0) {
        err.println(
            "Gate failed: "
                + worse
                + " finding(s) of severity "
                + gateSeverity.id()
                + " or worse.");
        code = ExitCodes.GATE_FAILED;
      }
    }
    err.flush();
    return code;
  }

  static Severity parseSeverity(String value) {
    try {
      return Severity.fromId(value);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage() + ".");
    }
  }
}
