package dev.tenet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.AppContext;
import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.store.DataPaths;
import dev.tenet.core.store.credentials.Keychain;
import dev.tenet.core.store.credentials.PassphraseSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenet credentials}, {@code audit} and {@code forget} through the real command line, on a
 * machine without an OS keychain (like this one): the vault takes the tokens.
 */
class SecurityCommandsTest {
  static final String TOKEN = "ghp_CliTestToken0123456789abcdefABCDEFGHI";

  @TempDir Path home;
  GitHubEmulator github;
  final Map<String, String> env =
      new HashMap<>(Map.of("TENET_VAULT_PASSPHRASE", "cli test passphrase"));

  /** No keychain answers here, as on a Linux machine without a Secret Service. */
  static final Keychain NO_KEYCHAIN =
      new Keychain() {
        @Override
        public Optional<String> unavailable() {
          return Optional.of("No OS keychain is reachable here.");
        }

        @Override
        public Optional<Secret> read(String name) {
          throw new AssertionError("the keychain was used although it is unavailable");
        }

        @Override
        public void write(String name, Secret secret) {
          throw new AssertionError("the keychain was used although it is unavailable");
        }

        @Override
        public boolean delete(String name) {
          throw new AssertionError("the keychain was used although it is unavailable");
        }
      };

  record Run(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  @BeforeEach
  void start() {
    github = GitHubEmulator.start(SampleOrganization.demo(), TOKEN);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  Run tenet(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code =
        TenetCli.run(
            args,
            db ->
                new AppContext(
                    new DataPaths(home),
                    db != null ? db : home.resolve("tenet.db"),
                    env,
                    Clock.systemUTC(),
                    NO_KEYCHAIN,
                    PassphraseSource.environment(env)),
            (context, demo) -> 0,
            new ByteArrayInputStream(
                stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8)),
            out,
            new PrintWriter(err, true));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  @Test
  void aRegistryTokenComesFromTheVaultAndOnlyGoesToItsHost() throws Exception {
    String registryToken = "registry-vault-token-0123456789";
    try (dev.tenet.connectors.emulator.RegistryEmulator registry =
        dev.tenet.connectors.emulator.RegistryEmulator.start(
            dev.tenet.connectors.emulator.SampleRegistry.fromYaml(
                """
                registry:
                  host: unused.example
                  user: ci-reader
                  repositories:
                    - name: acme-corp/payments-api
                      tags:
                        - { tag: v1.0.0, signature: none }
                """),
            registryToken)) {
      String url = registry.url().toString();
      assertThat(addCredential("reg", registryToken, registry.url().getHost()).code()).isZero();
      Path report = home.resolve("registry.json");
      Run scan = scanRegistry(url, "reg", "--json", report.toString());
      assertThat(scan.code()).as(scan.all()).isZero();
      assertThat(scan.all()).doesNotContain(registryToken);
      assertThat(Files.readString(report))
          .contains("acme-corp/payments-api#tag/v1.0.0")
          .doesNotContain(registryToken);

      // A credential stored for another host is never sent to this one.
      assertThat(addCredential("elsewhere", registryToken, "registry.acme.example").code())
          .isZero();
      Run refused = scanRegistry(url, "elsewhere");
      assertThat(refused.code()).isEqualTo(ExitCodes.FAILED);
      assertThat(refused.err())
          .contains("'elsewhere' is bound to registry.acme.example")
          .contains("will not send it to " + registry.url().getHost());
    }
  }

  private Run addCredential(String name, String token, String host) {
    return tenet(token + "\n", "credentials", "add", name, "--stdin", "--host", host);
  }

  private Run scanRegistry(String url, String credential, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "scan",
                "--registry",
                url,
                "--credential",
                credential,
                "--registry-user",
                "ci-reader",
                "--quiet"));
    args.addAll(List.of(more));
    return tenet(null, args.toArray(String[]::new));
  }

