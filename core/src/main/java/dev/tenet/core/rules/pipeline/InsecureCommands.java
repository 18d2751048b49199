package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Env;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/**
 * {@code ACTIONS_ALLOW_UNSECURE_COMMANDS} brings back the deprecated {@code ::set-env} and {@code
 * ::add-path} workflow commands: anything that prints text into the log (a test name, a file name,
 * a commit message) can then set variables and the PATH for later steps.
 */
final class InsecureCommands extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-INJECT-003",
          "script-injection",
          Severity.HIGH,
          "Insecure workflow commands re-enabled",
          "With ACTIONS_ALLOW_UNSECURE_COMMANDS set, any line printed to the log can set"
              + " environment variables and PATH entries for later steps, so untrusted output"
              + " becomes code execution (CVE-2020-15228).",
          List.of(
              "Remove ACTIONS_ALLOW_UNSECURE_COMMANDS.",
              "Update actions that still print ::set-env or ::add-path; write to $GITHUB_ENV and"
                  + " $GITHUB_PATH instead."),
          List.of(
              "https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/",
              "https://github.com/advisories/GHSA-mfwh-5m23-j46w"));

  private static final String VARIABLE = "ACTIONS_ALLOW_UNSECURE_COMMANDS";

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("insecure-commands");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.kind().isGitHub();
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    flag(p.env(), null, "the workflow", report);
    for (Job job : p.jobs()) {
      flag(job.env(), job.node(), "job " + job.label(), report);
      for (Step step : job.steps()) {
        flag(step.env(), step.node(), "step " + step.label(), report);
      }
    }
  }

  private static void flag(Env env, YamlNode scope, String where, Report report) {
    for (Env.Var v : env.vars().values()) {
      if (!v.name().equalsIgnoreCase(VARIABLE) || v.value() == null) {
        continue;
      }
      String value = v.value().value().strip();
      if (!value.equalsIgnoreCase("true")) {
        continue;
      }
      report
          .fail(
              env.node() == null ? v.key() : env.node(),
              scope,
              where
                  + " sets "
                  + VARIABLE
                  + ": "
                  + value
                  + ", so any text printed to the log can set variables and PATH entries for later"
                  + " steps.")
          .with("value", value);
    }
  }
}
