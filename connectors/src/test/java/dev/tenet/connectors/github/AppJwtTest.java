package dev.tenet.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.util.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AppJwtTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void signsRs256WithTheClaimsGitHubExpects() throws Exception {
    KeyPair key = Scans.keyPair();
    String jwt = new AppJwt("77100", Secret.of(Scans.pkcs8Pem(key))).sign(NOW);
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    JsonNode header = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    assertThat(claims.path("iss").asText()).isEqualTo("77100");
    assertThat(claims.path("iat").asLong()).isEqualTo(NOW.getEpochSecond() - 60);
    assertThat(claims.path("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 540);
    Signature verify = Signature.getInstance("SHA256withRSA");
    verify.initVerify(key.getPublic());
    verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verify.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void readsThePkcs1KeysGitHubIssues() throws Exception {
    KeyPair key = Scans.keyPair();
    byte[] pkcs8 = key.getPrivate().getEncoded();
    // A PKCS#8 RSA key is the PKCS#1 key wrapped: version, algorithm, then an OCTET STRING.
    int at = indexOf(pkcs8, new byte[] {0x05, 0x00, 0x04, (byte) 0x82}) + 6;
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, at, pkcs8.length);
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs1)
            + "\n-----END RSA PRIVATE KEY-----\n";
    assertThat(AppJwt.parse(Secret.of(pem)).getEncoded()).isEqualTo(pkcs8);
  }

  @Test
  void aFileThatIsNoKeyIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> AppJwt.parse(Secret.of("ghp_this-is-a-token-not-a-key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PEM private key")
        .hasMessageNotContaining("ghp_this");
    assertThatThrownBy(
            () ->
                AppJwt.parse(
                    Secret.of("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")))
        .hasMessage("The GitHub App private key cannot be read as RSA.");
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("pattern not found");
  }
}
