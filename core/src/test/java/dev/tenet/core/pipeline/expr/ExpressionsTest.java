package dev.tenet.core.pipeline.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionsTest {
  static List<String> sources(String expr) throws Exception {
    return Dataflow.sources(ExprParser.parse(expr)).stream().map(ContextRef::dotted).toList();
  }

  @Test
  void parsesTheGrammar() throws Exception {
    assertThat(ExprParser.parse("github.event.issue.title"))
        .isEqualTo(
            new Expr.Member(
                new Expr.Member(new Expr.Member(new Expr.Identifier("github"), "event"), "issue"),
                "title"));
    assertThat(ExprParser.parse("format('{0}''s', 0x10)"))
        .isEqualTo(
            new Expr.Call("format", List.of(new Expr.Literal("{0}'s"), new Expr.Literal(16.0))));
    assertThat(ExprParser.parse("!(a == 'b') && c[1] != null")).isInstanceOf(Expr.Binary.class);
    assertThat(ExprParser.parse("steps.my-step.outputs.x")).isNotNull();
  }

  @Test
  void rejectsBrokenAndTooDeepExpressions() {
    assertThatThrownBy(() -> ExprParser.parse("a ==")).isInstanceOf(ExprSyntaxException.class);
    assertThatThrownBy(() -> ExprParser.parse("'open")).isInstanceOf(ExprSyntaxException.class);
    assertThatThrownBy(() -> ExprParser.parse("(".repeat(500) + "a" + ")".repeat(500)))
        .isInstanceOf(ExprSyntaxException.class)
        .hasMessageContaining("too deeply");
  }

  @Test
  void onlyValuesThatReachTheResultFlow() throws Exception {
    assertThat(sources("github.event.issue.title")).containsExactly("github.event.issue.title");
    assertThat(sources("a.b || c.d")).containsExactly("a.b", "c.d");
    assertThat(sources("a.b == 'x'")).isEmpty();
    assertThat(sources("!a.b")).isEmpty();
    assertThat(sources("contains(github.event.issue.title, 'x')")).isEmpty();
    assertThat(sources("format('{0}', github.head_ref)")).containsExactly("github.head_ref");
    assertThat(sources("toJSON(github.event)")).containsExactly("github.event");
    assertThat(sources("github['head_ref']")).containsExactly("github.head_ref");
    assertThat(sources("(github.event.pull_request || github.event.issue).number"))
        .containsExactly("github.event.pull_request.number", "github.event.issue.number");
    List<ContextRef> viaJson =
        Dataflow.sources(ExprParser.parse("fromJSON(steps.a.outputs.b).items[0].id"));
    assertThat(viaJson)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.dotted()).isEqualTo("steps.a.outputs.b.items.*.id");
              assertThat(r.viaCall()).isTrue();
            });
  }

  @Test
  void findsExpressionsIncludingBracesInsideStrings() {
    List<ExprOccurrence> all =
        Expressions.in("a ${{ format('}}{0}', x.y) }} b ${{ z }} c ${{ oops");
    assertThat(all).hasSize(3);
    assertThat(all.get(0).raw()).isEqualTo("${{ format('}}{0}', x.y) }}");
    assertThat(all.get(0).sources()).extracting(ContextRef::dotted).containsExactly("x.y");
    assertThat(all.get(1).ordinal()).isEqualTo(1);
    assertThat(all.get(2).error()).isEqualTo("not closed");
    assertThat(Expressions.isWholly(" ${{ matrix.os }} ")).isTrue();
    assertThat(Expressions.isWholly("x-${{ matrix.os }}")).isFalse();
  }

  @Test
  void githubContextsAreClassifiedByWhoControlsThem() {
    assertThat(control("github.event.issue.title")).isEqualTo(Control.OUTSIDER);
    assertThat(control("github.event.pull_request.body")).isEqualTo(Control.OUTSIDER);
    assertThat(control("github.event.pull_request.head.ref")).isEqualTo(Control.OUTSIDER);
    assertThat(control("github.event.pull_request.head.label")).isEqualTo(Control.OUTSIDER);
    assertThat(control("github.event.comment.body")).isEqualTo(Control.OUTSIDER);
    assertThat(control("github.event.head_commit.message")).isEqualTo(Control.OUTSIDER);
    assertThat(control("github.event.commits.*.author.email")).isEqualTo(Control.OUTSIDER);
    assertThat(control("github.event.workflow_run.head_branch")).isEqualTo(Control.OUTSIDER);
    assertThat(control("github.head_ref")).isEqualTo(Control.OUTSIDER);
    assertThat(control("github.event")).isEqualTo(Control.OUTSIDER);
    assertThat(control("github.ref_name")).isEqualTo(Control.COLLABORATOR);
    assertThat(control("github.event.client_payload.x")).isEqualTo(Control.COLLABORATOR);
    assertThat(control("github.event.pull_request.base.ref")).isEqualTo(Control.COLLABORATOR);
    assertThat(control("github.event.issue.labels.*.name")).isEqualTo(Control.COLLABORATOR);
    for (String fixed :
        List.of(
            "github.sha",
            "github.actor",
            "github.triggering_actor",
            "github.server_url",
            "github.action_path",
            "github.job",
            "github.event.pull_request.number",
            "github.event.pull_request.head.sha",
            "github.event.pull_request.base.sha",
            "github.event.pull_request.head.repo.fork",
            "github.event.pull_request.user.login",
            "github.event.issue.created_at",
            "github.event.pull_request.html_url")) {
      assertThat(control(fixed)).as(fixed).isEqualTo(Control.NONE);
    }
    assertThat(control("github.mystery")).isEqualTo(Control.UNKNOWN);
  }

  static Control control(String dotted) {
    return GitHubContexts.classify(new ContextRef(List.of(dotted.split("\\.")), false)).control();
  }
}
