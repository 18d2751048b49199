package dev.tenet.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.GitLabEmulator;
import dev.tenet.connectors.emulator.SampleGroup;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.credentials.Secret;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Connection tests against the platform emulators and a GitHub-shaped server with scopes. */
class ConnectionTesterTest {
  static final String TOKEN = "ghp_TesterToken0123456789abcdefABCDEFGH";

  static ConnectionTester tester(String token) {
    return new ConnectionTester((ref, target, name) -> Secret.of(token), HttpPolicy::defaults);
  }

  @Test
  void githubOwnerTokenIsNamedWithItsBudgetAndSeesEverythingOwnersSee() throws Exception {
    try (GitHubEmulator gh = GitHubEmulator.start(SampleOrganization.demo(), TOKEN)) {
      ConnectionTester.Report r =
          tester(TOKEN)
              .test(new ConnectionSpec("github", gh.apiUrl().toString(), "acme-corp", "env:X"));
      assertThat(r.accepted()).isTrue();
      assertThat(r.identity()).isEqualTo(GitHubEmulator.SCANNER);
      assertThat(r.role()).isEqualTo("organization owner");
      assertThat(r.rate().limit()).isEqualTo(5000);
      assertThat(r.rate().remaining()).isBetween(4900L, 5000L);
      assertThat(r.rate().resetsAt()).isAfter(Instant.now());
      // The emulator's token is a classic one with repo, which can write.
      assertThat(r.scopes()).containsExactly("read:org", "repo");
      assertThat(r.broaderScopes()).containsExactly("repo");
      assertThat(r.summary())
          .isEqualTo(
              "The token can do more than read (repo); Tenet needs read access only: prefer a"
                  + " fine-grained read-only token.");
      assertThat(r.cannotSee()).isEmpty();
    }
  }

  @Test
  void githubMemberTokenSaysWhatOnlyOwnersSee() throws Exception {
    try (GitHubEmulator gh =
        GitHubEmulator.start(SampleOrganization.demo(), TOKEN).ownerToken(false)) {
      ConnectionTester.Report r =
          tester(TOKEN)
              .test(new ConnectionSpec("github", gh.apiUrl().toString(), "acme-corp", "env:X"));
      assertThat(r.role()).isEqualTo("member (not an owner)");
      assertThat(r.cannotSee())
          .singleElement()
          .asString()
          .contains("two-factor")
          .contains("owners only");
    }
  }

  @Test
  void anUnknownOrganizationIsNamedAsInvisible() throws Exception {
    try (GitHubEmulator gh = GitHubEmulator.start(SampleOrganization.demo(), TOKEN)) {
      ConnectionTester.Report r =
          tester(TOKEN)
              .test(new ConnectionSpec("github", gh.apiUrl().toString(), "nobody-here", "env:X"));
      assertThat(r.accepted()).isTrue();
      assertThat(r.cannotSee()).singleElement().asString().contains("nobody-here itself");
    }
  }

  @Test
  void aRejectedTokenSaysSoInOneSentence() throws Exception {
    try (GitHubEmulator gh = GitHubEmulator.start(SampleOrganization.demo(), TOKEN)) {
      ConnectionTester.Report r =
          tester("ghp_WrongToken0123456789abcdefABCDEFGHIJ")
              .test(new ConnectionSpec("github", gh.apiUrl().toString(), "acme-corp", "env:X"));
      assertThat(r.accepted()).isFalse();
      assertThat(r.summary())
          .isEqualTo(
              "GitHub rejected the token (401): it is mistyped, expired or revoked; paste a new one.");
      assertThat(r.identity()).isNull();
    }
  }

