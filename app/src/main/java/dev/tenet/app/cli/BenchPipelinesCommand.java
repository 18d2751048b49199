package dev.tenet.app.cli;

import dev.tenet.app.service.UserError;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.scan.PipelineBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenet bench-pipelines DIR...}: measures pipeline analysis throughput on one core. */
@Command(
    name = "bench-pipelines",
    description =
        "Measures how many pipeline files per second one core parses and judges with every rule.")
final class BenchPipelinesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "Folders of .yml/.yaml files.")
  List<Path> dirs;

  @Option(
      names = "--seconds",
      defaultValue = "10",
      description = "Measured CPU time in seconds (default 10).")
  int seconds;

  @Option(names = "--warmup", defaultValue = "5", description = "Warm-up time (default 5).")
  int warmup;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<SourceFile> files = new ArrayList<>();
    for (Path d : dirs) {
      if (!Files.isDirectory(d)) {
        throw new UserError(d + " is not a folder.");
      }
      try (Stream<Path> walk = Files.walk(d)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
          if (n.endsWith(".yml") || n.endsWith(".yaml")) {
            files.add(
                new SourceFile(
                    "local:bench",
                    d.relativize(p).toString(),
                    new String(Files.readAllBytes(p), StandardCharsets.UTF_8)));
          }
        }
      }
    }
    if (files.isEmpty()) {
      throw new UserError("No .yml or .yaml files under " + dirs + ".");
    }
    out.printf(
        Locale.ROOT,
        "Measuring %d files (%d rules), %d s warm-up, %d s measured, one thread...%n",
        files.size(),
        StandardRules.all().size(),
        warmup,
        seconds);
    out.flush();
    PipelineBenchmark.Result r =
        PipelineBenchmark.run(
            files,
            StandardRules.catalog(),
            Duration.ofSeconds(warmup),
            Duration.ofSeconds(seconds));
    out.printf(
        Locale.ROOT,
        "%.0f files/s per core (CPU time: %.0f µs per file, %.1f MB/s; %d findings per pass)%n",
        r.filesPerCpuSecond(),
        r.cpuMicrosPerFile(),
        r.megabytesPerCpuSecond(),
        r.findings());
    out.printf(
        Locale.ROOT,
        "%.0f files/s wall clock (%.1f s elapsed for %.1f s of CPU; lower when the machine is"
            + " busy)%n",
        r.filesPerWallSecond(),
        r.wallSeconds(),
        r.cpuSeconds());
    out.printf(
        Locale.ROOT,
        "heap in use after GC: %.1f MB before, %.1f MB after %d analyses%n",
        r.heapBeforeBytes() / 1048576.0,
        r.heapAfterBytes() / 1048576.0,
        r.analyses());
    out.flush();
    return ExitCodes.OK;
  }
}
