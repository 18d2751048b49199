package dev.tenet.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void masksTheExactValueOfEverySecretThisProcessHolds() {
    Secret s = Secret.of("an-opaque-value-without-any-known-shape");
    String line = "GET /x failed; header was 'an-opaque-value-without-any-known-shape' (oops)";
    assertThat(Redactor.redact(line)).isEqualTo("GET /x failed; header was '[redacted]' (oops)");

    s.destroy();
    assertThat(Redactor.redact("nothing to hide")).isEqualTo("nothing to hide");
  }

  @Test
  void masksPlatformTokensByShapeKeepingTheirKind() {
    assertThat(Redactor.redact("token ghp_0123456789abcdefghijABCDEFGHIJ012345 leaked"))
        .isEqualTo("token ghp_[redacted] leaked");
    assertThat(Redactor.redact("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"))
        .isEqualTo("github_pat_[redacted]");
    assertThat(Redactor.redact("glpat-abcdefghij0123456789")).isEqualTo("glpat-[redacted]");
    assertThat(Redactor.redact("xoxb-1234567890-abcdefghij")).isEqualTo("xoxb-[redacted]");
    assertThat(Redactor.redact("key AKIAIOSFODNN7EXAMPLE")).isEqualTo("key AKIA…MPLE");
  }

  @Test
  void masksCredentialsInHeadersUrlsAndAssignments() {
    assertThat(Redactor.redact("Authorization: Bearer abc.def-ghi"))
        .isEqualTo("Authorization: Bearer [redacted]");
    assertThat(Redactor.redact("authorization=token s3cr3t"))
        .isEqualTo("authorization=token [redacted]");
    assertThat(Redactor.redact("PRIVATE-TOKEN: abcdef0123456789"))
        .isEqualTo("PRIVATE-TOKEN: [redacted]");
    assertThat(Redactor.redact("Cookie: session=abc; other=def")).isEqualTo("Cookie: [redacted]");
    assertThat(Redactor.redact("clone https://x-access-token:s3cretvalue@github.com/a/b.git"))
        .isEqualTo("clone https://x-access-token:[redacted]@github.com/a/b.git");
    assertThat(Redactor.redact("GET /api?per_page=100&access_token=abcdef&page=2"))
        .isEqualTo("GET /api?per_page=100&access_token=[redacted]&page=2");
    assertThat(Redactor.redact("DB_PASSWORD=hunter2hunter2 ./run"))
        .isEqualTo("DB_PASSWORD=[redacted] ./run");
    assertThat(Redactor.redact("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
        .isEqualTo("aws_secret_access_key = [redacted]");
  }

  @Test
  void leavesReferencesNamesAndSettingsAlone() {
    for (String harmless :
        List.of(
            "token: ${{ secrets.NPM_TOKEN }}",
            "NPM_TOKEN: $NPM_TOKEN",
            "permissions: id-token: write",
            "secret: NPM_TOKEN is 400 days old",
            "token: required",
            "--credential keychain:github-prod",
            "The default branch main has no protection")) {
      assertThat(Redactor.redact(harmless)).as(harmless).isEqualTo(harmless);
    }
  }

  @Test
  void masksPrivateKeyBlocksEvenUnterminated() {
    String pem =
        "key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
            + "-----END OPENSSH PRIVATE KEY-----\nafter";
    assertThat(Redactor.redact(pem))
        .isEqualTo(
            "key:\n-----BEGIN OPENSSH PRIVATE KEY----- [redacted] -----END OPENSSH PRIVATE"
                + " KEY-----\nafter");
    assertThat(Redactor.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEow"))
        .isEqualTo("-----BEGIN RSA PRIVATE KEY----- [redacted]");
    String cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
    assertThat(Redactor.redact(cert)).isEqualTo(cert);
  }

  @Test
  void masksJsonWebTokens() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvd2ViIn0.c2lnbmF0dXJlLXBhcnQtaGVyZQ";
    assertThat(Redactor.redact("id token " + jwt)).isEqualTo("id token eyJ[redacted]");
  }

  @Test
  void hidesCredentialHeadersEntirely() {
    assertThat(Redactor.header("Authorization", "Bearer x")).isEqualTo("[redacted]");
    assertThat(Redactor.header("PRIVATE-TOKEN", "x")).isEqualTo("[redacted]");
    assertThat(Redactor.header("set-cookie", "a=b")).isEqualTo("[redacted]");
    assertThat(Redactor.header("Accept", "application/json")).isEqualTo("application/json");
    assertThat(
            Redactor.headers(
                Map.of("Cookie", List.of("a=b"), "X-GitHub-Api-Version", List.of("2022-11-28"))))
        .containsEntry("Cookie", List.of("[redacted]"))
        .containsEntry("X-GitHub-Api-Version", List.of("2022-11-28"));
  }

  @Test
  void masksSecretLikeEvidenceButKeepsSecretNames() {
    Map<String, Object> evidence =
        Map.of(
            "secret", "NPM_TOKEN",
            "db_password", "hunter2",
            "client_secret", "${{ secrets.CLIENT_SECRET }}",
            "line", "run: curl -H 'Authorization: Bearer abcdefgh' https://x",
            "nested",
                Map.of(
                    "api_key",
                    "zzz-123",
                    "values",
                    List.of("ghp_0123456789abcdefghijABCDEFGHIJ012345")),
            "count", 3);
    Map<String, Object> out = Redactor.evidence(evidence);
    assertThat(out)
        .containsEntry("secret", "NPM_TOKEN")
        .containsEntry("db_password", "[redacted]")
        .containsEntry("client_secret", "${{ secrets.CLIENT_SECRET }}")
        .containsEntry("line", "run: curl -H 'Authorization: Bearer [redacted]' https://x")
        .containsEntry("count", 3);
    assertThat(out.get("nested"))
        .isEqualTo(Map.of("api_key", "[redacted]", "values", List.of("ghp_[redacted]")));
  }

  @Test
  void tellsTokensFromNames() {
    assertThat(Redactor.looksLikeToken("ghp_0123456789abcdefghijABCDEFGHIJ012345")).isTrue();
    assertThat(Redactor.looksLikeToken("Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdo")).isTrue();
    assertThat(Redactor.looksLikeToken("github-prod")).isFalse();
    assertThat(Redactor.looksLikeToken("GITHUB_TOKEN")).isFalse();
    assertThat(Redactor.looksLikeToken("keychain:github-prod")).isFalse();
  }

  @Test
  void staysLinearOnHostileInput() {
    // Many openings and no closing: each pattern must give up in linear time.
    String hostile =
        "-----BEGIN ".repeat(20_000)
            + "PASSWORD=".repeat(20_000)
            + "https://a:".repeat(20_000)
            + "eyJaaaaaaaaaa.".repeat(20_000);
    assertThat(Redactor.redact(hostile)).isNotNull();
  }
}