  @Test
  void addListUseAndRemoveAVaultCredential() throws Exception {
    Run add = tenet(TOKEN + "\n", "credentials", "add", "gh", "--stdin", "--host", "127.0.0.1");
    assertThat(add.code()).as(add.all()).isZero();
    assertThat(add.out())
        .contains(
            "No OS keychain here, so it went to the encrypted vault " + home.resolve("vault.tenet"))
        .contains(
            "Stored 'gh' in the encrypted vault, for 127.0.0.1 only. Scan with --credential gh.");

    Run list = tenet(null, "credentials", "list");
    assertThat(list.out()).containsPattern("gh\\s+vault\\s+127\\.0\\.0\\.1");
    assertThat(tenet(null, "credentials", "list", "--json").out())
        .contains("\"reference\" : \"vault:gh\"");

    Run scan =
        tenet(
            null,
            "scan",
            "--github",
            "acme-corp",
            "--github-url",
            github.apiUrl().toString(),
            "--credential",
            "gh",
            "--quiet");
    assertThat(scan.code()).as(scan.all()).isZero();

    Run test = tenet(null, "credentials", "test", "gh", "--github-url", github.apiUrl().toString());
    assertThat(test.code()).as(test.all()).isZero();
    // The emulator now answers /user and /rate_limit as GitHub does: the account and the
    // classic scopes (repo can write) are named.
    assertThat(test.out())
        .startsWith("127.0.0.1: accepted (tenet-scanner); scopes: read:org, repo.")
        .contains("It can do more than read (repo)");

    Run remove = tenet(null, "credentials", "remove", "gh");
    assertThat(remove.code()).isZero();
    assertThat(remove.out()).startsWith("Removed 'gh' from the encrypted vault.");
    assertThat(tenet(null, "credentials", "list").out()).contains("No stored credentials.");

    Run audit = tenet(null, "audit", "--json");
    assertThat(audit.out())
        .contains(
            "\"schema\" : \"tenet.audit/v1\"",
            "credential.added",
            "scan.started",
            "scan.finished",
            "credential.removed")
        .doesNotContain(TOKEN);
    for (Run r : List.of(add, list, scan, test, remove, audit)) {
      assertThat(r.all()).doesNotContain(TOKEN);
    }
  }

