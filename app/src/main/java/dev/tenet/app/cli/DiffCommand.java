package dev.tenet.app.cli;

import dev.tenet.core.assessment.AssessmentDiff;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tenet diff A B}: what changed between two assessments. */
@Command(
    name = "diff",
    description =
        "Findings new in B, resolved since A, and score movement (default: the last two).")
final class DiffCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "A",
      defaultValue = "latest~1",
      description = "The earlier assessment (default ${DEFAULT-VALUE}).")
  String from;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "B",
      defaultValue = "latest",
      description = "The later assessment (default ${DEFAULT-VALUE}).")
  String to;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    AssessmentDiff diff = root.context(common).workspace().diff(from, to);
    out.println("From " + diff.from().id() + " to " + diff.to().id());
    out.println(
        "  overall   "
            + delta(diff.overallDelta())
            + "  ("
            + Summaries.score(diff.from().score().overall())
            + " -> "
            + Summaries.score(diff.to().score().overall())
            + ")");
    for (Pillar p : Pillar.values()) {
      out.printf("  %-16s %s%n", p.id(), delta(diff.pillarDeltas().get(p)));
    }
    if (diff.unchanged()) {
      out.println("No change: the same findings and the same scores.");
      out.flush();
      return ExitCodes.OK;
    }
    section(out, "New", diff.added());
    section(out, "Resolved", diff.resolved());
    section(
        out, "Not verified (hidden by a blind spot, not counted as resolved)", diff.unverified());
    section(out, "Severity changed", diff.severityChanged());
    out.flush();
    return ExitCodes.OK;
  }

  private static void section(PrintWriter out, String title, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    out.println(title + " (" + findings.size() + "):");
    for (Finding f : findings) {
      out.printf("  %-8s %-14s %s  %s%n", f.severity().id(), f.ruleId(), f.resource(), f.message());
    }
  }

  private static String delta(Integer d) {
    if (d == null) {
      return "n/a";
    }
    return d > 0 ? "+" + d : d == 0 ? "±0" : String.valueOf(d);
  }
}
