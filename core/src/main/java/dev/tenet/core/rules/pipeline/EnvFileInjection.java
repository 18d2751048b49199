package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.shell.ShellScript;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A privileged workflow (pull_request_target, workflow_run) or an action writes computed text to
 * {@code $GITHUB_ENV} or {@code $GITHUB_PATH}: whoever controls that text sets variables such as
 * {@code LD_PRELOAD} or {@code BASH_ENV}, or puts their own programs first on the path, for every
 * later step. Writes of fixed text ({@code echo FOO=bar}) are fine.
 */
final class EnvFileInjection extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-INJECT-002",
          "script-injection",
          Severity.HIGH,
          "Computed value written to GITHUB_ENV or GITHUB_PATH in a privileged context",
          "Variables written to $GITHUB_ENV apply to every later step, so a value an attacker"
              + " can shape (LD_PRELOAD, BASH_ENV, NODE_OPTIONS, or a new line that starts another"
              + " variable) becomes code execution with the workflow's secrets; $GITHUB_PATH"
              + " decides which programs later steps run.",
          List.of(
              "Do not write values derived from the event (titles, branch names, artifacts) to"
                  + " $GITHUB_ENV or $GITHUB_PATH in pull_request_target or workflow_run workflows.",
              "Pass such values to the step that needs them through step outputs or `env:`"
                  + " instead, and validate them (no newlines, expected characters only)."),
          List.of(
              "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections",
              "https://www.legitsecurity.com/blog/github-privilege-escalation-vulnerability"));

  private static final Pattern TARGET =
      Pattern.compile(
          "(?i)^\"?(\\$\\{?(GITHUB_ENV|GITHUB_PATH)\\}?|\\$env:(GITHUB_ENV|GITHUB_PATH))\"?$");
  private static final Pattern CMD_WRITE =
      Pattern.compile("(?mi)^.+\\s*>>?\\s*\"?%(GITHUB_ENV|GITHUB_PATH)%\"?.*$");
  private static final Set<String> PWSH_WRITERS =
      Set.of("out-file", "add-content", "set-content", "tee-object");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("github-env");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.isCompositeAction()
        || (p.kind() == PipelineKind.GITHUB_WORKFLOW
            && (p.triggeredBy("pull_request_target") || p.triggeredBy("workflow_run")));
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    for (Job job : p.jobs()) {
      for (Step step : job.steps()) {
        if (step.run() == null || step.disabled()) {
          continue;
        }
        for (Write w : writes(step.run(), step.shell())) {
          report
              .fail(
                  Steps.runKey(step),
                  step.node(),
                  "Step "
                      + step.label()
                      + " writes computed text to $"
                      + w.destination
                      + " (line "
                      + w.line
                      + ": `"
                      + ScriptInjection.EvalSinks.abbreviate(w.command)
                      + "`)"
                      + (p.isCompositeAction()
                          ? ", and callers of this action may run it in privileged workflows"
                          : " in a " + String.join("/", privileged(p)) + " workflow")
                      + ": whoever shapes that text controls the environment or PATH of every later"
                      + " step.")
              .with("destination", w.destination)
              .with("command", w.command)
              .with("line", w.line);
        }
      }
    }
  }

  private static List<String> privileged(Pipeline p) {
    List<String> out = new ArrayList<>();
    for (String e : List.of("pull_request_target", "workflow_run")) {
      if (p.triggeredBy(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** A write to an environment file. */
  record Write(String destination, String command, int line) {}

  static List<Write> writes(YamlScalar run, String shell) {
    List<Write> out = new ArrayList<>();
    String script = run.value();
    if (!script.toUpperCase(Locale.ROOT).contains("GITHUB_ENV")
        && !script.toUpperCase(Locale.ROOT).contains("GITHUB_PATH")) {
      return out;
    }
    String kind = Shells.normalize(shell);
    if (kind.equals("cmd")) {
      Matcher m = CMD_WRITE.matcher(script);
      while (m.find()) {
        out.add(
            new Write(
                m.group(1).toUpperCase(Locale.ROOT),
                m.group().strip(),
                run.positionOfOffset(m.start()).line()));
      }
      return out;
    }
    boolean pwsh = Shells.powershell(shell);
    if (!pwsh && !Shells.posix(shell)) {
      return out;
    }
    for (ShellScript.Command c : ShellScript.parse(script)) {
      String dest = null;
      for (ShellScript.Redirect r : c.redirects()) {
        Matcher m = TARGET.matcher(r.target().raw());
        if (r.op().contains(">") && m.matches()) {
          dest = m.group(2) != null ? m.group(2) : m.group(3);
        }
      }
      boolean writer = pwsh ? PWSH_WRITERS.contains(c.program()) : c.program().equals("tee");
      if (dest == null && writer) {
        for (ShellScript.Word w : c.words()) {
          Matcher m = TARGET.matcher(w.raw());
          if (m.matches()) {
            dest = m.group(2) != null ? m.group(2) : m.group(3);
          }
        }
      }
      if (dest == null) {
        continue;
      }
      if (!pwsh && dest != null && c.redirects().size() > 0 && fixedEcho(c)) {
        continue;
      }
      out.add(
          new Write(
              dest.toUpperCase(Locale.ROOT), c.text(), run.positionOfOffset(c.offset()).line()));
    }
    return out;
  }

  /** {@code echo} of literal words only: the text written cannot change. */
  private static boolean fixedEcho(ShellScript.Command c) {
    if (!c.program().equals("echo") || !c.heredoc().isEmpty()) {
      return false;
    }
    for (int k = 1; k < c.words().size(); k++) {
      if (!c.words().get(k).literal()) {
        return false;
      }
    }
    return true;
  }
}
