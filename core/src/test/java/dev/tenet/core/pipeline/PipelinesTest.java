package dev.tenet.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelinesTest {
  @Test
  void eachFileEndsUpAnalysedOrExplainedAndOneBadFileStopsNothing() {
    Pipelines ps =
        Fixtures.parse(
            ".github/workflows/ok.yml", "on: push\njobs:\n  a:\n    runs-on: x\n    steps: []\n",
            ".github/workflows/broken.yml", "on: [push\n",
            ".github/workflows/nojobs.yml", "name: x\non: push\n",
            ".github/workflows/empty.yml", "",
            "tools/action.yml", "runs:\n  using: node20\n  main: index.js\n",
            "azure-pipelines.yml", "pool: x\nsteps:\n  - script: echo\n",
            "config.yml", "settings:\n  a: 1\n",
            "loose.yml", "on: pull_request\njobs:\n  t:\n    runs-on: x\n    steps: []\n");
    assertThat(ps.files())
        .extracting(f -> f.file().path() + "=" + f.status())
        .containsExactly(
            ".github/workflows/ok.yml=ANALYSED",
            ".github/workflows/broken.yml=INVALID",
            ".github/workflows/nojobs.yml=INVALID",
            ".github/workflows/empty.yml=INVALID",
            "tools/action.yml=ANALYSED",
            "azure-pipelines.yml=UNSUPPORTED",
            "config.yml=NOT_A_PIPELINE",
            "loose.yml=ANALYSED");
    assertThat(ps.files().get(1).describe())
        .startsWith(".github/workflows/broken.yml: not valid YAML:")
        .contains("(line ");
    assertThat(ps.files().get(2).message()).contains("'jobs:'");
    assertThat(ps.blindSpots())
        .extracting(b -> b.resource())
        .contains("github:acme/web#file/.github/workflows/broken.yml");
    assertThat(ps.analysedCount()).isEqualTo(3);
  }
}
