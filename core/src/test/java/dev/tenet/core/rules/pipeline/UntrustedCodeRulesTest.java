package dev.tenet.core.rules.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class UntrustedCodeRulesTest {
  static final String PWN =
      """
      on: pull_request_target
      jobs:
        build:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
              with:
                ref: ${{ github.event.pull_request.head.sha }}
            - run: echo "npm install"
            - run: |
                npm ci
                ./scripts/test.sh
            - uses: ./.github/actions/setup
            - uses: actions/checkout@v4
            - run: make
      """;

  @Test
  void privilegedCheckoutOfThePullRequestThenExecutionIsCritical() {
    List<Finding> f = Rules.workflow(new UntrustedCheckoutExec(), PWN);
    assertThat(Rules.where(f)).containsExactly("10:9", "13:15");
    assertThat(f.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.get(0).message())
        .contains("npm ci")
        .contains("./scripts/test.sh")
        .contains("pull_request_target")
        .contains("line 6");
    // echo prints text; the second (base) checkout replaces the tree before `make`.
  }

  @Test
  void theSameStepsAreFineInAPullRequestWorkflowOrWithABaseCheckout() {
    assertThat(
            Rules.workflow(
                new UntrustedCheckoutExec(), PWN.replace("pull_request_target", "pull_request")))
        .isEmpty();
    assertThat(
            Rules.workflow(
                new UntrustedCheckoutExec(),
                PWN.replace(
                    "github.event.pull_request.head.sha", "github.event.pull_request.base.sha")))
        .isEmpty();
  }

  @Test
  void workflowRunIsJudgedByItsTriggeringWorkflow() {
    String child =
        """
        on:
          workflow_run:
            workflows: [Build]
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  ref: ${{ github.event.workflow_run.head_sha }}
              - run: npm install
        """;
    assertThat(
            Rules.run(
                new UntrustedCheckoutExec(),
                ".github/workflows/child.yml",
                child,
                ".github/workflows/build.yml",
                "name: Build\non: pull_request\njobs: {}\n"))
        .hasSize(1);
    assertThat(
            Rules.run(
                new UntrustedCheckoutExec(),
                ".github/workflows/child.yml",
                child,
                ".github/workflows/build.yml",
                "name: Build\non: push\njobs: {}\n"))
        .isEmpty();
    assertThat(Rules.run(new UntrustedCheckoutExec(), ".github/workflows/child.yml", child))
        .as("an unknown parent is assumed to be a pull request workflow")
        .hasSize(1);
  }

  @Test
  void dangerousTriggersExceptTheLabeler() {
    assertThat(
            Rules.workflow(
                new DangerousTrigger(),
                "on:\n  pull_request_target:\n  push:\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: x\n"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.location().line()).isEqualTo(2);
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            });
    assertThat(
            Rules.workflow(
                new DangerousTrigger(),
                "on: pull_request_target\njobs:\n  a:\n    runs-on: x\n    steps:\n"
                    + "      - uses: actions/labeler@v5\n"))
        .isEmpty();
  }

  @Test
  void botActorChecksInPrivilegedWorkflows() {
    List<Finding> f =
        Rules.workflow(
            new SpoofableActorCheck(),
            """
            on: pull_request_target
            jobs:
              merge:
                if: github.actor == 'dependabot[bot]' && github.event.pull_request.draft == false
                runs-on: ubuntu-latest
                steps:
                  - if: ${{ github.event.pull_request.user.login == 'dependabot[bot]' }}
                    run: gh pr merge --auto
                  - if: github.actor != 'dependabot[bot]'
                    run: echo no
                  - if: contains(fromJSON('["renovate[bot]"]'), github.triggering_actor)
                    run: gh pr review --approve
            """);
    assertThat(Rules.where(f)).containsExactly("4:9", "11:13");
  }

  @Test
  void pipeToShellUnlessPinned() {
    List<Finding> f =
        Rules.workflow(
            new PipeToShell(),
            """
            on: push
            jobs:
              a:
                runs-on: x
                steps:
                  - run: curl -sSL https://get.example.com | sudo bash
                  - run: bash -c "$(wget -qO- https://x.example/install.sh)"
                  - run: curl https://raw.githubusercontent.com/o/r/0a727065ae5a2313e8e6acf172844e8ca30c1822/i.sh | sh
                  - run: curl -o x https://example.com/x && sha256sum -c x.sha256
            """);
    assertThat(Rules.where(f)).containsExactly("6:9", "7:9");
    assertThat(f.get(0).message()).contains("curl -sSL https://get.example.com | sudo bash");
    assertThat(
            Rules.run(
                new PipeToShell(),
                ".gitlab-ci.yml",
                "job:\n  script:\n    - wget -qO- https://x.example | sh\n"))
        .singleElement()
        .satisfies(x -> assertThat(x.location().line()).isEqualTo(3));
  }
}
