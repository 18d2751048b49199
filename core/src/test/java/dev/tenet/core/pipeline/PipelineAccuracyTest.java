package dev.tenet.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.pipeline.accuracy.AccuracyEvaluator;
import dev.tenet.core.pipeline.accuracy.Exceptions;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.pipeline.PipelineRules;
import dev.tenet.core.scan.PipelineAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PipelineAccuracyTest {
  static final Path CORPUS = Path.of("src/test/resources/corpus/pipelines");

  static AccuracyEvaluator evaluator() {
    RuleCatalog catalog = new RuleCatalog(WeaknessCatalog.standard(), PipelineRules.all());
    return new AccuracyEvaluator(
        sources ->
            PipelineAnalysis.run(
                    sources,
                    catalog,
                    RuleSettings.defaults(),
                    Instant.parse("2026-11-26T10:00:00Z"))
                .evaluation()
                .findings());
  }

  static Exceptions exceptions() throws Exception {
    Path p = CORPUS.resolve("exceptions.yaml");
    return Files.exists(p) ? Exceptions.read(p) : Exceptions.NONE;
  }

  @Test
  void zizmor() throws Exception {
    AccuracyEvaluator.Report r = evaluator().evaluate(CORPUS.resolve("zizmor"), exceptions());
    System.out.println(r.render());
    assertThat(r.files()).isPositive();
  }

  @Test
  void poutine() throws Exception {
    AccuracyEvaluator.Report r = evaluator().evaluate(CORPUS.resolve("poutine"), exceptions());
    System.out.println(r.render());
    assertThat(r.files()).isPositive();
  }
}
