package dev.tenet.core.pipeline.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
  static YamlNode load(String text) throws YamlException {
    List<YamlNode> docs = YamlLoader.standard().load(new SourceText("t.yml", text));
    return docs.get(0);
  }

  @Test
  void nodesKnowTheirLineAndColumn() throws Exception {
    YamlMap root =
        (YamlMap) load("name: ci\non:\n  push:\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
    YamlScalar runsOn =
        root.map("jobs").flatMap(j -> j.map("build")).flatMap(b -> b.scalar("runs-on")).get();
    assertThat(runsOn.start()).isEqualTo(new Pos(6, 14));
    assertThat(runsOn.value()).isEqualTo("ubuntu-latest");
    assertThat(root.entry("jobs").get().key().start()).isEqualTo(new Pos(4, 1));
    // YAML 1.2: "on" is a string key, not the boolean true of YAML 1.1.
    assertThat(root.has("on")).isTrue();
  }

  @Test
  void anAliasIsTheAnchoredNodeSoPositionsPointAtTheAnchor() throws Exception {
    YamlMap root = (YamlMap) load("a: &x\n  k: v\nb: *x\n");
    assertThat(root.get("b").get()).isSameAs(root.get("a").get());
    assertThat(root.get("b").get().start().line()).isEqualTo(1);
    assertThat(((YamlMap) root.get("b").get()).entry("k").get().key().start())
        .isEqualTo(new Pos(2, 3));
  }

  @Test
  void mergeKeysAddWhatTheMapDoesNotSet() throws Exception {
    YamlMap root = (YamlMap) load("base: &b\n  a: 1\n  b: 2\njob:\n  <<: *b\n  b: 3\n");
    YamlMap job = root.map("job").get();
    assertThat(job.text("a")).isEqualTo("1");
    assertThat(job.text("b")).isEqualTo("3");
    assertThat(job.has("<<")).isFalse();
  }

  @Test
  void expressionsAreLocatedInsideBlockAndQuotedScalars() throws Exception {
    YamlMap root =
        (YamlMap) load("run: |\n  echo one\n  echo \"${{ a }}\" and ${{ b }}\nq: \"x ${{ c }}\"\n");
    YamlScalar run = root.scalar("run").get();
    assertThat(run.contentStart()).isEqualTo(new Pos(2, 3));
    assertThat(run.positionOf("${{", 0)).isEqualTo(new Pos(3, 9));
    assertThat(run.positionOf("${{", 1)).isEqualTo(new Pos(3, 23));
    assertThat(root.scalar("q").get().positionOf("${{", 0)).isEqualTo(new Pos(4, 7));
    int offset = run.value().indexOf("echo \"");
    assertThat(run.positionOfOffset(offset)).isEqualTo(new Pos(3, 3));
  }

  @Test
  void columnsCountCodePoints() throws Exception {
    YamlMap root = (YamlMap) load("a: \"\uD83D\uDE00 ${{ x }}\"\n");
    assertThat(root.scalar("a").get().positionOf("${{", 0)).isEqualTo(new Pos(1, 7));
  }

  @Test
  void invalidYamlNamesTheProblemAndThePlace() {
    assertThatThrownBy(() -> load("on: [push\njobs: {"))
        .isInstanceOf(YamlException.class)
        .hasMessageStartingWith("not valid YAML: ")
        .satisfies(e -> assertThat(((YamlException) e).position()).isNotNull());
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder sb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    String prev = "a";
    for (String n : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
      sb.append(n).append(": &").append(n).append(" [");
      for (int k = 0; k < 9; k++) {
        sb.append(k == 0 ? "" : ", ").append('*').append(prev);
      }
      sb.append("]\n");
      prev = n;
    }
    assertThatThrownBy(() -> load(sb.toString()))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("YAML bomb");
  }

  @Test
  void tooManyAliasesAreRefused() {
    StringBuilder sb = new StringBuilder("a: &a x\nl:\n");
    for (int k = 0; k < 2_100; k++) {
      sb.append("  - *a\n");
    }
    assertThatThrownBy(() -> load(sb.toString()))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("alias references");
  }

  @Test
  void deepNestingIsRefusedWithoutOverflowingTheStack() {
    String deep = "a: " + "[".repeat(50_000) + "]".repeat(50_000);
    assertThatThrownBy(() -> load(deep))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("nested deeper than 64");
  }

  @Test
  void oversizedAndBinaryFilesAreRefused() {
    YamlLoader small = new YamlLoader(new YamlLimits(100, 10, 10, 1000, 2));
    assertThatThrownBy(() -> small.load(new SourceText("big.yml", "a: " + "x".repeat(200))))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("larger than");
    assertThatThrownBy(() -> load("a: b\u0000c"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("binary");
  }

  @Test
  void customTagsAreKeptAndNeverConstructed() throws Exception {
    YamlMap root =
        (YamlMap) load("s: !reference [.base, script]\nx: !!python/object:os.system ls\n");
    assertThat(root.get("s").get().tag()).contains("!reference");
    assertThat(root.text("x")).isEqualTo("ls");
  }

  @Test
  void everyDocumentOfAStreamIsRead() throws Exception {
    List<YamlNode> docs =
        YamlLoader.standard()
            .load(new SourceText("t.yml", "spec:\n  inputs: {}\n---\njob:\n  script: x\n"));
    assertThat(docs).hasSize(2);
    assertThat(docs.get(1).start().line()).isEqualTo(4);
  }

  @Test
  void ignoreCommentsAreReadPerLine() {
    SourceText t =
        new SourceText(
            "t.yml",
            "a: 1 # zizmor: ignore[template-injection, unpinned-uses]\nb: 2 # tenet: ignore[PIPE-PIN-001]\n");
    assertThat(t.ignoresAt(1)).containsExactly("zizmor:template-injection", "zizmor:unpinned-uses");
    assertThat(t.ignoresAt(2)).containsExactly("tenet:pipe-pin-001");
    assertThat(t.ignoresAt(3)).isEmpty();
  }
}
