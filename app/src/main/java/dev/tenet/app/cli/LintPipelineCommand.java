package dev.tenet.app.cli;

import dev.tenet.app.service.PipelineLint;
import dev.tenet.app.service.UserError;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.Weakness;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.ReportWriter;
import dev.tenet.reports.ReportWriters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tenet lint-pipeline FILE|DIR...}: analyses GitHub Actions workflows and actions and GitLab
 * CI files offline (no token, no store) and prints the findings as text, JSON or SARIF.
 */
@Command(
    name = "lint-pipeline",
    description = {
      "Analyses workflow and pipeline files offline (GitHub Actions workflows and actions, GitLab"
          + " CI), with no token and no store.",
      "Folders are searched for .yml/.yaml files; YAML files that are not pipelines are skipped."
    })
final class LintPipelineCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Files or folders to analyse.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default), json or sarif.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to this file instead of standard output.")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit 3 when a finding of this severity or worse is present.")
  String failOn;

  @Option(
      names = "--trusted-owner",
      paramLabel = "OWNER",
      description =
          "An action owner treated as first party: its actions may be referenced by tag"
              + " (repeatable, e.g. --trusted-owner actions).")
  List<String> trustedOwners = new ArrayList<>();

  @Option(names = "--verbose", description = "More output, and the full error behind a failure.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Only findings and errors: no summary.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String fmt = format.toLowerCase(Locale.ROOT);
    Severity gate = failOn == null ? null : ScanCommand.parseSeverity(spec.commandLine(), failOn);
    ReportWriter writer = null;
    if (!fmt.equals("text")) {
      writer =
          ReportWriters.find(fmt)
              .orElseThrow(
                  () ->
                      new UserError(
                          fmt.equals("sarif")
                              ? "The sarif format is not available in this build yet; use --format"
                                  + " text or json."
                              : "Unknown format '"
                                  + format
                                  + "': choose text, "
                                  + String.join(", ", ReportWriters.formats())
                                  + "."));
    }
    PipelineLint lint =
        new PipelineLint(
            StandardRules.catalog(), new Scorer(ScoringModel.standard()), Clock.systemUTC());
    PipelineLint.Result r = lint.run(paths, trustedOwners);
    for (PipelineLint.Problem p : r.problems()) {
      err.println("tenet: " + p);
    }
    err.flush();
    if (r.analysed() == 0) {
      throw new UserError(
          "nothing could be analysed: "
              + (r.problems().isEmpty()
                  ? "no GitHub Actions or GitLab CI file found in " + paths + "."
                  : r.problems().size() + " file(s) could not be read (see above)."));
    }
    List<Finding> findings =
        r.assessment().findings().stream()
            .filter(f -> !f.weakness().id().equals(Weakness.COVERAGE_GAP))
            .sorted(
                Comparator.comparing((Finding f) -> f.location() == null ? "" : f.location().file())
                    .thenComparingInt(f -> f.location() == null ? 0 : f.location().line())
                    .thenComparingInt(f -> f.location() == null ? 0 : f.location().column()))
            .toList();
    if (writer == null) {
      try (PrintWriter target =
          output == null ? null : new PrintWriter(Files.newBufferedWriter(output))) {
        PrintWriter w = target == null ? out : target;
        text(w, r, findings);
        w.flush();
      }
    } else {
      ReportInput input =
          new ReportInput(r.assessment(), List.of(), List.of(), r.rules(), r.rules().weaknesses());
      if (output == null) {
        OutputStream stdout = root.stdout();
        out.flush();
        writer.write(input, stdout);
        stdout.flush();
      } else {
        try (OutputStream o = Files.newOutputStream(output)) {
          writer.write(input, o);
        }
      }
    }
    return gate(findings, gate, err);
  }

  private void text(PrintWriter w, PipelineLint.Result r, List<Finding> findings) {
    int suppressed = 0;
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Finding f : findings) {
      if (f.evidence().containsKey("suppressedBy")) {
        suppressed++;
        continue;
      }
      counts.merge(f.severity(), 1, Integer::sum);
      String where =
          f.location() == null
              ? f.resource()
              : f.location().file() + ":" + f.location().line() + ":" + f.location().column();
      w.println(
          where + ": " + f.severity().id() + " " + f.weakness().id() + " [" + f.ruleId() + "]");
      w.println("    " + f.message());
      if (verbose && !f.remediation().isEmpty()) {
        w.println("    fix: " + f.remediation().get(0));
      }
    }
    if (quiet) {
      return;
    }
    if (!findings.isEmpty()) {
      w.println();
    }
    List<String> parts = new ArrayList<>();
    for (Severity s : Severity.values()) {
      Integer c = counts.get(s);
      if (c != null) {
        parts.add(c + " " + s.id());
      }
    }
    w.println(
        "Analysed "
            + r.analysed()
            + (r.analysed() == 1 ? " file" : " files")
            + (r.skipped() > 0 ? ", skipped " + r.skipped() + " other YAML files" : "")
            + (r.problems().isEmpty() ? "" : ", " + r.problems().size() + " could not be analysed")
            + ".");
    w.println(
        "Findings: "
            + (parts.isEmpty() ? "none" : String.join(", ", parts))
            + (suppressed > 0 ? " (" + suppressed + " more suppressed by ignore comments)" : "")
            + ".");
  }

  private static int gate(List<Finding> findings, Severity gate, PrintWriter err) {
    if (gate == null) {
      return ExitCodes.OK;
    }
    long worse =
        findings.stream()
            .filter(f -> !f.evidence().containsKey("suppressedBy"))
            .filter(f -> f.severity().atLeast(gate))
            .count();
    if (worse > 0) {
      err.println("Gate failed: " + worse + " finding(s) of severity " + gate.id() + " or worse.");
      err.flush();
      return ExitCodes.GATE_FAILED;
    }
    return ExitCodes.OK;
  }
}
