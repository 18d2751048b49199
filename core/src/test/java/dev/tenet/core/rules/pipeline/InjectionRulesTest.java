package dev.tenet.core.rules.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.RuleTally;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionRulesTest {
  @Test
  void outsiderInputInAScriptIsCriticalInAPrivilegedWorkflow() {
    List<Finding> f =
        Rules.workflow(
            new ScriptInjection(),
            """
            on: issue_comment
            jobs:
              reply:
                runs-on: ubuntu-latest
                steps:
                  - name: Echo
                    run: |
                      echo start
                      echo "${{ github.event.comment.body }}"
                  - env:
                      BODY: ${{ github.event.comment.body }}
                    run: echo "$BODY"
            """);
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(x.location().file()).isEqualTo(".github/workflows/ci.yml");
              assertThat(Rules.where(List.of(x))).containsExactly("9:17");
              assertThat(x.resource()).isEqualTo("github:acme/web#file/.github/workflows/ci.yml");
              assertThat(x.message())
                  .contains("`${{ github.event.comment.body }}`")
                  .contains("step 'Echo'")
                  .contains("anyone who can comment")
                  .contains("issue_comment");
              assertThat(x.evidence()).containsEntry("source", "github.event.comment.body");
            });
  }

  @Test
  void severityFollowsWhoControlsTheValue() {
    List<Finding> f =
        Rules.workflow(
            new ScriptInjection(),
            """
            on:
              push:
              workflow_dispatch:
                inputs:
                  v: {type: string}
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ github.event.head_commit.message }}
                  - run: echo ${{ inputs.v }}
                  - id: s
                    uses: some/action@v1
                  - run: echo ${{ steps.s.outputs.x }}
                  - run: echo ${{ github.sha }} ${{ secrets.T }} ${{ vars.X }} ${{ runner.os }}
                  - if: false
                    run: echo ${{ github.event.head_commit.message }}
            """);
    assertThat(f)
        .extracting(Finding::severity)
        .containsExactly(Severity.HIGH, Severity.MEDIUM, Severity.LOW);
  }

  @Test
  void codeInputsOfKnownActionsAreSinksAndOtherInputsAreNot() {
    List<Finding> f =
        Rules.workflow(
            new ScriptInjection(),
            """
            on: pull_request_target
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/github-script@v7
                    with:
                      script: console.log("${{ github.event.pull_request.title }}")
                  - uses: some/action@v1
                    with:
                      message: ${{ github.event.pull_request.title }}
            """);
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.message()).contains("`script` input of actions/github-script");
              assertThat(x.location().line()).isEqualTo(8);
            });
  }

  @Test
  void compositeActionInputsAreUnknownAndReported() {
    List<Finding> f =
        Rules.run(
            new ScriptInjection(),
            "action.yml",
            "name: a\ninputs:\n  x: {}\nruns:\n  using: composite\n  steps:\n"
                + "    - run: echo ${{ inputs.x }}\n      shell: bash\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.LOW));
  }

  @Test
  void taintedVariablesPassedToEvalAreReported() {
    List<Finding> gh =
        Rules.workflow(
            new ScriptInjection(),
            """
            on: pull_request_target
            jobs:
              a:
                runs-on: ubuntu-latest
                env:
                  TITLE: ${{ github.event.pull_request.title }}
                steps:
                  - run: |
                      echo "$TITLE"
                      bash -c "echo $TITLE"
            """);
    assertThat(gh)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().line()).isEqualTo(10);
              assertThat(x.message()).contains("runs $TITLE as code");
            });
    List<Finding> gl =
        Rules.run(
            new ScriptInjection(),
            ".gitlab-ci.yml",
            """
            variables:
              MSG: "$CI_COMMIT_MESSAGE"
            test:
              script:
                - echo "$CI_MERGE_REQUEST_TITLE"
                - eval "$MSG"
                - cd $[[ inputs.dir | expand_vars ]]
            """);
    assertThat(Rules.where(gl)).containsExactly("6:7", "7:10");
  }

  @Test
  void ignoreCommentsSuppressButKeepTheFinding() {
    List<Finding> f =
        Rules.workflow(
            new ScriptInjection(),
            """
            on: issues
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - name: t # zizmor: ignore[template-injection]
                    run: echo "${{ github.event.issue.title }}"
                  - name: u # tenet: ignore[script-injection]
                    run: echo "${{ github.event.issue.body }}"
                  - name: v # zizmor: ignore[unpinned-uses]
                    run: echo "${{ github.event.issue.body }}"
            """);
    assertThat(f).hasSize(3);
    assertThat(f.get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(f.get(0).evidence().get("suppressedBy").toString())
        .contains("zizmor: ignore[template-injection]");
    assertThat(f.get(1).evidence()).containsKey("suppressedBy");
    assertThat(f.get(2).evidence()).doesNotContainKey("suppressedBy");
    assertThat(f.get(2).severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void filesWithoutFindingsPass() {
    RuleTally t =
        Rules.tally(
            new ScriptInjection(),
            ".github/workflows/ci.yml",
            "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ok\n");
    assertThat(List.of(t.passed(), t.failed())).containsExactly(1, 0);
  }

  @Test
  void envFileWritesInPrivilegedWorkflowsAndActions() {
    String yaml =
        """
        on: pull_request_target
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - run: |
                  echo "X=$(cat title.txt)" >> "$GITHUB_ENV"
                  echo FIXED=1 >> $GITHUB_ENV
                  cat list | tee -a $GITHUB_PATH
              - shell: pwsh
                run: Add-Content -Path $env:GITHUB_ENV -Value "a=$v"
        """;
    List<Finding> f = Rules.workflow(new EnvFileInjection(), yaml);
    assertThat(f).hasSize(2);
    assertThat(f.get(0).message()).contains("$GITHUB_ENV").contains("line 7");
    assertThat(Rules.workflow(new EnvFileInjection(), yaml.replace("pull_request_target", "push")))
        .isEmpty();
  }

  @Test
  void insecureCommandsAreReported() {
    List<Finding> f =
        Rules.workflow(
            new InsecureCommands(),
            "on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: true\njobs:\n  a:\n    runs-on: x\n"
                + "    steps:\n      - run: echo\n        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: false\n");
    assertThat(Rules.where(f)).containsExactly("3:3");
  }
}
