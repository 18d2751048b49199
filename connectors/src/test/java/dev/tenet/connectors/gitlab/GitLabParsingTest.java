package dev.tenet.connectors.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.connectors.emulator.GitLabEmulator;
import dev.tenet.connectors.emulator.SampleGroup;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.model.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small parsers of the GitLab connector: includes, value shapes, protected-ref patterns. */
class GitLabParsingTest {

  @Test
  void localIncludesInEveryFormGitLabAccepts() {
    String yaml =
        """
        include:
          - local: /ci/build.yml
          - ci/test.yml
          - local: 'ci/jobs/*.yml'
            rules:
              - if: $CI_COMMIT_BRANCH == "main"
          - remote: https://example.com/ci.yml
          - project: acme/templates
            file: /deploy.yml
          - template: Security/SAST.gitlab-ci.yml
          - component: gitlab.com/acme/components/lint@1.0
          - https://example.com/other.yml
          - local: ci/$ENVIRONMENT.yml
          - local: ../outside.yml
        stages: [build]
        """;
    assertThat(CiIncludes.local(yaml))
        .containsExactly(
            new CiIncludes.Include("ci/build.yml", false),
            new CiIncludes.Include("ci/test.yml", false),
            new CiIncludes.Include("ci/jobs/*.yml", true));
    assertThat(CiIncludes.local("include: 'common.yml'\n"))
        .containsExactly(new CiIncludes.Include("common.yml", false));
    assertThat(CiIncludes.local("include:\n  local: '/a/b.yml'\n"))
        .containsExactly(new CiIncludes.Include("a/b.yml", false));
    // A component's spec header comes first, the pipeline after "---".
    assertThat(CiIncludes.local("spec:\n  inputs: {}\n---\ninclude: x.yml\n"))
        .containsExactly(new CiIncludes.Include("x.yml", false));
    assertThat(CiIncludes.local("build:\n  script: [!reference [.x, script]]\n")).isEmpty();
    assertThat(CiIncludes.local("include: [unclosed\n")).isEmpty();
    assertThat(CiIncludes.local("")).isEmpty();
  }

  @Test
  void includeGlobsFollowGitLabsWildcards() {
    CiIncludes.Include one = new CiIncludes.Include("ci/*.yml", true);
    assertThat(one.folder()).isEqualTo("ci");
    assertThat(one.recursive()).isFalse();
    assertThat(one.matches("ci/a.yml")).isTrue();
    assertThat(one.matches("ci/sub/a.yml")).isFalse();
    assertThat(one.matches("ci/a.yaml")).isFalse();
    CiIncludes.Include deep = new CiIncludes.Include("ci/**.yml", true);
    assertThat(deep.recursive()).isTrue();
    assertThat(deep.matches("ci/sub/deeper/a.yml")).isTrue();
    CiIncludes.Include nested = new CiIncludes.Include("configs/**/*.yml", true);
    assertThat(nested.folder()).isEqualTo("configs");
    assertThat(nested.matches("configs/a.yml")).isTrue();
    assertThat(nested.matches("configs/x/y/a.yml")).isTrue();
    assertThat(new CiIncludes.Include("*.yml", true).folder()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "glpat-AbCdEfGhIjKlMnOpQrSt1234 | gitlab-token",
        "gldt-AbCdEfGhIjKlMnOpQrSt | gitlab-token",
        "ghp_0123456789abcdefABCDEF0123456789abcd | github-token",
        "AKIAIOSFODNN7EXAMPLE | aws-access-key",
        "xoxb-123456789012-abcdefghij | slack-token",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl | jwt",
        "postgres://app:s3cret@db.internal:5432/app | url-with-credentials",
        "Zx8!qT2#vL9@mR4$wK7^ | high-entropy",
        "3f786850e387550fdab836ed7e6dc881de23001b | high-entropy",
        "debug | text",
        "https://sonar.acme.example | text",
        "-Xmx2g -XX:+UseG1GC | text",
        "aaaaaaaaaaaaaaaaaaaaaaaa | text",
        "'' | empty"
      })
  void valueShapesNameCredentialFormatsWithoutKeepingTheValue(String value, String shape) {
    assertThat(ValueShapes.of(value)).isEqualTo(shape);
  }

  @Test
  void privateKeysAndHiddenValues() {
    assertThat(
            ValueShapes.of(
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----"))
        .isEqualTo("private-key");
    assertThat(ValueShapes.of(null)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "main, main, true",
    "main, main2, false",
    "*, main, true",
    "release/*, release/1.0, true",
    "release/*, main, false",
    "*-stable, 1-0-stable, true",
    "ma*n, main, true",
    "v1.*, v1x2, false"
  })
  void protectedBranchPatternsMatchLikeGitLab(String pattern, String ref, boolean matches) {
    assertThat(GitLabMapper.refMatches(pattern, ref)).isEqualTo(matches);
  }

  @Test
  void wildcardIncludesPageTheRepositoryTreeWithKeysetPagination() throws Exception {
    StringBuilder files = new StringBuilder();
    files.append("        .gitlab-ci.yml: \"include:\\n  - local: ci/jobs-*.yml\\n\"\n");
    for (int i = 0; i < 150; i++) {
      files.append(String.format("        ci/other-%03d.txt: x%n", i));
    }
    for (String job : List.of("a", "b", "z")) {
      files
          .append("        ci/jobs-")
          .append(job)
          .append(".yml: \"")
          .append(job)
          .append(":\\n  script: [x]\\n\"\n");
    }
    SampleGroup sample =
        SampleGroup.fromYaml(
            """
            gitlab:
              instance: { edition: ee, tier: premium, version: "18.0.0" }
              token: { username: t, role: owner, name: t, scopes: [read_api, read_repository] }
              groups:
                - path: g
              projects:
                - path: g/p
                  files:
            """
                + files);
    try (GitLabEmulator gitlab = GitLabEmulator.start(sample, "tok")) {
      Scans s =
          Scans.run(
              new GitLabConnector(
                  gitlab.url().toString(),
                  "g",
                  Secret.of("tok"),
                  HttpPolicy.defaults(),
                  ResponseCache.NONE));
      assertThat(s.context().sources())
          .extracting(SourceFile::path)
          .containsExactly(".gitlab-ci.yml", "ci/jobs-a.yml", "ci/jobs-b.yml", "ci/jobs-z.yml");
      List<String> tree =
          gitlab.requestLog().stream().filter(l -> l.contains("/repository/tree")).toList();
      assertThat(tree).hasSize(2);
      assertThat(tree.get(0)).contains("pagination=keyset").contains("path=ci");
      assertThat(tree.get(1)).contains("page_token=");
    }
  }
}
