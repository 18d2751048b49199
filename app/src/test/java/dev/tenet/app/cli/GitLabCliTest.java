package dev.tenet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.GitLabEmulator;
import dev.tenet.connectors.emulator.SampleGroup;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.core.util.Json;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet scan --gitlab}: GitLab on its own, beside GitHub, and in the demo. */
class GitLabCliTest {
  private static final String TOKEN = "glpat-cli-test-token-00000000";

  @TempDir Path home;

  @Test
  void scansAGitLabGroupAtTheGivenAddressWithTheTokenFromTheEnvironment() throws Exception {
    try (GitLabEmulator gitlab = GitLabEmulator.start(SampleGroup.demo(), TOKEN)) {
      Path report = home.resolve("gitlab.json");
      CliRun run =
          CliRun.run(
              home,
              Map.of("GITLAB_TOKEN", TOKEN),
              "scan",
              "--gitlab",
              "acme",
              "--gitlab-url",
              gitlab.url().toString(),
              "--json",
              report.toString());
      assertThat(run.code).as(run.toString()).isZero();
      assertThat(run.err).contains("Scanning gitlab acme at " + gitlab.url());
      JsonNode json = Json.mapper().readTree(report.toFile());
      assertThat(json.path("scope").get(0).path("platform").asText()).isEqualTo("gitlab");
      assertThat(json.path("scope").get(0).path("baseUrl").asText())
          .isEqualTo(gitlab.url().toString());
      Set<String> resources = new HashSet<>();
      json.path("findings").forEach(f -> resources.add(f.path("resource").asText()));
      assertThat(resources)
          .contains("gitlab:acme", "gitlab:acme/sandbox/experiments#branch/main")
          .allMatch(r -> r.startsWith("gitlab:acme"));
      assertThat(json.path("stats").path("apiRequests").asInt()).isEqualTo(gitlab.requestCount());
      assertThat(run.out + run.err).doesNotContain(TOKEN);
    }
  }

  @Test
  void eachTokenEnvBelongsToTheConnectionBeforeIt() throws Exception {
    try (GitLabEmulator gitlab = GitLabEmulator.start(SampleGroup.demo(), TOKEN);
        GitHubEmulator github = GitHubEmulator.start(SampleOrganization.demo(), "ghp_cli_token")) {
      Path report = home.resolve("both.json");
      CliRun run =
          CliRun.run(
              home,
              Map.of("GL_READ", TOKEN, "GH_READ", "ghp_cli_token"),
              "-q",
              "scan",
              "--gitlab",
              "acme",
              "--gitlab-url",
              gitlab.url().toString(),
              "--token-env",
              "GL_READ",
              "--github",
              "acme-corp",
              "--github-url",
              github.apiUrl().toString(),
              "--token-env",
              "GH_READ",
              "--json",
              report.toString());
      assertThat(run.code).as(run.toString()).isZero();
      JsonNode json = Json.mapper().readTree(report.toFile());
      Set<String> platforms = new HashSet<>();
      json.path("findings").forEach(f -> platforms.add(f.path("resource").asText().split(":")[0]));
      assertThat(platforms).contains("github", "gitlab");
      assertThat(json.path("scope")).hasSize(2);
    }
  }

  @Test
  void usageAndTokenMistakesAreOneSentence() {
    CliRun missing = CliRun.run(home, Map.of(), "scan", "--gitlab", "acme");
    assertThat(missing.code).isEqualTo(1);
    assertThat(missing.err.strip())
        .isEqualTo(
            "tenet: No GitLab token: set the environment variable GITLAB_TOKEN to a read-only"
                + " token (see docs/PERMISSIONS.md), name another with --token-env, or use a stored one with"
                + " --credential NAME.");
    CliRun early = CliRun.run(home, Map.of(), "scan", "--token-env", "X", "--gitlab", "acme");
    assertThat(early.code).isEqualTo(2);
    assertThat(early.err).contains("--token-env names the token of the connection before it");
    CliRun plain =
        CliRun.run(
            home,
            Map.of("GITLAB_TOKEN", TOKEN),
            "scan",
            "--gitlab",
            "acme",
            "--gitlab-url",
            "http://gitlab.example.com");
    assertThat(plain.code).isEqualTo(1);
    assertThat(plain.err).contains("HTTPS").doesNotContain(TOKEN).doesNotContain("\tat ");
  }

  @Test
  void theDemoScansGitLabBesideGitHub() throws Exception {
    Path report = home.resolve("demo.json");
    CliRun run = CliRun.run(home, Map.of(), "scan", "--demo", "--json", report.toString());
    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.err).contains("Scanning github acme-corp").contains("Scanning gitlab acme");
    JsonNode json = Json.mapper().readTree(report.toFile());
    Set<String> resources = new HashSet<>();
    json.path("findings").forEach(f -> resources.add(f.path("resource").asText()));
    assertThat(resources)
        .anyMatch(r -> r.startsWith("github:acme-corp"))
        .contains("gitlab:acme/sandbox/experiments#variable/DEPLOY_TOKEN")
        .doesNotContain("gitlab:acme/sandbox/experiments#variable/LOG_LEVEL");
  }
}
