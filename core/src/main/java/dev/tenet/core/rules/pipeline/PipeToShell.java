package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script downloads code and runs it unverified: {@code curl ... | sh}, {@code bash <(curl ...)},
 * {@code sh -c "$(wget ...)"}, PowerShell's {@code iex (... DownloadString(...))}, {@code deno run
 * -A https://...}, or a download made executable. Downloads from raw GitHub URLs pinned to a commit
 * are accepted.
 */
final class PipeToShell extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-FETCH-001",
          "pipe-to-shell",
          Severity.MEDIUM,
          "Script downloaded and executed without verification",
          "Whoever controls the server, the DNS or the network path (or the project's account)"
              + " runs code in the pipeline with its secrets; nothing checks that the script is"
              + " the one that was reviewed.",
          List.of(
              "Download to a file, verify its checksum or signature against a pinned value, then"
                  + " run it.",
              "Prefer a pinned release (a versioned package, an action pinned by SHA, a raw URL"
                  + " that names a commit)."),
          List.of(
              "https://www.idontplaydarts.com/2016/04/detecting-curl-pipe-bash-server-side/",
              "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions"));

  private static final Pattern UNVERIFIED =
      Pattern.compile(
          "((bash|sh|zsh|source) <\\((curl|wget) [^)\\n]+?\\)"
              + "|(curl|wget|iwr)[^\\n]{0,256}(\\|(|.*?[^a-z])((ba|z)?sh|python[0-9.]*|php|node|iex|perl|ruby)\\b|chmod ([aug]?\\+x|[75]))"
              + "|\\b(ba|z)?sh\\s+-c\\s+\"?\\$\\((curl|wget) [^)\\n]+\\)"
              + "|iex[^\\n]{0,512}\\.DownloadString\\([^)]+?\\)"
              + "|deno (run|install) (-A|--allow-all)[^\\n]{0,128}https://[^\\s]{0,128})");
  private static final Pattern PINNED =
      Pattern.compile(
          "(https://raw\\.githubusercontent\\.com/[^/]+/[^/]+/[a-f0-9]{40}/"
              + "|https://github\\.com/[^/]+/[^/]+/raw/[a-f0-9]{40}/)");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return true;
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    for (Job job : p.jobs()) {
      for (Step step : job.steps()) {
        YamlScalar run = step.run();
        if (run == null || step.disabled()) {
          continue;
        }
        String script = run.value();
        if (!script.contains("curl")
            && !script.contains("wget")
            && !script.contains("iwr")
            && !script.contains("DownloadString")
            && !script.contains("deno")) {
          continue;
        }
        int lineStart = 0;
        boolean reported = false;
        while (lineStart <= script.length() && !reported) {
          int lineEnd = script.indexOf('\n', lineStart);
          if (lineEnd < 0) {
            lineEnd = script.length();
          }
          String line = script.substring(lineStart, lineEnd);
          int offset = lineStart;
          lineStart = lineEnd + 1;
          if (!line.contains("curl")
              && !line.contains("wget")
              && !line.contains("iwr")
              && !line.contains("DownloadString")
              && !line.contains("deno")) {
            continue;
          }
          Matcher m = UNVERIFIED.matcher(line);
          if (!m.find() || PINNED.matcher(m.group()).find()) {
            continue;
          }
          reported = true;
          YamlNode at = p.kind() == PipelineKind.GITLAB_CI ? run : Steps.runKey(step);
          report
              .fail(
                  at,
                  step.node(),
                  (p.kind() == PipelineKind.GITLAB_CI
                          ? "The " + step.section() + " of job '" + job.id() + "'"
                          : "Step " + step.label() + " in job " + job.label())
                      + " downloads and runs code without checking it (line "
                      + run.positionOfOffset(offset + m.start()).line()
                      + ": `"
                      + ScriptInjection.EvalSinks.abbreviate(m.group())
                      + "`).")
              .with("command", m.group().strip())
              .anchor(job.id() + "/" + step.index() + "/" + m.group());
        }
      }
    }
  }
}
