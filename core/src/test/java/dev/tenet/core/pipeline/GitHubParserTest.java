package dev.tenet.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.pipeline.yaml.Pos;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubParserTest {
  @Test
  void readsTriggersInEveryForm() {
    assertThat(Fixtures.workflow("on: push\njobs: {}\n").events()).containsExactly("push");
    assertThat(Fixtures.workflow("on: [push, pull_request]\njobs: {}\n").events())
        .containsExactly("push", "pull_request");
    Pipeline p =
        Fixtures.workflow(
            "on:\n  push:\n    branches: [main]\n    tags: ['v*']\n  workflow_run:\n"
                + "    workflows: [CI]\n  workflow_dispatch:\n    inputs:\n      ref:\n"
                + "        type: string\n      dry:\n        type: boolean\njobs: {}\n");
    assertThat(p.events()).containsExactly("push", "workflow_run", "workflow_dispatch");
    assertThat(p.trigger("push").get().filter("branches")).containsExactly("main");
    assertThat(p.trigger("push").get().hasFilter("tags")).isTrue();
    assertThat(p.trigger("workflow_run").get().filter("workflows")).containsExactly("CI");
    assertThat(p.inputs().get("dry").structured()).isTrue();
    assertThat(p.inputs().get("ref").structured()).isFalse();
    assertThat(p.trigger("push").get().key().start()).isEqualTo(new Pos(2, 3));
  }

  @Test
  void readsPermissionsInEveryForm() {
    assertThat(Fixtures.workflow("on: push\njobs: {}\n").permissions().isUnset()).isTrue();
    assertThat(
            Fixtures.workflow("on: push\npermissions: write-all\njobs: {}\n").permissions().base())
        .isEqualTo(Permissions.Base.WRITE_ALL);
    Permissions empty = Fixtures.workflow("on: push\npermissions: {}\njobs: {}\n").permissions();
    assertThat(empty.base()).isEqualTo(Permissions.Base.EXPLICIT);
    assertThat(empty.scopes()).isEmpty();
    Permissions scoped =
        Fixtures.workflow("on: push\npermissions:\n  contents: read\n  id-token: write\njobs: {}\n")
            .permissions();
    assertThat(scoped.writeScopes())
        .extracting(Permissions.Scope::name)
        .containsExactly("id-token");
    assertThat(scoped.grantsWrite("id-token")).isTrue();
    assertThat(scoped.grantsWrite("contents")).isFalse();
  }

  @Test
  void readsJobsStepsAndWhereTheyRun() {
    Pipeline p =
        Fixtures.workflow(
            """
            on: push
            defaults:
              run:
                shell: sh
            jobs:
              build:
                name: Build
                runs-on: [self-hosted, linux]
                container:
                  image: node:20
                  credentials:
                    username: u
                    password: p
                services:
                  db:
                    image: postgres
                environment:
                  name: production
                strategy:
                  matrix:
                    os: [a, b]
                    include:
                      - os: c
                        extra: x
                outputs:
                  v: ${{ steps.s.outputs.v }}
                steps:
                  - id: s
                    uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                    with:
                      persist-credentials: false
                  - run: echo hi
                    shell: pwsh
                  - run: echo again
              call:
                needs: build
                uses: acme/shared/.github/workflows/deploy.yml@v1
                secrets: inherit
              win:
                runs-on: windows-latest
                steps:
                  - run: dir
            """);
    Job build = p.job("build").get();
    assertThat(build.label()).isEqualTo("'Build'");
    assertThat(build.runsOn().labelNames()).containsExactly("self-hosted", "linux");
    assertThat(build.runsOn().selfHosted()).isTrue();
    assertThat(build.container().image().value()).isEqualTo("node:20");
    assertThat(build.container().password().value()).isEqualTo("p");
    assertThat(build.services()).extracting(Container::name).containsExactly("db");
    assertThat(build.environment()).isEqualTo("production");
    assertThat(build.matrix().valuesOf("os"))
        .extracting(n -> n.text())
        .containsExactly("a", "b", "c");
    assertThat(build.outputs()).containsKey("v");
    Step checkout = build.steps().get(0);
    assertThat(checkout.uses().pinnedToSha()).isTrue();
    assertThat(checkout.uses().version()).isEqualTo("v4.2.2");
    assertThat(checkout.input("persist-credentials").get().value()).isEqualTo("false");
    assertThat(build.steps().get(1).shell()).isEqualTo("pwsh");
    assertThat(build.steps().get(2).shell()).isEqualTo("sh");
    Job call = p.job("call").get();
    assertThat(call.isReusableCall()).isTrue();
    assertThat(call.calls().isReusableWorkflow()).isTrue();
    assertThat(call.needs()).containsExactly("build");
    assertThat(call.secrets().text()).isEqualTo("inherit");
    assertThat(p.job("win").get().runsOn().selfHosted()).isFalse();
  }

  @Test
  void readsRunnerGroupsAndDynamicLabels() {
    Pipeline p =
        Fixtures.workflow(
            "on: push\njobs:\n  g:\n    runs-on:\n      group: big\n    steps: []\n"
                + "  d:\n    runs-on: ${{ matrix.os }}\n    steps: []\n"
                + "  h:\n    runs-on: [macos-14, ubuntu-24.04-arm]\n    steps: []\n");
    assertThat(p.job("g").get().runsOn().selfHosted()).isTrue();
    assertThat(p.job("d").get().runsOn().dynamic()).isTrue();
    assertThat(p.job("d").get().runsOn().selfHosted()).isFalse();
    assertThat(p.job("h").get().runsOn().selfHosted()).isFalse();
  }

  @Test
  void readsActions() {
    Pipelines ps =
        Fixtures.parse(
            "tools/action.yml",
            "name: x\ninputs:\n  who:\n    default: me\nruns:\n  using: composite\n  steps:\n"
                + "    - run: echo ${{ inputs.who }}\n      shell: bash\n",
            "docker/action.yaml",
            "name: d\nruns:\n  using: docker\n  image: docker://alpine\n");
    Pipeline composite = ps.all().get(0);
    assertThat(composite.isCompositeAction()).isTrue();
    assertThat(composite.inputs()).containsKey("who");
    assertThat(composite.jobs().get(0).steps()).hasSize(1);
    assertThat(ps.all().get(1).actionImage().value()).isEqualTo("docker://alpine");
  }

  @Test
  void usesReferencesAreParsed() {
    Pipeline p =
        Fixtures.workflow(
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - uses: ./local/action\n      - uses: docker://alpine:3\n"
                + "      - uses: github/codeql-action/init@v3\n");
    List<Step> s = p.jobs().get(0).steps();
    assertThat(s.get(0).uses().kind()).isEqualTo(Uses.Kind.LOCAL);
    assertThat(s.get(1).uses().kind()).isEqualTo(Uses.Kind.DOCKER);
    assertThat(s.get(2).uses().slug()).isEqualTo("github/codeql-action/init");
    assertThat(s.get(2).uses().ref()).isEqualTo("v3");
    assertThat(s.get(2).uses().pinnedToSha()).isFalse();
  }
}
