package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.graph.export.GraphExport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tenet export-graph}: the trust graph of an assessment as GraphML or BloodHound JSON. */
@Command(
    name = "export-graph",
    description =
        "Writes the trust graph of an assessment as GraphML (yEd, Gephi, NetworkX) or BloodHound"
            + " OpenGraph JSON.")
final class ExportGraphCommand implements Callable<Integer> {
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
      required = true,
      description = "graphml or bloodhound.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to this file instead of standard output.")
  Path output;

  @Override
  public Integer call() throws Exception {
    AppContext context = root.context(common);
    GraphExport f = context.attackPaths().format(format);
    Assessment a = context.workspace().load(assessment);
    if (output == null) {
      spec.commandLine().getOut().flush();
      OutputStream stdout = root.stdout();
      context.attackPaths().exportGraph(a, f, stdout);
      stdout.flush();
      return ExitCodes.OK;
    }
    Path target = output.toAbsolutePath();
    Path folder = target.getParent();
    Path temp = null;
    try {
      if (folder != null) {
        Files.createDirectories(folder);
      }
      // Through a temporary sibling: a failed export never leaves half a file behind.
      temp = Files.createTempFile(folder, ".tenet-graph", ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        context.attackPaths().exportGraph(a, f, out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new dev.tenet.app.service.UserError(
          "Could not write the graph to " + target + ": " + e.getMessage() + ".");
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
    if (!root.options(common).quiet) {
      spec.commandLine().getErr().println("Wrote " + target);
    }
    return ExitCodes.OK;
  }
}
