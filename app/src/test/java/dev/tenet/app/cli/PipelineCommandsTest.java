package dev.tenet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import dev.tenet.reports.ReportWriters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tenet lint-pipeline, eval-pipelines and bench-pipelines, end to end through the CLI. */
class PipelineCommandsTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run tenet(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code =
        TenetCli.run(
            args,
            db -> {
              throw new AssertionError("lint-pipeline must not open the store");
            },
            (context, demo) -> {
              throw new AssertionError("no desktop");
            },
            out,
            new PrintWriter(err, true));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  static final String VULNERABLE =
      """
      on: issue_comment
      permissions: {}
      jobs:
        reply:
          runs-on: ubuntu-latest
          steps:
            - run: echo "${{ github.event.comment.body }}"
      """;

  Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void reportsFindingsAsTextWithFileLineAndColumn() throws Exception {
    Path wf = write(".github/workflows/reply.yml", VULNERABLE);
    Run r = tenet("lint-pipeline", wf.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains(wf + ":7:20: critical script-injection [PIPE-INJECT-001]")
        .contains("`${{ github.event.comment.body }}`")
        .contains("Analysed 1 file.")
        .contains("Findings: 1 critical");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void badFilesGetOneLineEachAndTheRestIsAnalysed() throws Exception {
    Path good = write("ok.yml", VULNERABLE);
    Path invalid = write("invalid.yml", "on: [push\njobs: {");
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    String prev = "a";
    for (String n : List.of("b", "c", "d", "e", "f", "g", "h")) {
      bomb.append(n).append(": &").append(n).append(" [");
      for (int k = 0; k < 9; k++) {
        bomb.append(k == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = n;
    }
    Path bombFile = write("bomb.yml", bomb.toString());
    Path big = dir.resolve("big.yml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(20L * 1024 * 1024);
    }
    Path config = write("config.yml", "settings:\n  a: 1\n");
    Path binary = dir.resolve("garbage.yml");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28});
    Run r =
        tenet(
            "lint-pipeline",
            good.toString(),
            invalid.toString(),
            bombFile.toString(),
            big.toString(),
            config.toString(),
            binary.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    List<String> lines = r.err().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("tenet: " + invalid + ": not valid YAML"))
        .anySatisfy(l -> assertThat(l).startsWith("tenet: " + bombFile + ":").contains("YAML bomb"))
        .anySatisfy(
            l -> assertThat(l).startsWith("tenet: " + big + ": the file is 20.0 MB, larger than"))
        .anySatisfy(
            l -> assertThat(l).startsWith("tenet: " + config + ": not a GitHub Actions workflow"))
        .anySatisfy(l -> assertThat(l).startsWith("tenet: " + binary + ": not UTF-8 text"));
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).contains("critical script-injection").contains("5 could not be analysed");
  }

  @Test
  void exitsOneWhenNothingCouldBeAnalysed() throws Exception {
    Path invalid = write("invalid.yml", "on: [push\n");
    Run r = tenet("lint-pipeline", invalid.toString(), dir.resolve("missing.yml").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err())
        .contains(invalid + ": not valid YAML")
        .contains("missing.yml: no such file or folder")
        .contains("tenet: nothing could be analysed");
    assertThat(tenet("lint-pipeline").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void foldersAreSearchedAndTheGateFailsOnSeverity() throws Exception {
    write("repo/.github/workflows/reply.yml", VULNERABLE);
    write("repo/.github/dependabot.yml", "version: 2\nupdates: []\n");
    write("repo/node_modules/x/.github/workflows/ignored.yml", VULNERABLE);
    Run r = tenet("lint-pipeline", "--fail-on", "high", dir.resolve("repo").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.GATE_FAILED);
    assertThat(r.out()).contains("Analysed 1 file, skipped 1 other YAML files.");
    assertThat(r.err()).contains("Gate failed: 1 finding(s) of severity high or worse.");
    Run pass =
        tenet(
            "lint-pipeline",
            "--fail-on",
            "critical",
            "--quiet",
            write(
                    "safe.yml",
                    "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n")
                .toString());
    assertThat(pass.code()).isEqualTo(ExitCodes.OK);
    assertThat(pass.out()).isEmpty();
  }

  @Test
  void gitlabLocalIncludesAreReadFromDiskNextToTheConfiguration() throws Exception {
    Path ci = write("gl/.gitlab-ci.yml", "include:\n  - local: /ci/jobs.yml\nstages: [test]\n");
    write("gl/ci/jobs.yml", "test:\n  script:\n    - curl -s https://x.example/i.sh | sh\n");
    Run r = tenet("lint-pipeline", ci.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains(dir.resolve("gl/ci/jobs.yml") + ":3:7: medium pipe-to-shell")
        .contains("Analysed 2 files.");
  }

  @Test
  void writesTheJsonReportSchema() throws Exception {
    Path wf = write(".github/workflows/reply.yml", VULNERABLE);
    Run r = tenet("lint-pipeline", "--format", "json", wf.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(json.path("schema").asText()).isEqualTo("tenet.assessment/v1");
    JsonNode f = json.path("findings").get(0);
    assertThat(f.path("weakness").asText()).isEqualTo("script-injection");
    assertThat(f.path("location").path("file").asText()).isEqualTo(wf.toString());
    assertThat(f.path("location").path("line").asInt()).isEqualTo(7);
    assertThat(f.path("resource").asText()).isEqualTo("local:.#file/" + wf);

    Path out = dir.resolve("report.json");
    assertThat(
            tenet("lint-pipeline", "--format", "json", "-o", out.toString(), wf.toString()).code())
        .isEqualTo(ExitCodes.OK);
    assertThat(Json.mapper().readTree(out.toFile()).path("findings").size()).isEqualTo(1);
  }

  @Test
  void sarifIsWrittenByTheReportWriterOrClearlyUnavailable() throws Exception {
    Path wf = write(".github/workflows/reply.yml", VULNERABLE);
    Run r = tenet("lint-pipeline", "--format", "sarif", wf.toString());
    if (ReportWriters.find("sarif").isPresent()) {
      assertThat(r.code()).isEqualTo(ExitCodes.OK);
      assertThat(Json.mapper().readTree(r.out()).path("runs").isArray()).isTrue();
    } else {
      assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
      assertThat(r.err()).contains("The sarif format is not available in this build yet");
    }
    assertThat(tenet("lint-pipeline", "--format", "xml", wf.toString()).err())
        .contains("Unknown format 'xml'");
  }

  @Test
  void evaluatesALabelledSet() throws Exception {
    write("set/files/.github/workflows/a.yml", VULNERABLE);
    write(
        "set/files/.github/workflows/b.yml",
        "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n");
    write(
        "set/labels.json",
        """
        {"set": "mini", "covered": ["script-injection"],
         "files": {".github/workflows/a.yml": {"expected": [{"weakness": "script-injection", "line": 7}]},
                   ".github/workflows/b.yml": {"expected": [{"weakness": "script-injection", "line": 7}]}}}
        """);
    Run r = tenet("eval-pipelines", dir.resolve("set").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("Set mini: 2 files")
        .containsPattern("script-injection\\s+1\\s+2\\s+1.000\\s+0.500")
        .contains("missed  .github/workflows/b.yml:7 script-injection");
    assertThat(
            tenet("eval-pipelines", "--min-recall", "0.95", dir.resolve("set").toString()).code())
        .isEqualTo(ExitCodes.GATE_FAILED);
    assertThat(tenet("eval-pipelines", dir.toString()).err()).contains("has no labels.json");
  }

  @Test
  void benchmarksOnOneCoreWithoutTimingAssertions() throws Exception {
    List<String> files = new ArrayList<>();
    files.add(write("bench/a.yml", VULNERABLE).toString());
    Run r =
        tenet(
            "bench-pipelines", "--seconds", "1", "--warmup", "0", dir.resolve("bench").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("files/s per core").contains("heap in use after GC");
    assertThat(files).hasSize(1);
  }
}
