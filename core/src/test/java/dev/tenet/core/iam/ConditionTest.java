package dev.tenet.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IAM condition semantics, as documented in the IAM policy reference. */
class ConditionTest {
  private static final String SUB = "token.actions.githubusercontent.com:sub";

  private static RequestContext sub(String... values) {
    return new RequestContext().with(SUB, values);
  }

  @Test
  void stringEqualsIsLiteralWhileStringLikeHasWildcards() {
    Condition equals = Condition.of("StringEquals", SUB, List.of("repo:acme/*"));
    Condition like = Condition.of("StringLike", SUB, List.of("repo:acme/*"));
    RequestContext request = sub("repo:acme/app:ref:refs/heads/main");

    assertThat(equals.evaluate(request)).isEqualTo(Ternary.FALSE);
    assertThat(equals.evaluate(sub("repo:acme/*"))).isEqualTo(Ternary.TRUE);
    assertThat(like.evaluate(request)).isEqualTo(Ternary.TRUE);
    assertThat(like.isLike()).isTrue();
    assertThat(equals.isLike()).isFalse();
  }

  @Test
  void valuesAreAlternativesAndComparisonIsCaseSensitiveUnlessIgnoreCase() {
    Condition c =
        Condition.of(
            "StringEquals", SUB, List.of("repo:acme/a:pull_request", "repo:acme/b:pull_request"));
    assertThat(c.evaluate(sub("repo:acme/b:pull_request"))).isEqualTo(Ternary.TRUE);
    assertThat(c.evaluate(sub("repo:ACME/b:pull_request"))).isEqualTo(Ternary.FALSE);
    Condition ignoreCase =
        Condition.of("StringEqualsIgnoreCase", SUB, List.of("repo:acme/b:pull_request"));
    assertThat(ignoreCase.evaluate(sub("repo:ACME/b:pull_request"))).isEqualTo(Ternary.TRUE);
  }

  @Test
  void keysAreCaseInsensitive() {
    Condition c =
        Condition.of("StringEquals", "Token.Actions.GitHubUserContent.com:SUB", List.of("x"));
    assertThat(c.evaluate(sub("x"))).isEqualTo(Ternary.TRUE);
    assertThat(c.isKey(SUB)).isTrue();
  }

  @Test
  void negatedOperatorsHoldWhenTheKeyIsAbsentAndPositiveOnesFail() {
    RequestContext absent = new RequestContext().with(SUB);
    assertThat(Condition.of("StringNotLike", SUB, List.of("repo:acme/*")).evaluate(absent))
        .isEqualTo(Ternary.TRUE);
    assertThat(Condition.of("StringLike", SUB, List.of("*")).evaluate(absent))
        .isEqualTo(Ternary.FALSE);
    assertThat(Condition.of("StringLikeIfExists", SUB, List.of("repo:acme/*")).evaluate(absent))
        .isEqualTo(Ternary.TRUE);
    assertThat(
            Condition.of("StringNotLike", SUB, List.of("repo:acme/*"))
                .evaluate(sub("repo:acme/app:pull_request")))
        .isEqualTo(Ternary.FALSE);
  }

  @Test
  void setQualifiersFollowIamForEmptyAndMultiValuedKeys() {
    RequestContext absent = new RequestContext().with("aws:TagKeys");
    RequestContext two = new RequestContext().with("aws:TagKeys", "team", "cost");
    Condition all = Condition.of("ForAllValues:StringEquals", "aws:TagKeys", List.of("team"));
    Condition any = Condition.of("ForAnyValue:StringEquals", "aws:TagKeys", List.of("team"));

    // ForAllValues is vacuously true on a missing key: a classic trap.
    assertThat(all.evaluate(absent)).isEqualTo(Ternary.TRUE);
    assertThat(any.evaluate(absent)).isEqualTo(Ternary.FALSE);
    assertThat(all.evaluate(two)).isEqualTo(Ternary.FALSE);
    assertThat(any.evaluate(two)).isEqualTo(Ternary.TRUE);
    assertThat(all.operatorText()).isEqualTo("ForAllValues:StringEquals");
    assertThat(Condition.of("ForAnyValue:StringLikeIfExists", "k", List.of()).operatorText())
        .isEqualTo("ForAnyValue:StringLikeIfExists");
  }

  @Test
  void nullTestsPresenceAndUnknownKeysStayUnknown() {
    Condition present = Condition.of("Null", SUB, List.of("false"));
    assertThat(present.evaluate(sub("x"))).isEqualTo(Ternary.TRUE);
    assertThat(present.evaluate(new RequestContext().with(SUB))).isEqualTo(Ternary.FALSE);
    assertThat(Condition.of("IpAddress", "aws:SourceIp", List.of("10.0.0.0/8")).evaluate(sub("x")))
        .isEqualTo(Ternary.UNKNOWN);
    assertThat(Condition.of("NumericLessThan", SUB, List.of("3")).evaluate(sub("x")))
        .isEqualTo(Ternary.UNKNOWN);
  }

  @Test
  void ternaryLogic() {
    assertThat(Ternary.TRUE.and(Ternary.UNKNOWN)).isEqualTo(Ternary.UNKNOWN);
    assertThat(Ternary.FALSE.and(Ternary.UNKNOWN)).isEqualTo(Ternary.FALSE);
    assertThat(Ternary.FALSE.or(Ternary.UNKNOWN)).isEqualTo(Ternary.UNKNOWN);
    assertThat(Ternary.TRUE.or(Ternary.UNKNOWN)).isEqualTo(Ternary.TRUE);
    assertThat(Ternary.UNKNOWN.not()).isEqualTo(Ternary.UNKNOWN);
    assertThat(Ternary.UNKNOWN.possible()).isTrue();
    assertThat(Ternary.FALSE.possible()).isFalse();
  }
}
