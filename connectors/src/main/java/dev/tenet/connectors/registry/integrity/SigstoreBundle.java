package dev.tenet.connectors.registry.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.util.Base64;

/**
 * A Sigstore bundle ({@code application/vnd.dev.sigstore.bundle*}), as cosign 3 attaches it through
 * the referrers API: verification material (a certificate or a key hint, transparency-log entries)
 * and either a DSSE envelope (an attestation, or cosign's signature statement) or a plain message
 * signature over the artifact.
 *
 * @param certificatePem the signer's certificate as PEM, or null for a key-based bundle
 * @param dsseEnvelope the envelope as DSSE JSON, or null
 * @param messageSignature the signature over the artifact's bytes, or null
 */
public record SigstoreBundle(
    String mediaType, String certificatePem, byte[] dsseEnvelope, byte[] messageSignature) {

  /** cosign 3 signs an image by attesting this predicate about its digest. */
  public static final String COSIGN_SIGN_PREDICATE = "https://sigstore.dev/cosign/sign/v1";

  public static SigstoreBundle parse(byte[] json) throws IOException {
    JsonNode b = Json.mapper().readTree(json);
    if (b == null || !b.isObject() || !b.has("verificationMaterial")) {
      throw new IOException("not a Sigstore bundle");
    }
    try {
      JsonNode material = b.path("verificationMaterial");
      String der = material.path("certificate").path("rawBytes").asText("");
      if (der.isEmpty()) {
        der =
            material
                .path("x509CertificateChain")
                .path("certificates")
                .path(0)
                .path("rawBytes")
                .asText("");
      }
      String pem = der.isEmpty() ? null : pem(Base64.getDecoder().decode(der));
      byte[] envelope =
          b.path("dsseEnvelope").isObject()
              ? Json.mapper().writeValueAsBytes(b.path("dsseEnvelope"))
              : null;
      String sig = b.path("messageSignature").path("signature").asText("");
      return new SigstoreBundle(
          b.path("mediaType").asText(""),
          pem,
          envelope,
          sig.isEmpty() ? null : Base64.getDecoder().decode(sig));
    } catch (IllegalArgumentException e) {
      throw new IOException("the Sigstore bundle holds invalid base64");
    }
  }

  static String pem(byte[] der) {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }
}
