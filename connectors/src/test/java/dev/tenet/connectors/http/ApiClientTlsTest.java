package dev.tenet.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.http.RecordingServer.Answer;
import dev.tenet.core.credentials.Secret;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS stays verified: a self-hosted instance with a private CA works only when its certificate is
 * given as a bundle, never by turning verification off; and an HTTPS API may not redirect to HTTP.
 */
class ApiClientTlsTest {
  static final String TOKEN = "ghp_TlsCanary0123456789abcdefABCDEFGHIJ";

  @TempDir static Path dir;
  static Path bundle;
  static RecordingServer https;

  @BeforeAll
  static void selfSignedServer() throws Exception {
    Path keystore = dir.resolve("server.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=tenet-test",
        "-ext",
        "SAN=IP:127.0.0.1,DNS:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit");
    bundle = dir.resolve("ca.pem");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "server",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        bundle.toString());

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    https = RecordingServer.https(tls);
  }

  @AfterAll
  static void stop() {
    https.close();
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  ApiClient client(HttpPolicy policy) {
    return ApiClient.builder(https.url("/api"), "GitHub")
        .auth(Auth.bearer(Secret.of(TOKEN)))
        .policy(policy)
        .build();
  }

  @Test
  void anUntrustedCertificateIsRefusedAndNoTokenIsSent() {
    int before = https.received().size();
    assertThatThrownBy(() -> client(HttpPolicy.defaults()).get("/orgs/acme"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.REFUSED))
        .hasMessageContaining(
            "could not be verified (for a private CA, give its certificate bundle)");
    assertThat(https.received()).hasSize(before);
  }

  @Test
  void aPrivateCaBundleIsTrustedWithVerificationOn() throws Exception {
    https.answer("/api/orgs/acme", Answer.json("{\"login\":\"acme\"}"));
    HttpPolicy withBundle = withCaBundle(bundle);

    assertThat(client(withBundle).getJson("/orgs/acme").path("login").asText()).isEqualTo("acme");
    assertThat(https.received().get(https.received().size() - 1).header("Authorization"))
        .isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void anHttpsApiMayNotRedirectToPlainHttp() throws Exception {
    try (RecordingServer plain = RecordingServer.http()) {
      https.answer("/api/downgrade", Answer.redirect(plain.url("/landing").toString()));

      assertThatThrownBy(() -> client(withCaBundle(bundle)).get("/downgrade"))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.REFUSED))
          .hasMessage("/downgrade: refused a redirect from HTTPS to plain HTTP");
      assertThat(plain.received()).isEmpty();
    }
  }

  @Test
  void aBundleWithoutCertificatesIsAClearError() throws Exception {
    Path empty = dir.resolve("empty.pem");
    Files.writeString(empty, "not a certificate\n");
    assertThatThrownBy(() -> client(withCaBundle(empty)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(empty.toString());
  }

  static HttpPolicy withCaBundle(Path pem) {
    HttpPolicy d = HttpPolicy.defaults();
    return new HttpPolicy(
        d.maxConcurrency(),
        d.maxAttempts(),
        d.connectTimeout(),
        d.requestTimeout(),
        d.backoff(),
        d.maxRateLimitWait(),
        Optional.of(pem));
  }
}
