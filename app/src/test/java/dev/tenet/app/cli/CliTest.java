package dev.tenet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.core.util.Json;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: real engine, real store, the GitHub emulator as the platform. */
class CliTest {
  @TempDir Path home;

  @Test
  void demoScanWritesTheSpecJsonWithStableIdsAndStoresTheAssessment() throws Exception {
    Path report = home.resolve("out.json");
    CliRun scan = CliRun.run(home, Map.of(), "scan", "--demo", "--json", report.toString());

    assertThat(scan.code).as(scan.toString()).isZero();
    assertThat(scan.out).contains("overall").contains("stored in " + home.resolve("tenet.db"));
    assertThat(scan.err).contains("Scanning github acme-corp").contains("31/31");
    JsonNode json = Json.mapper().readTree(report.toFile());
    assertThat(json.path("schema").asText()).isEqualTo("tenet.assessment/v1");
    assertThat(json.path("assessment").path("tool").asText()).startsWith("tenet ");
    assertThat(json.path("scope").get(0).path("target").asText()).isEqualTo("acme-corp");
    assertThat(json.path("score").path("overall").isInt()).isTrue();
    for (String pillar :
        new String[] {
          "identity", "secrets", "least-privilege", "segmentation", "integrity", "monitoring"
        }) {
      assertThat(json.path("score").path("pillars").has(pillar)).as(pillar).isTrue();
    }
    JsonNode findings = json.path("findings");
    assertThat(findings.size()).isGreaterThan(5);
    Set<String> ids = new HashSet<>();
    for (JsonNode f : findings) {
      assertThat(ids.add(f.path("id").asText())).isTrue();
      assertThat(f.path("weakness").asText()).isNotBlank();
      // The demo organization, its GitLab group, AWS account, EKS cluster and registry.
      assertThat(f.path("resource").asText())
          .matches(
              "^(github:acme-corp|gitlab:acme|aws:123456789012|k8s:acme-prod-eks"
                  + "|oci:registry\\.acme-corp\\.example)([/#].*)?$");
      assertThat(f.path("frameworks").path("owasp").isArray()).isTrue();
    }
    assertThat(findings)
        .anySatisfy(
            f ->
                assertThat(f.path("resource").asText())
                    .isEqualTo("github:acme-corp/docs-site#branch/main"));
    assertThat(json.path("frameworks").path("owasp").path("CICD-SEC-1").path("status").asText())
        .isEqualTo("fail");

    // The second scan of an unchanged organization gives the same finding ids.
    Path second = home.resolve("second.json");
    assertThat(CliRun.run(home, Map.of(), "-q", "scan", "--demo", "--json", second.toString()).code)
        .isZero();
    Set<String> secondIds = new HashSet<>();
    Json.mapper()
        .readTree(second.toFile())
        .path("findings")
        .forEach(f -> secondIds.add(f.path("id").asText()));
    assertThat(secondIds).isEqualTo(ids);

    CliRun history = CliRun.run(home, Map.of(), "history");
    assertThat(history.code).isZero();
    assertThat(history.out.lines().filter(l -> l.matches("^\\d{8}T\\d{6}Z-[0-9a-f]{6} .*")))
        .hasSize(2);

    CliRun diff = CliRun.run(home, Map.of(), "diff");
    assertThat(diff.code).as(diff.toString()).isZero();
    assertThat(diff.out).contains("No change");

    CliRun stdout = CliRun.run(home, Map.of(), "report", "--format", "json");
    assertThat(stdout.code).isZero();
    assertThat(Json.mapper().readTree(stdout.out))
        .isEqualTo(Json.mapper().readTree(second.toFile()));
  }

