package dev.tenet.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.scan.PipelineAnalysis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mangled real workflows (truncated, lines shuffled or dropped, indentation changed, bytes flipped)
 * never crash parsing or a rule: each file is analysed or explained.
 */
class RobustnessTest {
  @Test
  void mangledWorkflowsNeverCrashTheAnalysis() throws Exception {
    Path root = Path.of("src/test/resources/corpus/pipelines");
    List<String> texts = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p :
          walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith("yml")).toList()) {
        texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    }
    Random random = new Random(42);
    List<SourceFile> mangled = new ArrayList<>();
    int n = 0;
    for (String t : texts) {
      List<String> lines = new ArrayList<>(t.lines().toList());
      mangled.add(file(n++, t.substring(0, random.nextInt(t.length() + 1))));
      List<String> shuffled = new ArrayList<>(lines);
      Collections.shuffle(shuffled, random);
      mangled.add(file(n++, String.join("\n", shuffled)));
      List<String> dropped = new ArrayList<>(lines);
      for (int k = 0; k < Math.max(1, lines.size() / 5) && !dropped.isEmpty(); k++) {
        dropped.remove(random.nextInt(dropped.size()));
      }
      mangled.add(file(n++, String.join("\n", dropped)));
      mangled.add(file(n++, t.replace("  ", " ")));
      char[] chars = t.toCharArray();
      for (int k = 0; k < 5 && chars.length > 0; k++) {
        chars[random.nextInt(chars.length)] = "{}[]:-&*!|>'\"#%@`$".charAt(random.nextInt(18));
      }
      mangled.add(file(n++, new String(chars)));
    }
    PipelineAnalysis.Result r =
        PipelineAnalysis.run(
            mangled,
            StandardRules.catalog(),
            RuleSettings.defaults(),
            Instant.parse("2026-11-26T10:00:00Z"));
    assertThat(r.pipelines().files()).hasSize(mangled.size());
    assertThat(r.evaluation().findings())
        .extracting(Finding::title)
        .doesNotContain("Rule could not be evaluated");
    assertThat(r.evaluation().tallies())
        .allSatisfy(t -> assertThat(t.unknown()).as(t.ruleId()).isZero());
    assertThat(r.pipelines().files())
        .filteredOn(f -> f.status() == Pipelines.Status.INVALID)
        .allSatisfy(f -> assertThat(f.message()).doesNotContain("Tenet could not analyse"));
  }

  private static SourceFile file(int n, String text) {
    String path = n % 2 == 0 ? ".github/workflows/w" + n + ".yml" : "ci/" + n + "/.gitlab-ci.yml";
    return new SourceFile("local:fuzz", path, text);
  }
}
