package dev.tenet.core.rules;

import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rules.aws.AwsRules;
import dev.tenet.core.rules.coverage.CoverageGapRule;
import dev.tenet.core.rules.github.GitHubRules;
import dev.tenet.core.rules.gitlab.GitLabRules;
import dev.tenet.core.rules.k8s.KubernetesRules;
import dev.tenet.core.rules.pipeline.PipelineRules;
import dev.tenet.core.rules.registry.RegistryRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The one list of rules Tenet ships, assembled from each area's list. Add a rule to its area's list
 * and it is evaluated, listed, scored and checked by the catalog test.
 */
public final class StandardRules {
  private StandardRules() {}

  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.add(new CoverageGapRule());
    rules.addAll(GitHubRules.all());
    rules.addAll(GitLabRules.all());
    rules.addAll(AwsRules.all());
    rules.addAll(KubernetesRules.all());
    rules.addAll(PipelineRules.all());
    rules.addAll(RegistryRules.all());
    return List.copyOf(rules);
  }

  public static RuleCatalog catalog() {
    return new RuleCatalog(WeaknessCatalog.standard(), all());
  }
}
