package dev.tenet.core.pipeline.expr;

import dev.tenet.core.pipeline.Env;
import dev.tenet.core.pipeline.InputDef;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.shell.ShellScript;
import dev.tenet.core.pipeline.yaml.YamlMap;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides who controls the value of a GitHub Actions expression at a place in a workflow: follows
 * {@code env.*} to where it is set, {@code inputs.*} to their declaration and type, {@code
 * matrix.*} to its values, {@code steps.*.outputs.*} to what the step writes to {@code
 * $GITHUB_OUTPUT}, and {@code needs.*.outputs.*} to the other job's outputs.
 */
public final class TaintAnalyzer {
  private static final int MAX_DEPTH = 8;

  /** Default runner variables whose values come from outside the workflow. */
  private static final Map<String, Taint> RUNNER_VARIABLES =
      Map.of(
          "GITHUB_HEAD_REF",
          new Taint(
              Control.OUTSIDER, "GITHUB_HEAD_REF", "the author of the pull request", List.of()),
          "GITHUB_REF",
          new Taint(
              Control.COLLABORATOR, "GITHUB_REF", "whoever can push the branch or tag", List.of()),
          "GITHUB_REF_NAME",
          new Taint(
              Control.COLLABORATOR,
              "GITHUB_REF_NAME",
              "whoever can push the branch or tag",
              List.of()),
          "GITHUB_BASE_REF",
          new Taint(
              Control.COLLABORATOR,
              "GITHUB_BASE_REF",
              "whoever can push the branch or tag",
              List.of()));

  private static final Pattern OUTPUT_TARGET =
      Pattern.compile(
          "(?i)^\"?(\\$\\{?GITHUB_OUTPUT\\}?|\\$env:GITHUB_OUTPUT|%GITHUB_OUTPUT%)\"?$");
  private static final Pattern SET_OUTPUT =
      Pattern.compile("::set-output\\s+name=([A-Za-z0-9_-]+)::(.*)");
  private static final Pattern SHELL_VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

  private final Pipeline pipeline;
  private final Job job;
  private final Step step;
  private final int depth;

  public TaintAnalyzer(Pipeline pipeline, Job job, Step step) {
    this(pipeline, job, step, 0);
  }

  private TaintAnalyzer(Pipeline pipeline, Job job, Step step, int depth) {
    this.pipeline = pipeline;
    this.job = job;
    this.step = step;
    this.depth = depth;
  }

  /** The most dangerous of the contexts that flow into an expression. */
  public Taint of(ExprOccurrence occurrence) {
    Taint worst = Taint.NONE;
    for (ContextRef ref : occurrence.sources()) {
      worst = worst.max(of(ref));
    }
    return worst;
  }

  /** The most dangerous of the expressions in a scalar. */
  public Taint ofScalar(YamlScalar s) {
    Taint worst = Taint.NONE;
    for (ExprOccurrence o : pipeline.expressions(s)) {
      worst = worst.max(of(o));
    }
    return worst;
  }

  public Taint of(ContextRef ref) {
    if (depth > MAX_DEPTH) {
      return Taint.unknown(ref.dotted(), "a value Tenet stopped following (too many hops)");
    }
    Taint t =
        switch (ref.root()) {
          case "github" -> {
            if (ref.startsWith("github", "event", "inputs") && ref.path().size() > 3) {
              yield input(ref.segment(3), ref);
            }
            yield GitHubContexts.classify(ref);
          }
          case "env" -> env(ref);
          case "inputs" -> ref.path().size() > 1 ? input(ref.segment(1), ref) : unknown(ref);
          case "steps" -> stepOutput(ref);
          case "needs" -> jobOutput(ref);
          case "matrix" -> matrix(ref);
          case "secrets", "vars", "runner", "job", "strategy" -> Taint.NONE;
          default -> unknown(ref);
        };
    return t;
  }

  private static Taint unknown(ContextRef ref) {
    return Taint.unknown(ref.dotted(), "a value whose origin Tenet cannot see");
  }

  private Taint env(ContextRef ref) {
    if (ref.path().size() < 2) {
      return unknown(ref);
    }
    String name = ref.segment(1);
    Optional<Env.Var> var = lookupEnv(name);
    if (var.isEmpty()) {
      boolean dynamic =
          (step != null && step.env().dynamic()) || job.env().dynamic() || pipeline.env().dynamic();
      return Taint.unknown(
          ref.dotted(),
          dynamic
              ? "an environment block computed at run time"
              : "a variable not set in this file (an earlier step may set it through $GITHUB_ENV)");
    }
    YamlScalar value = var.get().value();
    if (value == null) {
      return unknown(ref);
    }
    return deeper(job, step).ofScalar(value).through("env." + var.get().name());
  }

