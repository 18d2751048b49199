package dev.tenet.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.store.credentials.CredentialStore;
import dev.tenet.core.store.credentials.Keychain;
import dev.tenet.core.store.credentials.PassphraseSource;
import dev.tenet.core.store.credentials.Vault;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Testing a credential against GitHub: accepted or not, and whether it can do more than read. */
class CredentialServiceTest {
  static final String GOOD = "ghp_ServiceTestGood0123456789abcdefABCDE";

  @TempDir Path dir;
  HttpServer server;
  volatile String scopes;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.createContext(
        "/api/",
        e -> {
          boolean ok = ("Bearer " + GOOD).equals(e.getRequestHeaders().getFirst("Authorization"));
          String path = e.getRequestURI().getPath();
          byte[] body =
              (!ok
                      ? "{\"message\":\"Bad credentials\"}"
                      : path.endsWith("/user") ? "{\"login\":\"alice\"}" : "{\"resources\":{}}")
                  .getBytes(StandardCharsets.UTF_8);
          if (ok && scopes != null) {
            e.getResponseHeaders().set("X-OAuth-Scopes", scopes);
          }
          e.getResponseHeaders().set("Content-Type", "application/json");
          e.sendResponseHeaders(ok ? 200 : 401, body.length);
          try (OutputStream out = e.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  CredentialService service(Map<String, String> env) {
    Keychain none =
        new Keychain() {
          @Override
          public Optional<String> unavailable() {
            return Optional.of("No OS keychain is reachable here.");
          }

          @Override
          public Optional<Secret> read(String name) {
            return Optional.empty();
          }

          @Override
          public void write(String name, Secret secret) {}

          @Override
          public boolean delete(String name) {
            return false;
          }
        };
    Workspace workspace = new Workspace(dir.resolve("tenet.db"));
    return new CredentialService(
        new CredentialStore(
            dir.resolve("credentials.json"),
            none,
            new Vault(dir.resolve("vault.tenet")),
            PassphraseSource.environment(env),
            env,
            Clock.systemUTC()),
        new AuditService(workspace, Clock.systemUTC(), "alice"),
        HttpPolicy.defaults(),
        env);
  }

  String api() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
  }

  @Test
  void aClassicTokenWithWriteScopesIsAcceptedAndFlagged() throws Exception {
    scopes = "read:org, repo, admin:org";
    CredentialService.TestResult r = service(Map.of("GH", GOOD)).test("env:GH", "github", api());
    assertThat(r.accepted()).isTrue();
    assertThat(r.login()).isEqualTo("alice");
    assertThat(r.scopes()).containsExactly("read:org", "repo", "admin:org");
    assertThat(r.broaderScopes()).containsExactly("repo", "admin:org");
    assertThat(r.detail())
        .startsWith("It can do more than read (repo, admin:org); Tenet needs read access only");
  }

  @Test
  void readOnlyAndFineGrainedTokensAreToldApart() throws Exception {
    scopes = "read:org, read:user";
    assertThat(service(Map.of("GH", GOOD)).test("env:GH", "github", api()).detail())
        .isEqualTo("Read-only scopes.");
    scopes = null;
    assertThat(service(Map.of("GH", GOOD)).test("env:GH", "github", api()).detail())
        .startsWith("A fine-grained or app token");
  }

  @Test
  void aRejectedTokenIsReportedNotThrown() throws Exception {
    CredentialService.TestResult r = service(Map.of("GH", GOOD + "x")).test("GH", "github", api());
    assertThat(r.accepted()).isFalse();
    assertThat(r.detail()).isEqualTo("GitHub rejected the token (401).");
  }

  @Test
  void otherPlatformsAndMissingVariablesAreOneSentence() {
    assertThatThrownBy(() -> service(Map.of()).test("env:GL", "gitlab", api()))
        .hasMessage("Testing gitlab credentials is not supported yet.");
    assertThatThrownBy(() -> service(Map.of()).test("GITHUB_TOKEN", "github", api()))
        .hasMessageStartingWith("No GitHub token: set the environment variable GITHUB_TOKEN");
  }
}
