package dev.tenet.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.emulator.OciArtifacts;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.BearerChallenges;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.registry.integrity.CosignSignatures;
import dev.tenet.connectors.registry.integrity.Dsse;
import dev.tenet.connectors.registry.integrity.Keyless;
import dev.tenet.connectors.registry.integrity.Provenance;
import dev.tenet.connectors.registry.integrity.Statement;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import dev.tenet.connectors.registry.integrity.Verdict;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formats Tenet reads and writes, checked against their specifications. */
class IntegrityFormatsTest {

  @Test
  void thePreAuthenticationEncodingIsTheDsseSpecificationsOwn() throws Exception {
    // The test vector of the DSSE protocol specification.
    String envelope =
        "{\"payloadType\":\"http://example.com/HelloWorld\",\"payload\":\""
            + Base64.getEncoder().encodeToString("hello world".getBytes(StandardCharsets.UTF_8))
            + "\",\"signatures\":[]}";
    Dsse dsse = Dsse.parse(envelope.getBytes(StandardCharsets.UTF_8));
    assertThat(new String(dsse.pae(), StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  }

  @Test
  void aCertificateBesideTheSignatureIsUsedAsTheSlsaGeneratorWritesIt() throws Exception {
    String bundle;
    try (var in =
        getClass()
            .getResourceAsStream(
                "/dev/tenet/connectors/registry/sigstore/sigstore-java-2.0.0.jar.sigstore.json")) {
      bundle = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String cert =
        dev.tenet.connectors.registry.integrity.SigstoreBundle.parse(
                bundle.getBytes(StandardCharsets.UTF_8))
            .certificatePem();
    String digest = "sha256:" + "d".repeat(64);
    byte[] statement =
        OciArtifacts.slsaProvenance(
            "r/x",
            digest,
            "https://github.com/acme/x",
            ".github/workflows/r.yml",
            "refs/heads/main",
            "b");
    String envelope =
        dev.tenet.core.util.Json.mapper()
            .writeValueAsString(
                java.util.Map.of(
                    "payloadType",
                    "application/vnd.in-toto+json",
                    "payload",
                    Base64.getEncoder().encodeToString(statement),
                    "signatures",
                    List.of(
                        java.util.Map.of(
                            "keyid",
                            "",
                            "sig",
                            "MEUCIQDLW42OTh/nKBErZq4mJYA9sqkRFVKhJAQIfnRveDx2ugIhAI1wDVfhAmmE9bHA3qNjhnNasnHxAcosZu3KxoSqRATv",
                            "cert",
                            cert))));
    var checked =
        new dev.tenet.connectors.registry.integrity.Attestations(
                TrustedKeys.none(), Keyless.withoutTrustedRoot())
            .verifyEnvelope(envelope.getBytes(StandardCharsets.UTF_8), null, null, null, digest)
            .orElseThrow();
    // The certificate was read from beside the signature: the failure names its identity.
    assertThat(checked.verdict().status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(checked.verdict().detail())
        .contains("under its own certificate (https://github.com/sigstore/sigstore-java/");
  }

  @Test
  void theSimpleSigningPayloadHasCosignsExactShape() {
    String digest = "sha256:1b26826f602946860c279fce658f31050cff2c596583af237d971f4629b57792";
    assertThat(
            new String(
                OciArtifacts.simpleSigningPayload("10.202.250.215/library/hello-world", digest),
                StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"critical\":{\"identity\":{\"docker-reference\":\"10.202.250.215/library/hello-world\"},"
                + "\"image\":{\"docker-manifest-digest\":\""
                + digest
                + "\"},\"type\":\"cosign container image signature\"},\"optional\":null}");
  }

  @Test
  void malformedSignaturesFailWithAReason() {
    KeyPair key = OciArtifacts.newKeyPair();
    CosignSignatures check =
        new CosignSignatures(
            new TrustedKeys(List.of(TrustedKeys.key("k", key.getPublic()))),
            Keyless.withoutTrustedRoot());
    String digest = "sha256:" + "a".repeat(64);
    byte[] payload = OciArtifacts.simpleSigningPayload("r/x", digest);
    assertThat(check.verify("not json".getBytes(), "AA==", null, null, null, digest).detail())
        .contains("not valid JSON");
    assertThat(check.verify(payload, "%%%", null, null, null, digest).detail())
        .contains("not valid base64");
    assertThat(check.verify(payload, "", null, null, null, digest).detail()).contains("empty");
    byte[] other =
        "{\"critical\":{\"image\":{\"docker-manifest-digest\":\"sha256:aa\"},\"type\":\"something\"}}"
            .getBytes();
    assertThat(
            check
                .verify(other, OciArtifacts.sign(key.getPrivate(), other), null, null, null, digest)
                .detail())
        .contains("not a container image signature");
    Verdict ok =
        check.verify(
            payload, OciArtifacts.sign(key.getPrivate(), payload), null, null, null, digest);
    assertThat(ok.status()).isEqualTo(Verdict.Status.VERIFIED);
    assertThat(ok.signer()).isEqualTo("k (" + TrustedKeys.fingerprint(key.getPublic()) + ")");
  }

  @Test
  void publicKeysAreReadAsCosignWritesThem() {
    KeyPair key = OciArtifacts.newKeyPair();
    String pem = OciArtifacts.publicKeyPem(key.getPublic());
    assertThat(TrustedKeys.parsePem("junk\n" + pem + "\nmore junk"))
        .containsExactly(key.getPublic());
    assertThat(TrustedKeys.parsePem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
        .isEmpty();
    assertThat(TrustedKeys.fingerprint(key.getPublic())).matches("sha256:[0-9a-f]{16}");
  }

  @Test
  void provenanceOfEachProducerNamesItsSourceWorkflowAndBuilder() throws Exception {
    // GitHub's artifact attestations (buildType actions workflow v1).
    Provenance gh =
        Provenance.of(
            Statement.parse(
                OciArtifacts.slsaProvenance(
                    "ghcr.io/acme/api",
                    "sha256:" + "b".repeat(64),
                    "https://github.com/acme/api",
                    ".github/workflows/release.yml",
                    "refs/tags/v1.0.0",
                    "https://github.com/actions/runner/github-hosted")));
    assertThat(gh.source()).isEqualTo("github.com/acme/api");
    assertThat(gh.workflowDescription())
        .isEqualTo(".github/workflows/release.yml@refs/tags/v1.0.0");
    assertThat(gh.builderId()).isEqualTo("https://github.com/actions/runner/github-hosted");
    assertThat(gh.invocationId()).contains("/actions/runs/");

    // The SLSA GitHub generator's v0.2 provenance.
    String v02 =
        """
        {"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://slsa.dev/provenance/v0.2",
         "subject":[{"name":"hello","digest":{"sha256":"d1faeb68e9bf4b3790bb08cc39fd2afb68ee37371c8b9f705e2e68f449b56240"}}],
         "predicate":{"builder":{"id":"https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v1.2.0"},
          "buildType":"https://github.com/slsa-framework/slsa-github-generator@v1",
          "invocation":{"configSource":{"uri":"git+https://github.com/slsa-framework/example-package@refs/tags/v14",
            "digest":{"sha1":"dcd26fed2ccf37087005539ad8e8ce4db23b501d"},
            "entryPoint":".github/workflows/verifier-e2e.generic.tag.main.assets.slsa3.yml"}},
          "metadata":{"buildInvocationID":"2700464409-1"}}}
        """;
    Statement s = Statement.parse(v02.getBytes(StandardCharsets.UTF_8));
    assertThat(s.isProvenance()).isTrue();
    assertThat(s.isAbout("sha256:d1faeb68e9bf4b3790bb08cc39fd2afb68ee37371c8b9f705e2e68f449b56240"))
        .isTrue();
    Provenance gen = Provenance.of(s);
    assertThat(gen.source()).isEqualTo("github.com/slsa-framework/example-package");
    assertThat(gen.sourceRef()).isEqualTo("refs/tags/v14");
    assertThat(gen.workflowDescription())
        .isEqualTo(
            ".github/workflows/verifier-e2e.generic.tag.main.assets.slsa3.yml@refs/tags/v14");

    // BuildKit (docker buildx --provenance): no builder id, the git source in its metadata.
    Provenance buildkit =
        Provenance.of(
            Statement.parse(
                OciArtifacts.buildKitProvenance(
                    "r/x", "sha256:" + "c".repeat(64), "https://github.com/acme/web.git")));
    assertThat(buildkit.source()).isEqualTo("github.com/acme/web");
    assertThat(buildkit.builderId()).isNull();

    // The SLSA container-based builder (v1, source as externalParameters.source.uri).
    String container =
        """
        {"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://slsa.dev/provenance/v1","subject":[],
         "predicate":{"buildDefinition":{"buildType":"https://slsa.dev/container-based-build/v0.1?draft",
           "externalParameters":{"source":{"uri":"git+https://github.com/slsa-framework/example-package@refs/heads/main"}}},
          "runDetails":{"builder":{"id":"https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_container-based_slsa3.yml@refs/tags/v1.7.0"}}}}
        """;
    Provenance cb = Provenance.of(Statement.parse(container.getBytes(StandardCharsets.UTF_8)));
    assertThat(cb.source()).isEqualTo("github.com/slsa-framework/example-package");
    assertThat(cb.sourceRef()).isEqualTo("refs/heads/main");
  }

  @Test
  void challengesAreParsedAsTheTokenSpecificationWritesThem() {
    BearerChallenges.Challenge c =
        BearerChallenges.parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:samalba/my-app:pull,push\",error=\"insufficient_scope\"");
    assertThat(c.scheme()).isEqualTo("bearer");
    assertThat(c.parameter("realm")).contains("https://auth.docker.io/token");
    assertThat(c.parameter("scope")).contains("repository:samalba/my-app:pull,push");
    assertThat(c.parameter("error")).contains("insufficient_scope");
    assertThat(BearerChallenges.parse("Basic realm=\"Registry Realm\"").scheme())
        .isEqualTo("basic");
  }

  @Test
  void aRealmOverPlainHttpOrWithCredentialsIsRefused() {
    BearerChallenges https =
        new BearerChallenges(
            URI.create("https://registry.example"),
            new BearerChallenges.Credentials("u", dev.tenet.core.credentials.Secret.of("s")),
            HttpPolicy.defaults(),
            dev.tenet.connectors.http.ApiClient.Observer.NONE,
            Clock.systemUTC(),
            p -> null);
    assertThatThrownBy(() -> https.answer("/v2/", "Bearer realm=\"http://auth.example/token\""))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("over plain HTTP");
    assertThatThrownBy(() -> https.answer("/v2/", "Bearer realm=\"http://127.0.0.1:9/token\""))
        .hasMessageContaining("over plain HTTP");
    assertThatThrownBy(
            () -> https.answer("/v2/", "Bearer realm=\"https://user:pw@auth.example/token\""))
        .hasMessageContaining("credentials");
    assertThatThrownBy(() -> https.answer("/v2/", "Bearer service=\"x\""))
        .hasMessageContaining("names no token service");
  }

  @Test
  void theSelectionPicksTheMostRecentImagesAndSkipsCosignTags() {
    ImageSelection three = ImageSelection.defaults();
    List<ImageSelection.Tag> undated =
        List.of(
                "v1.9.0",
                "v1.10.0",
                "latest",
                "main",
                "sha256-" + "a".repeat(64) + ".sig",
                "v1.2.0")
            .stream()
            .map(t -> new ImageSelection.Tag(t, null))
            .toList();
    assertThat(three.pick(undated))
        .extracting(ImageSelection.Tag::name)
        .containsExactly("latest", "v1.10.0", "v1.9.0");
    Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
    List<ImageSelection.Tag> dated =
        List.of(
            new ImageSelection.Tag("old", t0),
            new ImageSelection.Tag("newest", t0.plusSeconds(300)),
            new ImageSelection.Tag("newer", t0.plusSeconds(200)),
            new ImageSelection.Tag("new", t0.plusSeconds(100)));
    assertThat(three.pick(dated))
        .extracting(ImageSelection.Tag::name)
        .containsExactly("newest", "newer", "new");
    ImageSelection payments = new ImageSelection(1, List.of("payments/*", "platform/**"), 10);
    assertThat(payments.includes("payments/api")).isTrue();
    assertThat(payments.includes("payments/api/worker")).isFalse();
    assertThat(payments.includes("platform/a/b/c")).isTrue();
    assertThat(payments.includes("ledger")).isFalse();
  }

  @Test
  void digestsAreCheckedNotTrusted() {
    byte[] content = "{}".getBytes(StandardCharsets.UTF_8);
    String digest = Digests.sha256(content);
    assertThat(digest)
        .isEqualTo("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    assertThat(Digests.matches(digest, content)).isTrue();
    assertThat(Digests.matches(digest, "{ }".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(Digests.matches("sha256:xyz", content)).isFalse();
    assertThat(Digests.cosignTag(digest, "sig"))
        .isEqualTo("sha256-44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a.sig");
    assertThat(Digests.isCosignTag("sha256-abc.att")).isTrue();
    assertThat(Digests.isCosignTag("v1.0.0")).isFalse();
  }
}