  /** Step, then job, then workflow environment; names compare case-insensitively. */
  private Optional<Env.Var> lookupEnv(String name) {
    for (Env env :
        step == null
            ? List.of(job.env(), pipeline.env())
            : List.of(step.env(), job.env(), pipeline.env())) {
      for (Env.Var v : env.vars().values()) {
        if (v.name().equalsIgnoreCase(name)) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }

  private Taint input(String name, ContextRef ref) {
    InputDef def = null;
    InputDef dispatch = null;
    for (InputDef d : pipeline.inputs().values()) {
      if (d.name().equalsIgnoreCase(name)) {
        def = d;
        if (d.source().equals("workflow_dispatch")) {
          dispatch = d;
        }
      }
    }
    if (def == null) {
      return Taint.unknown(ref.dotted(), "an input this file does not declare");
    }
    if (def.structured()) {
      return Taint.NONE;
    }
    boolean callable = pipeline.triggeredBy("workflow_call") || def.source().equals("action");
    if (callable) {
      return Taint.unknown(ref.dotted(), "whatever the caller passes");
    }
    if (dispatch != null || def.source().equals("workflow_dispatch")) {
      return new Taint(
          Control.COLLABORATOR, ref.dotted(), "whoever runs the workflow manually", List.of());
    }
    return Taint.unknown(ref.dotted(), "whatever the caller passes");
  }

  private Taint stepOutput(ContextRef ref) {
    if (ref.path().size() < 3) {
      return unknown(ref);
    }
    String stepId = ref.segment(1);
    String field = ref.segment(2);
    if (field.equals("outcome") || field.equals("conclusion")) {
      return Taint.NONE;
    }
    if (!field.equals("outputs") || ref.path().size() < 4) {
      return unknown(ref);
    }
    String output = ref.segment(3);
    Step producer = null;
    for (Step s : job.steps()) {
      if (s.id().equalsIgnoreCase(stepId)) {
        producer = s;
        break;
      }
    }
    if (producer == null) {
      return Taint.unknown(ref.dotted(), "the output of a step this job does not define");
    }
    if (producer.run() == null) {
      return Taint.unknown(
          ref.dotted(),
          "an output of "
              + (producer.uses() == null ? "a step" : producer.uses().raw())
              + ", which Tenet cannot see inside");
    }
    return writtenOutput(producer, output, ref);
  }

  /** What a run step writes as {@code name=value} to $GITHUB_OUTPUT. */
  private Taint writtenOutput(Step producer, String output, ContextRef ref) {
    String script = producer.run().value();
    TaintAnalyzer inner = deeper(job, producer);
    Taint worst = null;
    for (ShellScript.Command c : ShellScript.parse(script)) {
      boolean toOutput =
          c.redirects().stream()
                  .anyMatch(
                      r ->
                          r.op().contains(">") && OUTPUT_TARGET.matcher(r.target().raw()).matches())
              || (c.program().equals("tee")
                  && c.words().stream().anyMatch(w -> OUTPUT_TARGET.matcher(w.raw()).matches()));
      if (!toOutput) {
        continue;
      }
      String text = c.heredoc().isEmpty() ? String.join(" ", c.args()) : c.heredoc();
      Taint t = valueOf(text, output, producer, inner);
      if (t != null) {
        worst = worst == null ? t : worst.max(t);
      }
    }
    Matcher legacy = SET_OUTPUT.matcher(script);
    while (legacy.find()) {
      if (legacy.group(1).equalsIgnoreCase(output)) {
        Taint t = valueText(legacy.group(2), producer, inner);
        worst = worst == null ? t : worst.max(t);
      }
    }
    if (worst == null) {
      return Taint.unknown(
          ref.dotted(),
          "an output step " + producer.label() + " sets in a way Tenet cannot follow");
    }
    return worst.through(ref.dotted());
  }

  /** The taint of {@code output=value} inside written text, or null when it is not written. */
  private Taint valueOf(String text, String output, Step producer, TaintAnalyzer inner) {
    Taint worst = null;
    for (String line : text.split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      int heredoc = l.indexOf("<<");
      if (eq > 0 && (heredoc < 0 || eq < heredoc)) {
        String name = l.substring(0, eq).replaceAll("^[\"']", "").strip();
        if (name.equalsIgnoreCase(output)) {
          Taint t = valueText(l.substring(eq + 1), producer, inner);
          worst = worst == null ? t : worst.max(t);
        }
      } else if (heredoc > 0 && l.substring(0, heredoc).strip().equalsIgnoreCase(output)) {
        Taint t = valueText(text, producer, inner);
        worst = worst == null ? t : worst.max(t);
      }
    }
    return worst;
  }

  /** Who controls a piece of script text: its expressions, variables and substitutions. */
  private Taint valueText(String value, Step producer, TaintAnalyzer inner) {
    Taint worst = Taint.NONE;
    for (ExprOccurrence o : Expressions.in(value)) {
      worst = worst.max(inner.of(o));
    }
    String withoutExpressions = value.replaceAll("\\$\\{\\{.*?}}", "");
    Matcher m = SHELL_VAR.matcher(withoutExpressions);
    while (m.find()) {
      worst = worst.max(shellVariable(m.group(1), producer, inner));
    }
    if (withoutExpressions.contains("$(") || withoutExpressions.contains("`")) {
      worst = worst.max(Taint.unknown("a command's output", "whatever the command prints"));
    }
    return worst;
  }

  /** A shell variable in a step's script: its env entry, a runner variable, or unknown. */
  public Taint shellVariable(String name, Step where, TaintAnalyzer inner) {
    for (Env env : List.of(where.env(), job.env(), pipeline.env())) {
      Env.Var v = env.vars().get(name);
      if (v != null) {
        return v.value() == null
            ? Taint.unknown(name, "a variable set from a structured value")
            : inner.ofScalar(v.value()).through("$" + name);
      }
    }
    Taint runner = RUNNER_VARIABLES.get(name.toUpperCase(Locale.ROOT));
    if (runner != null) {
      return runner;
    }
    if (name.startsWith("GITHUB_") || name.startsWith("RUNNER_") || name.equals("CI")) {
      return Taint.NONE;
    }
    return Taint.unknown("$" + name, "a variable the script sets itself");
  }

  private Taint jobOutput(ContextRef ref) {
    if (ref.path().size() < 3) {
      return unknown(ref);
    }
    String field = ref.segment(2);
    if (field.equals("result")) {
      return Taint.NONE;
    }
    if (!field.equals("outputs") || ref.path().size() < 4) {
      return unknown(ref);
    }
    Optional<Job> other =
        pipeline.jobs().stream().filter(j -> j.id().equalsIgnoreCase(ref.segment(1))).findFirst();
    if (other.isEmpty()) {
      return Taint.unknown(ref.dotted(), "the output of a job this file does not define");
    }
    if (other.get().isReusableCall()) {
      return Taint.unknown(ref.dotted(), "an output of the reusable workflow it calls");
    }
    YamlNode out = null;
    for (Map.Entry<String, YamlNode> e : other.get().outputs().entrySet()) {
      if (e.getKey().equalsIgnoreCase(ref.segment(3))) {
        out = e.getValue();
      }
    }
    if (out instanceof YamlMap m) {
      out = m.get("value").orElse(null);
    }
    if (!(out instanceof YamlScalar s)) {
      return Taint.unknown(ref.dotted(), "an output job '" + ref.segment(1) + "' does not declare");
    }
    return deeper(other.get(), null).ofScalar(s).through(ref.dotted());
  }

  private Taint matrix(ContextRef ref) {
    if (ref.path().size() < 2) {
      return job.matrix().dynamic() ? unknown(ref) : Taint.NONE;
    }
    List<YamlNode> values = job.matrix().valuesOf(ref.segment(1));
    if (values.isEmpty()) {
      return job.matrix().dynamic()
          ? Taint.unknown(ref.dotted(), "a matrix computed at run time")
          : Taint.NONE;
    }
    Taint worst = Taint.NONE;
    TaintAnalyzer inner = deeper(job, step);
    for (YamlNode v : values) {
      YamlNode n = v;
      for (int k = 2; k < ref.path().size() && n != null; k++) {
        String key = ref.segment(k);
        n = n instanceof YamlMap m ? get(m, key) : null;
      }
      if (n instanceof YamlScalar s) {
        worst = worst.max(inner.ofScalar(s));
      } else if (n != null && !(n instanceof YamlMap)) {
        worst =
            worst.max(Taint.unknown(ref.dotted(), "a matrix value of a shape Tenet cannot read"));
      }
    }
    return worst.control() == Control.NONE ? worst : worst.through(ref.dotted());
  }

  private static YamlNode get(YamlMap m, String key) {
    for (YamlMap.Entry e : m.entries()) {
      if (e.key().value().equalsIgnoreCase(key)) {
        return e.value();
      }
    }
    return null;
  }

  private TaintAnalyzer deeper(Job j, Step s) {
    return new TaintAnalyzer(pipeline, j, s, depth + 1);
  }
}
