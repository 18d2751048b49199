package dev.tenet.app.cli;

import dev.tenet.app.service.UserError;
import dev.tenet.core.pipeline.accuracy.AccuracyEvaluator;
import dev.tenet.core.pipeline.accuracy.Exceptions;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.scan.PipelineAnalysis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tenet eval-pipelines SET...}: measures pipeline analysis against labelled sets (a folder
 * with {@code labels.json} and {@code files/}) and prints precision and recall per weakness.
 */
@Command(
    name = "eval-pipelines",
    description = {
      "Measures pipeline analysis against labelled sets (folders with labels.json and files/):"
          + " precision and recall per weakness and overall (same file and weakness, line within"
          + " 2)."
    })
final class EvalPipelinesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SET", arity = "1..*", description = "Labelled set folders.")
  List<Path> sets;

  @Option(
      names = "--exceptions",
      paramLabel = "FILE",
      description = "Reviewed disagreements with the labels (YAML), applied and listed.")
  Path exceptions;

  @Option(
      names = "--min-precision",
      paramLabel = "P",
      description = "Exit 3 when the overall precision of a set (with exceptions) is below P.")
  Double minPrecision;

  @Option(
      names = "--min-recall",
      paramLabel = "R",
      description = "Exit 3 when the overall recall of a set (with exceptions) is below R.")
  Double minRecall;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Exceptions x = Exceptions.NONE;
    if (exceptions != null) {
      if (!Files.isRegularFile(exceptions)) {
        throw new UserError("No exceptions file at " + exceptions + ".");
      }
      x = Exceptions.read(exceptions);
    }
    var catalog = StandardRules.catalog();
    AccuracyEvaluator evaluator =
        new AccuracyEvaluator(
            sources ->
                PipelineAnalysis.run(sources, catalog, RuleSettings.defaults(), Instant.now())
                    .evaluation()
                    .findings());
    int code = ExitCodes.OK;
    for (Path set : sets) {
      if (!Files.isRegularFile(set.resolve("labels.json"))) {
        throw new UserError(set + " is not a labelled set: it has no labels.json.");
      }
      AccuracyEvaluator.Report r = evaluator.evaluate(set, x);
      out.print(r.render());
      out.println();
      boolean low =
          (minPrecision != null && r.overall().precision() < minPrecision)
              || (minRecall != null && r.overall().recall() < minRecall);
      if (low) {
        code = ExitCodes.GATE_FAILED;
      }
    }
    out.flush();
    return code;
  }
}
