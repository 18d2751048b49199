package dev.tenet.core.rules.pipeline;

import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.RuleHarness;
import java.util.ArrayList;
import java.util.List;

/** Runs one pipeline rule over inline files through the real engine. */
final class Rules {
  static final String REPO = "github:acme/web";

  private Rules() {}

  static List<Finding> run(Rule rule, String... pathsAndYaml) {
    return run(rule, new TrustGraph(), RuleSettings.defaults(), pathsAndYaml);
  }

  static List<Finding> run(
      Rule rule, TrustGraph graph, RuleSettings settings, String... pathsAndYaml) {
    return RuleHarness.run(rule, graph, files(pathsAndYaml), List.of(), settings).findings();
  }

  static RuleTally tally(Rule rule, String... pathsAndYaml) {
    return RuleHarness.run(
            rule, new TrustGraph(), files(pathsAndYaml), List.of(), RuleSettings.defaults())
        .tallies()
        .get(0);
  }

  /** A workflow at .github/workflows/ci.yml. */
  static List<Finding> workflow(Rule rule, String yaml) {
    return run(rule, ".github/workflows/ci.yml", yaml);
  }

  static List<SourceFile> files(String... pathsAndYaml) {
    List<SourceFile> out = new ArrayList<>();
    for (int i = 0; i < pathsAndYaml.length; i += 2) {
      out.add(new SourceFile(REPO, pathsAndYaml[i], pathsAndYaml[i + 1]));
    }
    return out;
  }

  /** "line:column" of each finding, in order. */
  static List<String> where(List<Finding> findings) {
    return findings.stream().map(f -> f.location().line() + ":" + f.location().column()).toList();
  }
}
