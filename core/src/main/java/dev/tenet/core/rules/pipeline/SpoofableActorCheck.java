package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.expr.Dataflow;
import dev.tenet.core.pipeline.expr.Expr;
import dev.tenet.core.pipeline.expr.ExprParser;
import dev.tenet.core.pipeline.expr.ExprSyntaxException;
import dev.tenet.core.pipeline.expr.Expressions;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Set;

/**
 * A privileged workflow trusts {@code github.actor == 'dependabot[bot]'} (or the actor's id): the
 * actor is whoever caused the latest event, not the author of the pull request, so anyone can make
 * the bot act on their pull request (e.g. with {@code @dependabot recreate}) and pass the check: a
 * confused deputy that auto-merges or runs with secrets.
 */
final class SpoofableActorCheck extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-ACTOR-001",
          "spoofable-actor-check",
          Severity.HIGH,
          "Privileged workflow trusts the event's actor name",
          "github.actor names whoever triggered the latest event; an attacker can get a bot to"
              + " trigger an event on their own pull request, so the bot check passes for"
              + " attacker-controlled code.",
          List.of(
              "Check who wrote the pull request, not who triggered the event:"
                  + " `github.event.pull_request.user.login == 'dependabot[bot]'`.",
              "For Dependabot, use dependabot/fetch-metadata and require approval before"
                  + " auto-merging."),
          List.of(
              "https://www.synacktiv.com/publications/github-actions-exploitation-dependabot",
              "https://docs.github.com/en/code-security/dependabot/working-with-dependabot/automating-dependabot-with-github-actions"));

  private static final Set<String> NAME_CONTEXTS =
      Set.of(
          "github.actor",
          "github.triggering_actor",
          "github.event.pull_request.sender.login",
          "github.event.sender.login");
  private static final Set<String> ID_CONTEXTS =
      Set.of("github.actor_id", "github.event.pull_request.sender.id", "github.event.sender.id");

  /** Bot account and integration ids (no "[bot]" suffix to recognise them by). */
  private static final Set<String> BOT_IDS = Set.of("29110", "49699333", "27856297", "29139614");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("bot-conditions");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.kind() == PipelineKind.GITHUB_WORKFLOW
        && (p.triggeredBy("pull_request_target") || p.triggeredBy("workflow_run"));
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    for (Job job : p.jobs()) {
      judge(job.condition(), job.node(), "job " + job.label(), p, report);
      for (Step step : job.steps()) {
        judge(step.condition(), step.node(), "step " + step.label(), p, report);
      }
    }
  }

  private void judge(YamlScalar cond, YamlNode scope, String where, Pipeline p, Report report) {
    if (cond == null) {
      return;
    }
    String text = cond.value().strip();
    String bare = Expressions.isWholly(text) ? Expressions.in(text).get(0).body() : text;
    Expr e;
    try {
      e = ExprParser.parse(bare);
    } catch (ExprSyntaxException ex) {
      return;
    }
    String check = botCheck(e);
    if (check == null) {
      return;
    }
    report
        .fail(
            cond,
            scope,
            "The condition of "
                + where
                + " trusts `"
                + check
                + "` in a "
                + (p.triggeredBy("pull_request_target") ? "pull_request_target" : "workflow_run")
                + " workflow: the actor is whoever triggered the latest event, which anyone can make"
                + " the bot be.")
        .with("condition", text);
  }

  /** The spoofable comparison inside an expression, or null. */
  private static String botCheck(Expr e) {
    switch (e) {
      case Expr.Binary b -> {
        if (b.op().equals("==")) {
          String r = comparison(b.left(), b.right());
          return r != null ? r : comparison(b.right(), b.left());
        }
        if (b.op().equals("!=")) {
          return null;
        }
        String r = botCheck(b.left());
        return r != null ? r : botCheck(b.right());
      }
      case Expr.Call c -> {
        if (c.function().equals("contains") && c.args().size() == 2) {
          String ctx = context(c.args().get(1));
          String haystack = literalText(c.args().get(0));
          if (ctx != null
              && NAME_CONTEXTS.contains(ctx)
              && haystack != null
              && haystack.contains("[bot]")) {
            return "contains(…[bot]…, " + ctx + ")";
          }
        }
        for (Expr a : c.args()) {
          String r = botCheck(a);
          if (r != null) {
            return r;
          }
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private static String comparison(Expr ctxSide, Expr literalSide) {
    String ctx = context(ctxSide);
    if (ctx == null || !(literalSide instanceof Expr.Literal lit)) {
      return null;
    }
    String value =
        lit.value() instanceof Double d && d == Math.rint(d)
            ? String.valueOf(d.longValue())
            : String.valueOf(lit.value());
    if (NAME_CONTEXTS.contains(ctx) && value.toLowerCase(java.util.Locale.ROOT).endsWith("[bot]")) {
      return ctx + " == '" + value + "'";
    }
    if (ID_CONTEXTS.contains(ctx) && BOT_IDS.contains(value)) {
      return ctx + " == " + value;
    }
    return null;
  }

  private static String context(Expr e) {
    List<String> p = Dataflow.contextPath(e);
    return p == null ? null : String.join(".", p);
  }

  private static String literalText(Expr e) {
    if (e instanceof Expr.Literal l && l.value() instanceof String s) {
      return s;
    }
    if (e instanceof Expr.Call c && c.function().equals("fromjson") && c.args().size() == 1) {
      return literalText(c.args().get(0));
    }
    return null;
  }
}
