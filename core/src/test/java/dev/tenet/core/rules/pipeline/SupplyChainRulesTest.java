package dev.tenet.core.rules.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.RuleSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupplyChainRulesTest {
  static final String USES =
      """
      on: push
      jobs:
        a:
          runs-on: x
          steps:
            - uses: actions/checkout@v4
            - uses: actions/setup-node@1a4442cacd436585916779262731d5b162bc6ec7 # v3.8.2
            - uses: tj-actions/changed-files@main
            - uses: ./local
            - uses: docker://alpine
        b:
          uses: acme/shared/.github/workflows/r.yml@v2
      """;

  @Test
  void unpinnedActionsAndWorkflows() {
    List<Finding> f = Rules.workflow(new ActionUnpinned(), USES);
    assertThat(Rules.where(f)).containsExactly("6:15", "8:15", "10:15", "12:11");
    assertThat(f.get(1).severity()).isEqualTo(Severity.HIGH);
    assertThat(f.get(1).message()).contains("branch 'main'");
    assertThat(f.get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.get(2).message()).contains("neither a tag nor a digest");
  }

  @Test
  void trustedOwnersMayUseTags() {
    RuleSettings trusted = new RuleSettings(90, 5, 365, List.of("actions", "acme"));
    List<Finding> f =
        Rules.run(
            new ActionUnpinned(), new TrustGraph(), trusted, ".github/workflows/ci.yml", USES);
    assertThat(Rules.where(f)).containsExactly("8:15", "10:15");
    assertThat(f).noneMatch(x -> x.message().contains("acme/shared"));
  }

  @Test
  void floatingImagesIncludingMatrixValues() {
    List<Finding> f =
        Rules.workflow(
            new ImageUnpinned(),
            """
            on: push
            jobs:
              a:
                runs-on: x
                strategy:
                  matrix:
                    img: ['python:3.12', 'python']
                container: ${{ matrix.img }}
                services:
                  cache:
                    image: redis:latest
                  db:
                    image: postgres@sha256:0000000000000000000000000000000000000000000000000000000000000000
                steps:
                  - uses: docker://alpine:3.20
            """);
    assertThat(Rules.where(f)).containsExactly("8:16", "11:16");
    assertThat(f.get(0).message()).contains("`python`");
    List<Finding> gl =
        Rules.run(
            new ImageUnpinned(),
            ".gitlab-ci.yml",
            "variables:\n  REG: registry.example.com\nbuild:\n  image: $REG/tools\n  services:\n"
                + "    - docker:dind\n    - name: redis:7\n  script: x\n");
    assertThat(Rules.where(gl)).containsExactly("4:10");
  }

  @Test
  void selfHostedRunnersForPullRequests() {
    String yaml =
        "on: pull_request\njobs:\n  a:\n    runs-on: [self-hosted, linux]\n    steps: []\n"
            + "  b:\n    runs-on: ubuntu-latest\n    steps: []\n";
    List<Finding> f = Rules.workflow(new SelfHostedRunnerExposed(), yaml);
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(Rules.where(List.of(x))).containsExactly("4:14");
              assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
            });
    TrustGraph g = new TrustGraph();
    g.entity(Rules.REPO, EntityKind.REPOSITORY, "acme/web", "github")
        .set(Attr.VISIBILITY, "private");
    assertThat(
            Rules.run(
                new SelfHostedRunnerExposed(),
                g,
                RuleSettings.defaults(),
                ".github/workflows/ci.yml",
                yaml))
        .singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(Rules.workflow(new SelfHostedRunnerExposed(), yaml.replace("pull_request", "push")))
        .isEmpty();
  }

  @Test
  void gitlabIncludesByMutableReference() {
    List<Finding> f =
        Rules.run(
            new RemoteInclude(),
            ".gitlab-ci.yml",
            """
            include:
              - remote: https://example.com/ci.yml
              - remote: https://example.com/ok.yml
                integrity: sha256-L3ggn8uRnVL6TUxVTiKJ1uqOUvRk2tgNPoaLJHjLuss=
              - project: group/templates
                file: /ci.yml
              - project: group/templates
                ref: 0a727065ae5a2313e8e6acf172844e8ca30c1822
                file: /ci.yml
              - component: gitlab.com/group/comp/build@~latest
              - template: Security/SAST.gitlab-ci.yml
            job:
              script: x
            """);
    assertThat(Rules.where(f)).containsExactly("2:13", "5:14", "10:16");
    assertThat(f.get(1).message()).contains("default branch");
  }

  @Test
  void cachesInReleaseWorkflows() {
    String yaml =
        """
        on:
          push:
            tags: ['v*']
        jobs:
          release:
            runs-on: x
            steps:
              - uses: actions/setup-go@v5
              - uses: actions/setup-go@v5
                with:
                  cache: false
              - uses: Swatinem/rust-cache@v2
                with:
                  lookup-only: ${{ !startsWith(github.ref, 'refs/tags/') }}
              - uses: actions/cache@v4
                with:
                  lookup-only: ${{ startsWith(github.ref, 'refs/tags/') }}
        """;
    List<Finding> f = Rules.workflow(new CachePoisoning(), yaml);
    assertThat(Rules.where(f)).containsExactly("8:15", "12:15");
    assertThat(
            Rules.workflow(new CachePoisoning(), yaml.replace("tags: ['v*']", "branches: [main]")))
        .isEmpty();
    assertThat(
            Rules.workflow(
                new CachePoisoning(),
                "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v5\n"
                    + "      - uses: softprops/action-gh-release@v2\n"))
        .as("a publishing step makes the job a release job")
        .hasSize(1);
  }
}
