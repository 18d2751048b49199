package dev.tenet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.emulator.OciArtifacts;
import dev.tenet.connectors.emulator.RegistryEmulator;
import dev.tenet.connectors.emulator.SampleRegistry;
import dev.tenet.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet scan --registry}: a registry on its own, its options, history and errors. */
class RegistryCliTest {
  private static final String TOKEN = "registry-cli-token-0000000";

  private static final String SAMPLE =
      """
      registry:
        host: unused.example
        user: ci-reader
        repositories:
          - name: acme-corp/payments-api
            tags:
              - { tag: v2.0.0, rebuilt: true, signature: trusted,
                  provenance: { source: https://github.com/acme-corp/payments-api,
                                workflow: .github/workflows/release.yml,
                                builder: https://github.com/actions/runner/github-hosted } }
              - { tag: v1.9.0, signature: none }
          - name: acme-corp/tools
            anonymous_pull: true
            tags:
              - { tag: 0.1.0, signature: untrusted }
      """;

  @TempDir Path home;

  private List<String> args(RegistryEmulator registry, Path key, String... more) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "scan",
            "--registry",
            registry.url().toString(),
            "--token-env",
            "REGISTRY_READ",
            "--registry-user",
            "ci-reader",
            "--registry-key",
            key.toString(),
            "--registry-trust",
            "github.com/acme-corp"));
    args.addAll(List.of(more));
    return args;
  }

  private Path key(RegistryEmulator registry) throws Exception {
    Path key = home.resolve("cosign.pub");
    Files.writeString(key, OciArtifacts.publicKeyPem(registry.releaseKey()));
    return key;
  }

  @Test
  void scansARegistryVerifiesWithTheGivenKeyAndSeesATagMoveOnTheNextScan() throws Exception {
    try (RegistryEmulator registry =
        RegistryEmulator.start(SampleRegistry.fromYaml(SAMPLE), TOKEN)) {
      String host = registry.url().getHost() + ":" + registry.url().getPort();
      Path report = home.resolve("first.json");
      CliRun run =
          CliRun.run(
              home,
              Map.of("REGISTRY_READ", TOKEN),
              args(registry, key(registry), "--json", report.toString()).toArray(String[]::new));
      assertThat(run.code).as(run.toString()).isZero();
      assertThat(run.out + run.err).doesNotContain(TOKEN);
      JsonNode json = Json.mapper().readTree(report.toFile());
      assertThat(json.path("scope").get(0).path("platform").asText()).isEqualTo("oci");
      assertThat(json.path("scope").get(0).path("target").asText()).isEqualTo(host);
      Map<String, String> byResource = new java.util.TreeMap<>();
      json.path("findings")
          .forEach(
              f ->
                  byResource.merge(
                      f.path("resource").asText(), f.path("rule").asText(), (a, b) -> a + "," + b));
      String prefix = "oci:" + host + "/acme-corp/";
      assertThat(byResource)
          .containsEntry(prefix + "payments-api#tag/v1.9.0", "REG-SIGN-001,REG-PROV-001")
          .containsEntry(prefix + "tools#tag/0.1.0", "REG-SIGN-001,REG-PROV-001")
          .containsEntry(prefix + "tools", "REG-ANON-001")
          .doesNotContainKey(prefix + "payments-api#tag/v2.0.0");

      // The pipeline rebuilds v2.0.0 under the same tag; the next scan compares with the stored
      // one.
      registry.rebuild();
      Path second = home.resolve("second.json");
      CliRun again =
          CliRun.run(
              home,
              Map.of("REGISTRY_READ", TOKEN),
              args(registry, key(registry), "-q", "--json", second.toString())
                  .toArray(String[]::new));
      assertThat(again.code).as(again.toString()).isZero();
      List<JsonNode> moved = new ArrayList<>();
      Json.mapper()
          .readTree(second.toFile())
          .path("findings")
          .forEach(
              f -> {
                if (f.path("rule").asText().equals("REG-TAG-002")) {
                  moved.add(f);
                }
              });
      assertThat(moved).hasSize(1);
      assertThat(moved.get(0).path("resource").asText())
          .isEqualTo(prefix + "payments-api#tag/v2.0.0");
      assertThat(moved.get(0).path("evidence").path("previous_digest").asText())
          .startsWith("sha256:");
      assertThat(moved.get(0).path("weakness").asText()).isEqualTo("registry-tag-mutable");
    }
  }

  @Test
  void registryOptionsBelongAfterARegistryAndErrorsAreOneSentence() throws Exception {
    CliRun orphan = CliRun.run(home, Map.of(), "scan", "--registry-user", "ci");
    assertThat(orphan.code).isEqualTo(ExitCodes.USAGE);
    assertThat(orphan.err).contains("--registry-user belongs to a registry");

    CliRun noUser =
        CliRun.run(
            home,
            Map.of("REG", TOKEN),
            "scan",
            "--registry",
            "https://registry.acme.example",
            "--token-env",
            "REG");
    assertThat(noUser.code).isEqualTo(ExitCodes.FAILED);
    assertThat(noUser.err)
        .contains("--registry-user NAME")
        .doesNotContain("Exception")
        .doesNotContain(TOKEN);

    CliRun unset =
        CliRun.run(
            home,
            Map.of(),
            "scan",
            "--registry",
            "https://registry.acme.example",
            "--token-env",
            "NOPE");
    assertThat(unset.code).isEqualTo(ExitCodes.FAILED);
    assertThat(unset.err).contains("set the environment variable NOPE");

    CliRun plainHttp =
        CliRun.run(home, Map.of(), "scan", "--registry", "http://registry.acme.example");
    assertThat(plainHttp.code).isEqualTo(ExitCodes.FAILED);
    assertThat(plainHttp.err).contains("HTTPS");

    Path notAKey = Files.writeString(home.resolve("key.txt"), "hello");
    CliRun badKey =
        CliRun.run(
            home,
            Map.of(),
            "scan",
            "--registry",
            "https://registry.acme.example",
            "--registry-key",
            notAKey.toString());
    assertThat(badKey.code).isEqualTo(ExitCodes.FAILED);
    assertThat(badKey.err).contains("public key").contains("key.txt");

    CliRun kind =
        CliRun.run(
            home,
            Map.of(),
            "scan",
            "--registry",
            "https://registry.acme.example",
            "--registry-kind",
            "quay");
    assertThat(kind.code).isEqualTo(ExitCodes.FAILED);
    assertThat(kind.err).contains("Unknown registry kind 'quay'");

    CliRun tags =
        CliRun.run(
            home, Map.of(), "scan", "--registry", "https://r.example", "--registry-tags", "0");
    assertThat(tags.code).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void theDemoShowsItsRegistryFindings() throws Exception {
    Path report = home.resolve("demo.json");
    CliRun run = CliRun.run(home, Map.of(), "-q", "scan", "--demo", "--json", report.toString());
    assertThat(run.code).as(run.toString()).isZero();
    JsonNode json = Json.mapper().readTree(report.toFile());
    List<String> rules = new ArrayList<>();
    json.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
    assertThat(rules).contains("REG-SIGN-001", "REG-PROV-001", "REG-ANON-001", "REG-TAG-002");
    assertThat(json.path("scope").findValuesAsText("platform")).contains("github", "gitlab", "oci");
  }
}