  @Test
  void everyCommandAnswersHelpAsItsUsageErrorsSay() {
    CliRun wrong = CliRun.run(home, Map.of(), "scan", "--bogus");
    assertThat(wrong.err).contains("See 'tenet scan --help' for the usage.");
    for (String[] command :
        new String[][] {
          {"scan"},
          {"report"},
          {"verify"},
          {"history"},
          {"diff"},
          {"paths"},
          {"credentials", "add"},
          {"lint-pipeline"}
        }) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      CliRun help = CliRun.run(home, Map.of(), args);
      assertThat(help.code).as(String.join(" ", args) + ": " + help).isZero();
      assertThat(help.out).startsWith("Usage: tenet " + String.join(" ", command) + " ");
    }
  }

  @Test
  void gatesExitThreeAndUsageErrorsExitTwo() {
    CliRun gated = CliRun.run(home, Map.of(), "-q", "scan", "--demo", "--fail-on", "high");
    assertThat(gated.code).as(gated.toString()).isEqualTo(3);
    assertThat(gated.err).contains("Gate failed").contains("severity high or worse");

    assertThat(CliRun.run(home, Map.of(), "-q", "scan", "--demo", "--fail-under", "0").code)
        .isZero();
    assertThat(CliRun.run(home, Map.of(), "-q", "scan", "--demo", "--fail-under", "100").code)
        .isEqualTo(3);

    CliRun bad = CliRun.run(home, Map.of(), "scan", "--demo", "--fail-under", "101");
    assertThat(bad.code).isEqualTo(2);
    assertThat(bad.err).contains("--fail-under takes a score from 0 to 100");
    assertThat(CliRun.run(home, Map.of(), "scan", "--demo", "--fail-on", "urgent").code)
        .isEqualTo(2);
    assertThat(CliRun.run(home, Map.of(), "scan").err).contains("Nothing to scan");
    assertThat(CliRun.run(home, Map.of(), "scan", "--no-such-flag").code).isEqualTo(2);
  }

  @Test
  void aMissingTokenIsOneSentenceAndExitOne() {
    CliRun run = CliRun.run(home, Map.of(), "scan", "--github", "acme-corp");
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.strip())
        .isEqualTo(
            "tenet: No GitHub token: set the environment variable GITHUB_TOKEN to a read-only"
                + " token (see docs/PERMISSIONS.md), name another with --token-env, use a stored"
                + " one with --credential NAME, or set GITHUB_APP_ID and"
                + " GITHUB_APP_PRIVATE_KEY_FILE for a GitHub App.");
    CliRun other =
        CliRun.run(
            home,
            Map.of("GITHUB_TOKEN", "x"),
            "scan",
            "--github",
            "a",
            "--token-env",
            "ACME_TOKEN");
    assertThat(other.err).contains("environment variable ACME_TOKEN");
  }

  @Test
  void wrongUrlsAndUnreachableHostsAreOneSentenceAndLeaveTheStoreIntact() throws Exception {
    assertThat(CliRun.run(home, Map.of(), "-q", "scan", "--demo").code).isZero();
    Map<String, String> env = Map.of("GITHUB_TOKEN", "ghp_canary0000000000000000000000000000");

    CliRun plainHttp =
        CliRun.run(
            home,
            env,
            "scan",
            "--github",
            "acme",
            "--github-url",
            "http://github.example.com/api/v3");
    assertThat(plainHttp.code).isEqualTo(1);
    assertThat(plainHttp.err)
        .contains("Tenet sends tokens over HTTPS only")
        .doesNotContain("Exception");

    CliRun garbage = CliRun.run(home, env, "scan", "--github", "acme", "--github-url", "not a url");
    assertThat(garbage.code).isEqualTo(1);
    assertThat(garbage.err).contains("is not a valid").doesNotContain("\tat ");

    HttpServer notGitHub =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    notGitHub.createContext(
        "/",
        ex -> {
          byte[] page =
              "<html><body>Welcome to nginx!</body></html>".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, page.length);
          ex.getResponseBody().write(page);
          ex.close();
        });
    notGitHub.start();
    try {
      CliRun wrong =
          CliRun.run(
              home,
              env,
              "scan",
              "--github",
              "acme",
              "--github-url",
              "http://127.0.0.1:" + notGitHub.getAddress().getPort());
      assertThat(wrong.code).isEqualTo(1);
      assertThat(wrong.err).contains("does not answer like the GitHub API").doesNotContain("\tat ");
    } finally {
      notGitHub.stop(0);
    }

    int freePort;
    try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freePort = socket.getLocalPort();
    }
    CliRun unreachable =
        CliRun.run(
            home, env, "scan", "--github", "acme", "--github-url", "http://127.0.0.1:" + freePort);
    assertThat(unreachable.code).isEqualTo(1);
    assertThat(unreachable.err.lines().filter(l -> l.startsWith("tenet:")).count()).isEqualTo(1);
    assertThat(unreachable.err).doesNotContain("\tat ");
    assertThat(unreachable.err).contains("Cannot reach GitHub").contains("connection refused");

    try (GitHubEmulator emulator =
        GitHubEmulator.start(SampleOrganization.demo(), "the-right-token")) {
      CliRun rejected =
          CliRun.run(
              home,
              env,
              "scan",
              "--github",
              "acme-corp",
              "--github-url",
              emulator.apiUrl().toString());
      assertThat(rejected.code).isEqualTo(1);
      assertThat(rejected.err).contains("rejected the token").contains("401");
      CliRun missingOrg =
          CliRun.run(
              home,
              Map.of("GITHUB_TOKEN", "the-right-token"),
              "scan",
              "--github",
              "no-such-org",
              "--github-url",
              emulator.apiUrl().toString());
      assertThat(missingOrg.err).contains("GitHub organization 'no-such-org' was not found");
    }
    for (String err : new String[] {plainHttp.err, garbage.err, unreachable.err}) {
      assertThat(err).doesNotContain("ghp_canary");
    }
    assertThat(
            CliRun.run(home, Map.of(), "history").out.lines().filter(l -> l.matches("^\\d{8}T.*")))
        .hasSize(1);
  }

  @Test
  void anUnusableDatabaseLocationIsOneSentence() throws Exception {
    Path file = home.resolve("a-file");
    Files.writeString(file, "x");
    CliRun run =
        CliRun.run(home, Map.of(), "scan", "--demo", "--db", file.resolve("tenet.db").toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.strip())
        .startsWith("tenet: Cannot create the folder " + file)
        .doesNotContain("\tat ");
  }

  @Test
  void historyAndReportExplainAnEmptyStore() {
    assertThat(CliRun.run(home, Map.of(), "history").out).contains("No assessments yet");
    CliRun report = CliRun.run(home, Map.of(), "report");
    assertThat(report.code).isEqualTo(1);
    assertThat(report.err).contains("No assessment is stored").contains("tenet scan");
  }

  @Test
  void rulesListTheCatalogAndGuiCommandsOpenTheConsole() throws Exception {
    CliRun rules = CliRun.run(home, Map.of(), "rules");
    assertThat(rules.code).isZero();
    assertThat(rules.out)
        .contains("GH-BRANCH-001")
        .contains("branch-unprotected")
        .contains("CICD-SEC-1");
    JsonNode json = Json.mapper().readTree(CliRun.run(home, Map.of(), "rules", "--json").out);
    assertThat(json.size()).isGreaterThan(5);
    assertThat(Files.exists(home.resolve("tenet.db"))).as("rules never touch the store").isFalse();

    CliRun.DESKTOP_OPENED.clear();
    assertThat(CliRun.run(home, Map.of()).code).isZero();
    assertThat(CliRun.run(home, Map.of(), "demo").code).isZero();
    assertThat(CliRun.DESKTOP_OPENED).containsExactly(false, true);
    assertThat(CliRun.run(home, Map.of(), "--version").out).startsWith("tenet ");
  }

  @Test
  void benchConsoleChecksItsArgumentsAndGoesThroughTheDesktopSeam() {
    CliRun bad = CliRun.run(home, Map.of(), "bench-console", "--findings", "0");
    assertThat(bad.code).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err).contains("--findings takes a number from 1 to 2000000.");
    // The test launcher has no console: the seam says so in one sentence.
    CliRun none = CliRun.run(home, Map.of(), "bench-console", "--no-startup");
    assertThat(none.code).isEqualTo(1);
    assertThat(none.out).contains("not available");
  }
}
