package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.expr.ContextRef;
import dev.tenet.core.pipeline.expr.ExprOccurrence;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Poisoned pipeline execution: a workflow that runs with the base repository's token and secrets
 * (pull_request_target, issue_comment, issues, a workflow_run after a pull request, or a reusable
 * workflow told which ref to take) checks out the pull request's code and then runs it, through a
 * build tool, a package manager, a local script or a local action.
 */
final class UntrustedCheckoutExec extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-PPE-001",
          "untrusted-checkout-exec",
          Severity.CRITICAL,
          "Privileged workflow runs code from an untrusted pull request",
          "The pull request's author controls the checked-out files, so install scripts, build"
              + " files, test code and local actions run as the attacker's code while the job"
              + " holds a write token and the repository's secrets (a 'pwn request').",
          List.of(
              "Run the build in a `pull_request` workflow instead: it gets a read-only token and"
                  + " no secrets for forks.",
              "If results must be published with privileges, split the work: build in"
                  + " `pull_request`, then consume only the artifacts (as data, never executed) in"
                  + " a `workflow_run` workflow.",
              "If the privileged workflow must look at the pull request, check out the base"
                  + " only, or check the head out into a separate directory and never execute"
                  + " anything from it."),
          List.of(
              "https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/",
              "https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#pull_request_target"));

  /** Events whose workflows run privileged while the code to build comes from outside. */
  private static final Set<String> EVENTS =
      Set.of("pull_request_target", "issue_comment", "issues", "workflow_call");

  /** Events whose workflows, when they trigger a workflow_run, bring outside code. */
  private static final Set<String> OUTSIDE_EVENTS =
      Set.of(
          "pull_request",
          "pull_request_target",
          "pull_request_review",
          "pull_request_review_comment",
          "issues",
          "issue_comment");

  /** Refs that name the base repository's own code. */
  private static final Set<String> BASE_REFS =
      Set.of(
          "github.sha",
          "github.ref",
          "github.ref_name",
          "github.base_ref",
          "github.event.pull_request.base.sha",
          "github.event.pull_request.base.ref",
          "github.event.repository.default_branch",
          "github.event.release.tag_name",
          "github.event.after",
          "github.event.before");

  private static final Pattern RUN_CHECKOUT =
      Pattern.compile(
          "(?i)(\\bgh\\s+pr\\s+checkout\\b|\\bhub\\s+pr\\s+checkout\\b"
              + "|\\bgit\\s+(fetch|pull)\\b[^\\n]*\\b(pull/|refs/pull/)"
              + "|\\bgit\\s+checkout\\b[^\\n]*(head_ref|head\\.ref|head\\.sha|FETCH_HEAD|pull/))");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.kind() == PipelineKind.GITHUB_WORKFLOW;
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    String event = privilegedEvent(p, context);
    if (event == null) {
      return;
    }
    for (Job job : p.jobs()) {
      Step checkout = null;
      String checkoutWhat = "";
      for (Step step : job.steps()) {
        if (step.disabled()) {
          continue;
        }
        Optional<String> what = untrustedCheckout(p, step);
        if (what.isPresent()) {
          checkout = step;
          checkoutWhat = what.get();
          continue;
        }
        if (step.usesAction("actions/checkout") && step.input("path").isEmpty()) {
          // The base repository checked out again over the working tree.
          checkout = null;
          continue;
        }
        if (checkout == null) {
          continue;
        }
        List<String> commands = Execution.commands(step);
        boolean action = Execution.runsWorkingTree(step.uses());
        if (commands.isEmpty() && !action) {
          continue;
        }
        String runs =
            action
                ? (step.uses().kind() == dev.tenet.core.pipeline.Uses.Kind.LOCAL
                    ? "runs the local action " + step.uses().raw() + " from the checkout"
                    : "runs " + step.uses().slug() + ", which builds or lints the checkout")
                : "runs `"
                    + ScriptInjection.EvalSinks.abbreviate(String.join("; ", commands))
                    + "`";
        report
            .fail(
                action ? Steps.usesValue(step) : Steps.runKey(step),
                step.node(),
                "Step "
                    + step.label()
                    + " in job "
                    + job.label()
                    + " "
                    + runs
                    + " after step "
                    + checkout.label()
                    + " checked out "
                    + checkoutWhat
                    + " (line "
                    + checkout.node().start().line()
                    + "), in a workflow triggered by "
                    + event
                    + " that holds the base repository's secrets and token.")
            .severity(event.equals("workflow_call") ? Severity.HIGH : Severity.CRITICAL)
            .with("event", event)
            .with("checkoutLine", checkout.node().start().line())
            .with("commands", commands.isEmpty() ? null : commands)
            .with("action", action ? step.uses().raw() : null);
      }
    }
  }

  /** The event that makes this workflow privileged and outsider-reachable, or null. */
  private static String privilegedEvent(Pipeline p, RuleContext context) {
    for (String e : p.events()) {
      if (EVENTS.contains(e)) {
        return e;
      }
    }
    if (!p.triggeredBy("workflow_run")) {
      return null;
    }
    List<String> names =
        p.trigger("workflow_run").map(t -> t.filter("workflows")).orElse(List.of());
    List<Pipeline> parents = new ArrayList<>();
    for (Pipeline other : context.pipelines().all()) {
      if (other != p
          && other.resource().equals(p.resource())
          && other.kind() == PipelineKind.GITHUB_WORKFLOW
          && matchesAny(names, other)) {
        parents.add(other);
      }
    }
    if (parents.isEmpty()) {
      // The triggering workflow is not among the files read: assume a pull request workflow,
      // the usual reason for workflow_run.
      return "workflow_run";
    }
    for (Pipeline parent : parents) {
      if (parent.events().stream().anyMatch(OUTSIDE_EVENTS::contains)) {
        return "workflow_run";
      }
    }
    return null;
  }

  private static boolean matchesAny(List<String> patterns, Pipeline candidate) {
    String path = candidate.source().path();
    String file = path.substring(path.lastIndexOf('/') + 1);
    for (String pattern : patterns) {
      Pattern glob = glob(pattern.strip());
      if (glob.matcher(candidate.name()).matches()
          || glob.matcher(file).matches()
          || glob.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern glob(String g) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '[', ']' -> re.append(c);
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    try {
      return Pattern.compile(re.toString());
    } catch (java.util.regex.PatternSyntaxException e) {
      return Pattern.compile(Pattern.quote(g));
    }
  }

  /** How a step checks out the pull request's code, or empty when it does not. */
  static Optional<String> untrustedCheckout(Pipeline p, Step step) {
    if (step.usesAction("actions/checkout")) {
      for (String input : List.of("ref", "repository")) {
        Optional<YamlScalar> v = step.input(input);
        if (v.isEmpty()) {
          continue;
        }
        for (ExprOccurrence o : p.expressions(v.get())) {
          if (o.parsed() == null || !baseOnly(o)) {
            return Optional.of("`" + input + ": " + v.get().value().strip() + "`");
          }
        }
      }
      return Optional.empty();
    }
    if (step.run() != null
        && (step.run().value().contains("checkout") || step.run().value().contains("pull/"))
        && RUN_CHECKOUT.matcher(step.run().value()).find()) {
      var m = RUN_CHECKOUT.matcher(step.run().value());
      m.find();
      return Optional.of("the pull request with `" + m.group().strip() + "`");
    }
    return Optional.empty();
  }

  private static boolean baseOnly(ExprOccurrence o) {
    List<ContextRef> reads = o.sources();
    if (reads.isEmpty()) {
      return true;
    }
    for (ContextRef r : reads) {
      if (!BASE_REFS.contains(r.dotted().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