  @Test
  void aCredentialBoundToAnotherHostIsNotSentHere() {
    tenet(TOKEN, "credentials", "add", "gh", "--stdin", "--host", "api.github.com");
    Run scan =
        tenet(
            null,
            "scan",
            "--github",
            "acme-corp",
            "--github-url",
            github.apiUrl().toString(),
            "--credential",
            "gh");
    assertThat(scan.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(scan.err())
        .isEqualTo(
            "tenet: The credential 'gh' is bound to api.github.com; Tenet will not send it to"
                + " 127.0.0.1.\n");
    assertThat(github.requestCount()).isZero();
  }

  @Test
  void aWrongVaultPassphraseIsOneSentenceAndNoRequest() {
    tenet(TOKEN, "credentials", "add", "gh", "--stdin");
    env.put("TENET_VAULT_PASSPHRASE", "not the passphrase");
    Run scan =
        tenet(
            null,
            "scan",
            "--github",
            "acme-corp",
            "--github-url",
            github.apiUrl().toString(),
            "--credential",
            "vault:gh");
    assertThat(scan.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(scan.err())
        .isEqualTo(
            "tenet: The passphrase does not open the vault "
                + home.resolve("vault.tenet")
                + "; it was left unchanged.\n");
    assertThat(github.requestCount()).isZero();
  }

  @Test
  void tokensAreNeverTakenAsArgumentsNorEchoed() {
    Run asName = tenet(null, "credentials", "add", TOKEN);
    assertThat(asName.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(asName.err())
        .startsWith("tenet: That looks like a token itself")
        .doesNotContain(TOKEN);

    Run asOption = tenet(null, "credentials", "add", "gh", "--token", TOKEN);
    assertThat(asOption.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(asOption.err()).doesNotContain(TOKEN).contains("Unknown option", "[redacted]");

    Run asCredential =
        tenet(
            null,
            "scan",
            "--github",
            "acme-corp",
            "--github-url",
            github.apiUrl().toString(),
            "--credential",
            TOKEN);
    assertThat(asCredential.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(asCredential.err())
        .startsWith("tenet: That looks like a token itself")
        .doesNotContain(TOKEN);
    assertThat(github.requestCount()).isZero();

    Run noTerminal = tenet(null, "credentials", "add", "gh");
    assertThat(noTerminal.err())
        .isEqualTo(
            "tenet: No terminal to ask for the token in: pipe it in with --stdin (never as an"
                + " argument).\n");
  }

  @Test
  void askingForTheMissingKeychainSaysWhatToDoInstead() {
    Run add = tenet(TOKEN, "credentials", "add", "gh", "--stdin", "--store", "keychain");
    assertThat(add.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(add.err()).isEqualTo("tenet: No OS keychain is reachable here.\n");
    assertThat(home.resolve("vault.tenet")).doesNotExist();
  }

  @Test
  void forgetRemovesTheOrganizationsAssessmentsAndCachedResponses() throws Exception {
    env.put("GITHUB_TOKEN", TOKEN);
    Run scan =
        tenet(
            null,
            "scan",
            "--github",
            "acme-corp",
            "--github-url",
            github.apiUrl().toString(),
            "--quiet");
    assertThat(scan.code()).as(scan.all()).isZero();
    assertThat(cacheEntries()).isPositive();

    Run unconfirmed = tenet(null, "forget", "github:acme-corp");
    assertThat(unconfirmed.err())
        .isEqualTo(
            "tenet: Forgetting cannot be undone: confirm with --yes when no terminal can ask.\n");
    assertThat(tenet(null, "forget", "acme-corp", "--yes").err())
        .startsWith("tenet: Name the organization as PLATFORM:NAME");

    Run forget = tenet(null, "forget", "github:acme-corp", "--yes");
    assertThat(forget.code()).as(forget.all()).isZero();
    assertThat(forget.out()).startsWith("Forgot github:acme-corp: 1 assessment(s), ");
    assertThat(cacheEntries()).isZero();
    assertThat(tenet(null, "history").out()).contains("No assessments yet.");
    String db =
        new String(Files.readAllBytes(home.resolve("tenet.db")), StandardCharsets.ISO_8859_1);
    assertThat(db).doesNotContain("acme-corp");
    assertThat(tenet(null, "audit").out())
        .contains("organization.forgotten", "[forgotten]")
        .doesNotContain("acme-corp");
  }

  @Test
  void auditFiltersAndExports() throws Exception {
    tenet(TOKEN, "credentials", "add", "a", "--stdin");
    tenet(TOKEN, "credentials", "add", "b", "--stdin");
    assertThat(tenet(null, "audit", "--action", "credential.added", "--limit", "1").out())
        .contains(" b\n")
        .doesNotContain(" a\n");
    assertThat(tenet(null, "audit", "--action", "bogus").err())
        .startsWith("tenet: Unknown action 'bogus': choose one of scan.started,");
    assertThat(tenet(null, "audit", "--since", "2999-01-01").out())
        .contains("The audit trail is empty.");
    assertThat(tenet(null, "audit", "--since", "yesterday").err())
        .startsWith("tenet: --since takes a date");
    Path export = home.resolve("audit.json");
    assertThat(tenet(null, "audit", "-o", export.toString()).code()).isZero();
    assertThat(Files.readString(export)).contains("\"events\"", "\"actor\"");
  }

  private long cacheEntries() throws Exception {
    Path cache = home.resolve("cache");
    if (!Files.exists(cache)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(cache)) {
      return files.filter(f -> f.toString().endsWith(".gz")).count();
    }
  }
}
