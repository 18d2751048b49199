package dev.tenet.core.pipeline.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.pipeline.Fixtures;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.Step;
import org.junit.jupiter.api.Test;

class TaintAnalyzerTest {
  static Taint taintOfLastRun(Pipeline p, String jobId) {
    Job job = p.job(jobId).get();
    Step step = job.steps().get(job.steps().size() - 1);
    return new TaintAnalyzer(p, job, step).ofScalar(step.run());
  }

  @Test
  void followsEnvironmentVariablesToWhereTheyAreSet() {
    Pipeline p =
        Fixtures.workflow(
            """
            on: issues
            env:
              TITLE: ${{ github.event.issue.title }}
              FIXED: hello
            jobs:
              a:
                runs-on: ubuntu-latest
                env:
                  SHA: ${{ github.sha }}
                steps:
                  - run: echo "${{ env.TITLE }}"
                  - run: echo "${{ env.FIXED }} ${{ env.SHA }}"
                  - run: echo "${{ env.NOWHERE }}"
            """);
    Job a = p.job("a").get();
    Taint title = new TaintAnalyzer(p, a, a.steps().get(0)).ofScalar(a.steps().get(0).run());
    assertThat(title.control()).isEqualTo(Control.OUTSIDER);
    assertThat(title.origin()).isEqualTo("github.event.issue.title");
    assertThat(title.via()).containsExactly("env.TITLE");
    assertThat(new TaintAnalyzer(p, a, a.steps().get(1)).ofScalar(a.steps().get(1).run()).control())
        .isEqualTo(Control.NONE);
    assertThat(taintOfLastRun(p, "a").control()).isEqualTo(Control.UNKNOWN);
  }

  @Test
  void followsStepOutputsAndJobOutputs() {
    Pipeline p =
        Fixtures.workflow(
            """
            on: pull_request_target
            jobs:
              first:
                runs-on: ubuntu-latest
                outputs:
                  branch: ${{ steps.meta.outputs.branch }}
                  fixed: ${{ steps.meta.outputs.fixed }}
                steps:
                  - id: meta
                    env:
                      HEAD: ${{ github.head_ref }}
                    run: |
                      echo "branch=$HEAD" >> "$GITHUB_OUTPUT"
                      echo "fixed=1.2.3" >> $GITHUB_OUTPUT
                  - id: action
                    uses: some/action@v1
                  - run: echo ${{ steps.meta.outputs.fixed }} ${{ steps.action.outputs.x }}
              second:
                needs: first
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ needs.first.outputs.branch }}
                  - run: echo ${{ needs.first.outputs.fixed }}
            """);
    Job first = p.job("first").get();
    Step last = first.steps().get(2);
    TaintAnalyzer t = new TaintAnalyzer(p, first, last);
    var exprs = p.expressions(last.run());
    assertThat(t.of(exprs.get(0)).control()).isEqualTo(Control.NONE);
    assertThat(t.of(exprs.get(1)).control()).isEqualTo(Control.UNKNOWN);
    Job second = p.job("second").get();
    Taint branch =
        new TaintAnalyzer(p, second, second.steps().get(0)).ofScalar(second.steps().get(0).run());
    assertThat(branch.control()).isEqualTo(Control.OUTSIDER);
    assertThat(branch.describeOrigin())
        .contains("github.head_ref")
        .contains("needs.first.outputs.branch");
    assertThat(taintOfLastRun(p, "second").control()).isEqualTo(Control.NONE);
  }

  @Test
  void inputsDependOnTheirTypeAndWhoCanSetThem() {
    Pipeline dispatch =
        Fixtures.workflow(
            """
            on:
              workflow_dispatch:
                inputs:
                  name: {type: string}
                  flag: {type: boolean}
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ inputs.flag }}
                  - run: echo ${{ inputs.name }}
            """);
    Job a = dispatch.job("a").get();
    assertThat(
            new TaintAnalyzer(dispatch, a, a.steps().get(0))
                .ofScalar(a.steps().get(0).run())
                .control())
        .isEqualTo(Control.NONE);
    assertThat(taintOfLastRun(dispatch, "a").control()).isEqualTo(Control.COLLABORATOR);
    Pipeline called =
        Fixtures.workflow(
            "on:\n  workflow_call:\n    inputs:\n      name: {type: string}\njobs:\n  a:\n"
                + "    runs-on: x\n    steps:\n      - run: echo ${{ inputs.name }}\n");
    assertThat(taintOfLastRun(called, "a").control()).isEqualTo(Control.UNKNOWN);
  }

  @Test
  void matrixValuesAreFollowed() {
    Pipeline p =
        Fixtures.workflow(
            """
            on: pull_request_target
            jobs:
              static:
                runs-on: x
                strategy:
                  matrix:
                    v: [1, 2]
                steps:
                  - run: echo ${{ matrix.v }}
              tainted:
                runs-on: x
                strategy:
                  matrix:
                    include:
                      - v: ${{ github.event.pull_request.title }}
                steps:
                  - run: echo ${{ matrix.v }}
              dynamic:
                runs-on: x
                strategy:
                  matrix: ${{ fromJSON(needs.x.outputs.m) }}
                steps:
                  - run: echo ${{ matrix.v }}
            """);
    assertThat(taintOfLastRun(p, "static").control()).isEqualTo(Control.NONE);
    assertThat(taintOfLastRun(p, "tainted").control()).isEqualTo(Control.OUTSIDER);
    assertThat(taintOfLastRun(p, "dynamic").control()).isEqualTo(Control.UNKNOWN);
  }
}
