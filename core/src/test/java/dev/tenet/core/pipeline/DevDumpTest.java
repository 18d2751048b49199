package dev.tenet.core.pipeline;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rule.SourceFile;
import dev.tenet.core.rules.pipeline.PipelineRules;
import dev.tenet.core.scan.PipelineAnalysis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DevDumpTest {
  @Test
  void dump() throws Exception {
    String set = System.getProperty("set", "wild");
    Path root = Path.of("src/test/resources/corpus/pipelines/" + set + "/files");
    List<SourceFile> sources = new ArrayList<>();
    try (Stream<Path> w = Files.walk(root)) {
      for (Path p : w.filter(Files::isRegularFile).sorted().toList()) {
        sources.add(
            new SourceFile(
                "local:" + set,
                root.relativize(p).toString(),
                new String(Files.readAllBytes(p), StandardCharsets.UTF_8)));
      }
    }
    RuleCatalog catalog = new RuleCatalog(WeaknessCatalog.standard(), PipelineRules.all());
    PipelineAnalysis.Result r =
        PipelineAnalysis.run(sources, catalog, RuleSettings.defaults(), Instant.now());
    for (Pipelines.FileResult f : r.pipelines().files()) {
      if (f.status() != Pipelines.Status.ANALYSED)
        System.out.println("FILE " + f.status() + " " + f.describe());
    }
    for (var b : r.blindSpots()) System.out.println("BLIND " + b);
    for (Finding f : r.evaluation().findings()) {
      System.out.println(
          f.location() == null
              ? "-"
              : f.location().file() + ":" + f.location().line() + ":" + f.location().column());
      System.out.println(
          "   "
              + f.severity().id()
              + " "
              + f.weakness().id()
              + " "
              + f.ruleId()
              + " "
              + f.message());
    }
  }
}
