package dev.tenet.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.connectors.registry.integrity.CertificateIdentity;
import dev.tenet.connectors.registry.integrity.Keyless;
import dev.tenet.connectors.registry.integrity.KeylessVerifier;
import dev.tenet.connectors.registry.integrity.SigstoreBundle;
import dev.tenet.connectors.registry.integrity.SigstoreKeyless;
import dev.tenet.connectors.registry.integrity.TrustedRoot;
import dev.tenet.connectors.registry.integrity.Verdict;
import dev.tenet.core.util.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keyless verification against a real Sigstore bundle (sigstore-java's release on Maven Central)
 * and the public-good trusted root Tenet ships, offline: certificate chain at the logged time, the
 * transparency log's signed promise, the entry's binding to the signature, and the signer's
 * identity against the organization's sources.
 */
class SigstoreKeylessTest {
  static String bundleJson;
  static SigstoreBundle bundle;
  static byte[] digest;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in =
        SigstoreKeylessTest.class.getResourceAsStream(
            "/dev/tenet/connectors/registry/sigstore/sigstore-java-2.0.0.jar.sigstore.json")) {
      bundleJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    bundle = SigstoreBundle.parse(bundleJson.getBytes(StandardCharsets.UTF_8));
    digest =
        Base64.getDecoder()
            .decode(
                Json.mapper()
                    .readTree(bundleJson)
                    .path("messageSignature")
                    .path("messageDigest")
                    .path("digest")
                    .asText());
  }

  static SigstoreKeyless publicGood() {
    return new SigstoreKeyless(TrustedRoot.publicGood());
  }

  @Test
  void aRealReleaseSignatureVerifiesOfflineAndNamesItsWorkflow() {
    assertThat(bundle.mediaType()).isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
    Verdict v =
        publicGood()
            .verifyDigest(digest, bundle.messageSignature(), bundle.certificatePem(), bundleJson);
    assertThat(v.status()).as(v.detail()).isEqualTo(Verdict.Status.VERIFIED);
    assertThat(v.signer())
        .isEqualTo(
            "https://github.com/sigstore/sigstore-java/.github/workflows/release-sigstore-java-from-tag.yaml"
                + "@refs/tags/v2.0.0 (issuer https://token.actions.githubusercontent.com)");
    assertThat(v.detail())
        .contains("certificate from CN=sigstore,O=sigstore.dev")
        .contains("logged in https://rekor.sigstore.dev at 2025-11-20T20:45:23Z");
  }

  @Test
  void anAlteredArtifactFailsUnderItsOwnCertificate() {
    byte[] other = digest.clone();
    other[0] ^= 1;
    Verdict v =
        publicGood()
            .verifyDigest(other, bundle.messageSignature(), bundle.certificatePem(), bundleJson);
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(v.detail()).contains("altered after signing");
  }

  @Test
  void anAlteredLogEntryOrAnUntrustedLogOrCaFails() throws Exception {
    ObjectNode moved = (ObjectNode) Json.mapper().readTree(bundleJson);
    ObjectNode entry = (ObjectNode) moved.path("verificationMaterial").path("tlogEntries").path(0);
    entry.put("integratedTime", String.valueOf(entry.path("integratedTime").asLong() + 3600));
    Verdict backdated =
        publicGood()
            .verifyDigest(
                digest, bundle.messageSignature(), bundle.certificatePem(), moved.toString());
    assertThat(backdated.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(backdated.detail()).contains("signed promise").contains("does not verify");

    TrustedRoot noLogs = new TrustedRoot(TrustedRoot.publicGood().authorities(), Map.of());
    assertThat(
            new SigstoreKeyless(noLogs)
                .verifyDigest(
                    digest, bundle.messageSignature(), bundle.certificatePem(), bundleJson)
                .detail())
        .contains("transparency log Tenet does not trust");

    TrustedRoot real = TrustedRoot.publicGood();
    JsonNode raw =
        Json.mapper()
            .readTree(
                getClass()
                    .getResourceAsStream(
                        "/dev/tenet/connectors/registry/integrity/sigstore-trusted-root.json"));
    ((ObjectNode) raw).putArray("certificateAuthorities");
    TrustedRoot noCas = TrustedRoot.parse(Json.mapper().writeValueAsBytes(raw));
    Verdict unchained =
        new SigstoreKeyless(noCas)
            .verifyDigest(digest, bundle.messageSignature(), bundle.certificatePem(), bundleJson);
    assertThat(unchained.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(unchained.detail()).contains("does not chain to a Sigstore certificate authority");
    assertThat(real.authorities()).hasSize(2);
  }

  @Test
  void withoutALogEntryTheSigningTimeCannotBeProven() {
    Verdict v =
        publicGood().verifyDigest(digest, bundle.messageSignature(), bundle.certificatePem(), null);
    assertThat(v.status()).isEqualTo(Verdict.Status.UNVERIFIABLE);
    assertThat(v.detail()).contains("without a transparency-log entry");
  }

  @Test
  void theSignerMustBeAnIdentityOfTheOrganization() {
    byte[] sig = bundle.messageSignature();
    String cert = bundle.certificatePem();
    // The trusting wrapper sees signed bytes; the real bundle signs a digest, so wrap a verifier
    // that checks the digest.
    KeylessVerifier digestVerifier =
        (data, s, c, chain, b) -> publicGood().verifyDigest(digest, s, c, b);
    assertThat(
            Keyless.trusting(List.of("github.com/sigstore"), digestVerifier)
                .verify(null, sig, cert, null, bundleJson)
                .status())
        .isEqualTo(Verdict.Status.VERIFIED);
    Verdict foreign =
        Keyless.trusting(List.of("github.com/acme-corp"), digestVerifier)
            .verify(null, sig, cert, null, bundleJson);
    assertThat(foreign.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(foreign.detail()).contains("an identity outside the organization's sources");
    Verdict unknown =
        Keyless.trusting(List.of(), digestVerifier).verify(null, sig, cert, null, bundleJson);
    assertThat(unknown.status()).isEqualTo(Verdict.Status.UNVERIFIABLE);
    assertThat(unknown.detail()).contains("--registry-trust");
  }

  @Test
  void theFulcioIssuerExtensionIsRead() {
    var cert =
        dev.tenet.connectors.registry.integrity.SignerHints.certificates(bundle.certificatePem())
            .get(0);
    CertificateIdentity id = CertificateIdentity.of(cert);
    assertThat(id.issuer()).isEqualTo("https://token.actions.githubusercontent.com");
    assertThat(id.subject())
        .startsWith("https://github.com/sigstore/sigstore-java/.github/workflows/");
  }
}
