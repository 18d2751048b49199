package dev.tenet.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tenet bench-console}: times the console against its budget (filtering 100,000 findings
 * under 200 ms; start to an interactive window under 3 s) and prints the results. Needs no store;
 * the start-up part needs a display (run it under xvfb-run on a server).
 */
@Command(
    name = "bench-console",
    description = {
      "Benchmarks the desktop console: filtering 100,000 findings (budget 200 ms per step) and"
          + " starting to an interactive window (budget 3 s; needs a display, e.g. xvfb-run).",
    })
final class BenchConsoleCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--findings",
      paramLabel = "N",
      defaultValue = "100000",
      description = "Findings in the synthetic assessment (default ${DEFAULT-VALUE}).")
  int findings;

  @Option(
      names = "--no-startup",
      description = "Skip the start-up measurement (it opens a window).")
  boolean noStartup;

  @Override
  public Integer call() {
    if (findings < 1 || findings > 2_000_000) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--findings takes a number from 1 to 2000000.");
    }
    return root.desktop().benchmark(findings, !noStartup, spec.commandLine().getOut());
  }
}