  @Test
  void classicScopesThatWriteAreNamedAndMissingOnesExplained() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.createContext(
        "/",
        e -> {
          String path = e.getRequestURI().getPath();
          String body =
              path.equals("/rate_limit")
                  ? "{\"resources\":{\"core\":{\"limit\":5000,\"used\":12,\"remaining\":4988,"
                      + "\"reset\":1900000000}}}"
                  : path.equals("/user")
                      ? "{\"login\":\"octocat\",\"id\":1}"
                      : "{\"login\":\"acme\",\"id\":2}";
          e.getResponseHeaders().set("X-OAuth-Scopes", "repo, admin:repo_hook");
          e.getResponseHeaders().set("Content-Type", "application/json");
          byte[] b = body.getBytes(StandardCharsets.UTF_8);
          e.sendResponseHeaders(200, b.length);
          try (OutputStream out = e.getResponseBody()) {
            out.write(b);
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      ConnectionTester.Report r =
          tester(TOKEN).test(new ConnectionSpec("github", url, "acme", "env:X"));
      assertThat(r.identity()).isEqualTo("octocat");
      assertThat(r.scopes()).containsExactly("repo", "admin:repo_hook");
      assertThat(r.broaderScopes()).containsExactly("repo", "admin:repo_hook");
      assertThat(r.summary()).startsWith("The token can do more than read (repo, admin:repo_hook)");
      assertThat(r.rate())
          .isEqualTo(
              new ConnectionTester.RateBudget(4988, 5000, Instant.ofEpochSecond(1900000000)));
      assertThat(r.cannotSee())
          .anySatisfy(s -> assertThat(s).contains("read:org"))
          .anySatisfy(s -> assertThat(s).contains("owners only"))
          .noneSatisfy(s -> assertThat(s).contains("repo scope"));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void gitlabTokenShowsItsScopesRoleAndWhatTheRoleHides() throws Exception {
    String token = "glpat-TesterToken0123456789ab";
    try (GitLabEmulator gl =
        GitLabEmulator.start(SampleGroup.demo(), token)
            .tokenRole("developer")
            .rateLimitRemaining(1500)) {
      ConnectionTester.Report r =
          tester(token)
              .test(new ConnectionSpec("gitlab", gl.url().toString(), "acme", "env:GITLAB_TOKEN"));
      assertThat(r.accepted()).isTrue();
      assertThat(r.identity()).isEqualTo("tenet-scanner");
      assertThat(r.role()).isEqualTo("Developer");
      assertThat(r.scopes()).containsExactly("read_api", "read_repository");
      assertThat(r.broaderScopes()).isEmpty();
      assertThat(r.rate().limit()).isEqualTo(2000);
      assertThat(r.rate().remaining()).isBetween(1400L, 1500L);
      assertThat(r.cannotSee())
          .anySatisfy(s -> assertThat(s).contains("Maintainer"))
          .anySatisfy(s -> assertThat(s).contains("Owner"))
          .anySatisfy(s -> assertThat(s).contains("administrators only"))
          .noneSatisfy(s -> assertThat(s).contains("Developer role"));
    }
  }

  @Test
  void gitlabOwnerSeesAllButTwoFactor() throws Exception {
    String token = "glpat-TesterToken0123456789ab";
    try (GitLabEmulator gl = GitLabEmulator.start(SampleGroup.demo(), token).tokenRole("owner")) {
      ConnectionTester.Report r =
          tester(token)
              .test(new ConnectionSpec("gitlab", gl.url() + "/api/v4", "acme", "env:GITLAB_TOKEN"));
      assertThat(r.role()).isEqualTo("Owner");
      assertThat(r.cannotSee()).singleElement().asString().contains("two-factor");
      // Self-managed GitLab reports no rate limit unless it is turned on.
      assertThat(r.rate()).isNull();
    }
  }

  @Test
  void anUnreachableHostIsOneSentence() {
    assertThatThrownBy(
            () ->
                tester(TOKEN)
                    .test(new ConnectionSpec("github", "http://127.0.0.1:9", "acme", "env:X")))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("Could not test the connection:")
        .hasMessageContaining("Settings");
  }
}
