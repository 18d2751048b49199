package dev.tenet.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IamGlobTest {

  @Test
  void starMatchesAnyRunAcrossSeparatorsAndQuestionMarkExactlyOneCharacter() {
    assertThat(IamGlob.matches("repo:acme/*", "repo:acme/app:ref:refs/heads/main")).isTrue();
    assertThat(IamGlob.matches("repo:acme/*", "repo:acme/")).isTrue();
    assertThat(IamGlob.matches("repo:acme/*", "repo:acme-evil/app:pull_request")).isFalse();
    assertThat(IamGlob.matches("repo:acme*", "repo:acme-evil/app:pull_request")).isTrue();
    assertThat(IamGlob.matches("v?.0", "v1.0")).isTrue();
    assertThat(IamGlob.matches("v?.0", "v10.0")).isFalse();
    assertThat(IamGlob.matches("*main", "refs/heads/main")).isTrue();
    assertThat(IamGlob.matches("a*b*c", "a-x-b-y-c")).isTrue();
    assertThat(IamGlob.matches("a*b*c", "a-x-c-y-b")).isFalse();
  }

  @Test
  void caseMattersUnlessAskedOtherwise() {
    assertThat(IamGlob.matches("repo:Acme/*", "repo:acme/app")).isFalse();
    assertThat(IamGlob.matchesIgnoreCase("iam:Put*", "iam:putrolepolicy")).isTrue();
  }

  @Test
  void completionsSayWhatIsLeftOfThePatternAfterAPrefix() {
    String prefix = "repo:acme/app:ref:refs/heads/";
    assertThat(IamGlob.completions("repo:acme/app:ref:refs/heads/release-*", prefix))
        .containsExactly("release-*");
    // The star may also stop right there: an empty rest means the prefix itself matches.
    assertThat(IamGlob.completions("repo:acme/*", prefix)).containsExactlyInAnyOrder("*", "");
    assertThat(IamGlob.completions("repo:acme/app:environment:prod", prefix)).isEmpty();
    assertThat(IamGlob.completions("repo:other/*", prefix)).isEmpty();
    // A star that can stop early or go on leaves both continuations.
    assertThat(IamGlob.completions("repo:*:ref:refs/heads/main", prefix))
        .contains("*:ref:refs/heads/main");
  }
}
