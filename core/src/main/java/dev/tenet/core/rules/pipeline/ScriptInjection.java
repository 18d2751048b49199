package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.expr.Control;
import dev.tenet.core.pipeline.expr.ExprOccurrence;
import dev.tenet.core.pipeline.expr.Taint;
import dev.tenet.core.pipeline.expr.TaintAnalyzer;
import dev.tenet.core.pipeline.shell.ShellScript;
import dev.tenet.core.pipeline.yaml.Pos;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value someone else controls becomes code: a {@code ${{ }}} expression expanded into a {@code
 * run:} script or into an action input that is evaluated as code, a GitLab {@code $[[ inputs.x |
 * expand_vars ]]} in a script, or an outsider-controlled variable passed to {@code eval}, {@code sh
 * -c} and the like. Graded by who controls the value: an outsider (critical when the workflow holds
 * the base repository's secrets, high otherwise), a collaborator (medium), or unknown (low, e.g. an
 * action's output or a reusable workflow's input).
 */
final class ScriptInjection extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-INJECT-001",
          "script-injection",
          Severity.HIGH,
          "Untrusted value expanded into a pipeline script",
          "GitHub replaces ${{ }} expressions in the script text before the shell runs it, so a"
              + " pull request title, issue body, branch name or commit message that contains"
              + " shell syntax runs as commands with the job's token and secrets.",
          List.of(
              "Pass the value through an environment variable instead: set `env: TITLE: ${{"
                  + " github.event.issue.title }}` on the step and use \"$TITLE\" (quoted) in the"
                  + " script.",
              "For actions/github-script, read the value from process.env or context.payload"
                  + " instead of interpolating it into the script.",
              "Never pass untrusted text to eval, sh -c or an interpreter's -c/-e option."),
          List.of(
              "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections",
              "https://securitylab.github.com/resources/github-actions-untrusted-input/"));

  /**
   * Action inputs that are run as code (from GitHub's CodeQL models and zizmor's additions, plus
   * well-known remote-execution actions).
   */
  static final Map<String, Set<String>> CODE_INPUTS =
      Map.ofEntries(
          Map.entry("actions/github-script", Set.of("script")),
          Map.entry("amadevus/pwsh-script", Set.of("script")),
          Map.entry("jannekem/run-python-script-action", Set.of("script")),
          Map.entry("cardinalby/js-eval-action", Set.of("expression")),
          Map.entry("azure/cli", Set.of("inlinescript")),
          Map.entry("azure/powershell", Set.of("inlinescript")),
          Map.entry("mikefarah/yq", Set.of("cmd")),
          Map.entry("tibdex/backport", Set.of("title_template", "body_template")),
          Map.entry("addnab/docker-run-action", Set.of("run")),
          Map.entry("appleboy/ssh-action", Set.of("script")),
          Map.entry("garygrossgarten/github-action-ssh", Set.of("command")),
          Map.entry("cloudflare/wrangler-action", Set.of("command", "precommands", "postcommands")),
          Map.entry("devcontainers/ci", Set.of("runcmd")),
          Map.entry("uses-actions/run-script", Set.of("script")));

  private static final Pattern GITLAB_EXPANDED_INPUT =
      Pattern.compile(
          "\\$\\[\\[\\s*[^\\]]*?(inputs\\.[A-Za-z0-9_-]+)[^\\]]*?expand_vars[^\\]]*?\\]\\]");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("template-injection");
  }

  @Override
  boolean appliesTo(Pipeline pipeline) {
    return true;
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    if (p.kind() == PipelineKind.GITLAB_CI) {
      checkGitLab(p, report);
      return;
    }
    for (Job job : p.jobs()) {
      for (Step step : job.steps()) {
        if (step.disabled()) {
          continue;
        }
        TaintAnalyzer taint = new TaintAnalyzer(p, job, step);
        if (step.run() != null) {
          checkSink(p, job, step, step.run(), "the script", report, taint);
          EvalSinks.check(
              p,
              job,
              step,
              step.run(),
              step.shell(),
              report,
              this::shellTaint,
              taint,
              () -> outsiderVariables(p, job, step, taint));
        } else if (step.uses() != null) {
          Set<String> inputs = codeInputs(step);
          for (Map.Entry<String, YamlNode> in : step.with().entrySet()) {
            if (inputs.contains(in.getKey().toLowerCase(java.util.Locale.ROOT))
                && in.getValue() instanceof YamlScalar s) {
              checkSink(
                  p,
                  job,
                  step,
                  s,
                  "the `" + in.getKey() + "` input of " + step.uses().slug() + " (run as code)",
                  report,
                  taint);
            }
          }
        }
      }
    }
  }

  static Set<String> codeInputs(Step step) {
    if (step.uses() == null) {
      return Set.of();
    }
    String slug =
        step.uses().repository()
            + (step.uses().path().isEmpty()
                ? ""
                : "/" + step.uses().path().toLowerCase(java.util.Locale.ROOT));
    Set<String> s = CODE_INPUTS.get(slug);
    return s == null ? Set.of() : s;
  }

  private void checkSink(
      Pipeline p,
      Job job,
      Step step,
      YamlScalar sink,
      String where,
      Report report,
      TaintAnalyzer taint) {
    for (ExprOccurrence o : p.expressions(sink)) {
      if (o.parsed() == null) {
        continue;
      }
      Taint t = taint.of(o);
      if (t.control() == Control.NONE) {
        continue;
      }
      Pos pos = sink.positionOf("${{", o.ordinal());
      String message =
          "`"
              + o.raw()
              + "` is expanded into "
              + where
              + " of step "
              + step.label()
              + (job.id().equals("composite") ? "" : " in job " + job.label())
              + ": "
              + explain(t, p)
              + ".";
      report
          .fail(sink.source(), pos, step.node(), message)
          .severity(severity(t, p))
          .with("expression", o.raw())
          .with("source", t.origin())
          .with("via", t.via().isEmpty() ? null : t.via())
          .with("controlledBy", t.who())
          .with("events", p.events().isEmpty() ? null : p.events());
    }
  }

  static String explain(Taint t, Pipeline p) {
    return switch (t.control()) {
      case OUTSIDER ->
          t.describeOrigin()
              + " is chosen by "
              + t.who()
              + (Triggers.privileged(p)
                  ? ", and this "
                      + Triggers.privilegedEvent(p)
                      + " workflow runs with the repository's token and secrets"
                  : "")
              + ", so it can run commands";
      case COLLABORATOR ->
          t.describeOrigin() + " is chosen by " + t.who() + ", so it can run commands";
      default ->
          "Tenet cannot tell who controls "
              + t.describeOrigin()
              + " ("
              + t.who()
              + "), and whatever it holds runs as code";
    };
  }

  static Severity severity(Taint t, Pipeline p) {
    return switch (t.control()) {
      case OUTSIDER -> Triggers.privileged(p) ? Severity.CRITICAL : Severity.HIGH;
      case COLLABORATOR -> Severity.MEDIUM;
      default -> Severity.LOW;
    };
  }

  /** Variables an outsider controls in a step: env entries built from outsider input. */
  private static Set<String> outsiderVariables(
      Pipeline p, Job job, Step step, TaintAnalyzer taint) {
    Set<String> out = new java.util.HashSet<>();
    out.add("GITHUB_HEAD_REF");
    for (dev.tenet.core.pipeline.Env env : List.of(step.env(), job.env(), p.env())) {
      for (dev.tenet.core.pipeline.Env.Var v : env.vars().values()) {
        if (v.value() != null
            && !p.expressions(v.value()).isEmpty()
            && taint.ofScalar(v.value()).control() == Control.OUTSIDER) {
          out.add(v.name());
        }
      }
    }
    return out;
  }

  private static Set<String> gitlabOutsider(Job job) {
    Set<String> out = new java.util.HashSet<>(GitLabVariables.OUTSIDER.keySet());
    for (dev.tenet.core.pipeline.Env.Var v : job.env().vars().values()) {
      if (GitLabVariables.taint(v.name(), job).control() == Control.OUTSIDER) {
        out.add(v.name());
      }
    }
    return out;
  }

  /** Who controls a shell variable used in a GitHub script. */
  private Taint shellTaint(Pipeline p, Job job, Step step, String name, TaintAnalyzer taint) {
    return taint.shellVariable(name, step, taint);
  }

  private void checkGitLab(Pipeline p, Report report) {
    for (Job job : p.jobs()) {
      for (Step step : job.steps()) {
        YamlScalar line = step.run();
        Matcher m = GITLAB_EXPANDED_INPUT.matcher(line.value());
        while (m.find()) {
          Pos pos = line.positionOf(m.group(), 0);
          report
              .fail(
                  line.source(),
                  pos,
                  line,
                  "`"
                      + m.group()
                      + "` in the "
                      + step.section()
                      + " of job '"
                      + job.id()
                      + "' pastes the input, with any CI/CD variables in it expanded, into the"
                      + " script text before the shell reads it, so variable values such as a merge"
                      + " request title run as commands.")
              .with("input", m.group(1));
        }
        EvalSinks.check(
            p,
            job,
            step,
            line,
            "bash",
            report,
            (pp, j, s, name, t) -> GitLabVariables.taint(name, j),
            null,
            () -> gitlabOutsider(job));
      }
    }
  }

  /** Resolves who controls a variable named in a script. */
  @FunctionalInterface
  interface VariableTaint {
    Taint of(Pipeline p, Job job, Step step, String name, TaintAnalyzer taint);
  }

  /** Commands that run their argument as code, with a tainted variable inside it. */
  static final class EvalSinks {
    private EvalSinks() {}

    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh");
    private static final Map<String, Set<String>> INTERPRETERS =
        Map.of(
            "python", Set.of("-c"),
            "python3", Set.of("-c"),
            "node", Set.of("-e", "--eval", "-p", "--print"),
            "ruby", Set.of("-e"),
            "perl", Set.of("-e", "-E"),
            "php", Set.of("-r"),
            "pwsh", Set.of("-c", "-command"),
            "powershell", Set.of("-c", "-command"));
    private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

    static void check(
        Pipeline p,
        Job job,
        Step step,
        YamlScalar script,
        String shell,
        Report report,
        VariableTaint variables,
        TaintAnalyzer taint,
        java.util.function.Supplier<Set<String>> candidates) {
      String text = script.value();
      if (!Shells.posix(shell)
          || !text.contains("$")
          || !mayEvaluate(text)
          || candidates.get().stream().noneMatch(text::contains)) {
        return;
      }
      for (ShellScript.Command c : ShellScript.parse(script.value())) {
        String code = codeArgument(c);
        if (code == null) {
          continue;
        }
        Matcher m = VAR.matcher(code);
        while (m.find()) {
          Taint t = variables.of(p, job, step, m.group(1), taint);
          if (t.control() != Control.OUTSIDER) {
            continue;
          }
          Pos pos = script.positionOfOffset(c.offset());
          report
              .fail(
                  script.source(),
                  pos,
                  step.node(),
                  "`"
                      + abbreviate(c.text())
                      + "` in "
                      + (p.kind() == PipelineKind.GITLAB_CI
                          ? "the " + step.section() + " of job '" + job.id() + "'"
                          : "step " + step.label())
                      + " runs $"
                      + m.group(1)
                      + " as code: "
                      + t.describeOrigin()
                      + " is chosen by "
                      + t.who()
                      + ".")
              .severity(severity(t, p))
              .with("command", c.text())
              .with("variable", m.group(1))
              .with("source", t.origin());
          break;
        }
      }
    }

    /** Cheap test before parsing: the script names an evaluating command at all. */
    private static boolean mayEvaluate(String text) {
      return text.contains("eval")
          || text.contains("-c")
          || text.contains("-e")
          || text.contains("-r")
          || text.contains("source")
          || text.contains(". ")
          || text.contains("-C");
    }

    /** The text a command evaluates as code, or null. */
    private static String codeArgument(ShellScript.Command c) {
      String prog = c.program();
      List<String> args = c.args();
      if (prog.equals("eval") || prog.equals("source") || prog.equals(".")) {
        return String.join(" ", args);
      }
      Set<String> flags = SHELLS.contains(prog) ? Set.of("-c") : INTERPRETERS.get(prog);
      if (flags == null) {
        return null;
      }
      for (int k = 0; k < args.size() - 1; k++) {
        String a = args.get(k).toLowerCase(java.util.Locale.ROOT);
        if (flags.contains(a)
            || (SHELLS.contains(prog)
                && a.startsWith("-")
                && !a.startsWith("--")
                && a.endsWith("c"))) {
          return args.get(k + 1);
        }
      }
      return null;
    }

    static String abbreviate(String s) {
      String one = s.replaceAll("\\s+", " ").strip();
      return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }
  }
}
