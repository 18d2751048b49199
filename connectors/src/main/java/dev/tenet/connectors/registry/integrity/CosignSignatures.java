package dev.tenet.connectors.registry.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Verifies cosign image signatures: a simple-signing payload ({@code {"critical": {"image":
 * {"docker-manifest-digest": …}, "type": "cosign container image signature"}}}) signed with the
 * base64 signature in the {@code dev.cosignproject.cosign/signature} annotation. A signature is
 * verified only when a trusted key (or a trusted keyless identity) verifies it <em>and</em> its
 * payload names this very image's digest, so a valid signature copied from another image fails.
 */
public final class CosignSignatures {
  static final String SIGNATURE_TYPE = "cosign container image signature";

  private final TrustedKeys keys;
  private final KeylessVerifier keyless;

  public CosignSignatures(TrustedKeys keys, KeylessVerifier keyless) {
    this.keys = keys;
    this.keyless = keyless;
  }

  /**
   * @param payload the simple-signing payload (already checked against its digest)
   * @param signatureBase64 the {@code dev.cosignproject.cosign/signature} annotation
   * @param certificatePem the {@code dev.sigstore.cosign/certificate} annotation, or null
   * @param chainPem the {@code dev.sigstore.cosign/chain} annotation, or null
   * @param bundleJson the {@code dev.sigstore.cosign/bundle} annotation, or null
   * @param imageDigest the digest of the image the signature is attached to
   */
  public Verdict verify(
      byte[] payload,
      String signatureBase64,
      String certificatePem,
      String chainPem,
      String bundleJson,
      String imageDigest) {
    String signedDigest;
    try {
      JsonNode json = Json.mapper().readTree(payload);
      JsonNode critical = json.path("critical");
      signedDigest = critical.path("image").path("docker-manifest-digest").asText("");
      if (signedDigest.isEmpty()) {
        return Verdict.invalid(
            "the signed payload is not a cosign simple-signing payload (no image digest)", null);
      }
      String type = critical.path("type").asText("");
      if (!type.equalsIgnoreCase(SIGNATURE_TYPE)) {
        return Verdict.invalid(
            "the signed payload has type '" + clean(type) + "', not a container image signature",
            null);
      }
    } catch (IOException e) {
      return Verdict.invalid("the signed payload is not valid JSON", null);
    }
    byte[] signature;
    try {
      signature =
          Base64.getDecoder().decode(signatureBase64 == null ? "" : signatureBase64.strip());
    } catch (IllegalArgumentException e) {
      return Verdict.invalid("the signature annotation is not valid base64", null);
    }
    if (signature.length == 0) {
      return Verdict.invalid("the signature annotation is empty", null);
    }
    return check(
        payload, signature, signedDigest, certificatePem, chainPem, bundleJson, imageDigest);
  }

  private Verdict check(
      byte[] payload,
      byte[] signature,
      String signedDigest,
      String certificatePem,
      String chainPem,
      String bundleJson,
      String imageDigest) {
    Optional<TrustedKeys.Key> key = keys.verifier(payload, signature);
    Verdict crypto;
    if (key.isPresent()) {
      crypto =
          Verdict.verified(
              "verified with trusted key " + key.get().describe(), key.get().describe());
    } else if (certificatePem != null && !certificatePem.isBlank()) {
      crypto = keyless.verify(payload, signature, certificatePem, chainPem, bundleJson);
    } else {
      crypto = explainUntrusted(payload, signature, bundleJson, keys);
    }
    if (crypto.status() == Verdict.Status.VERIFIED && !signedDigest.equals(imageDigest)) {
      return Verdict.invalid(
          "the signature by "
              + crypto.signer()
              + " is valid but covers "
              + clean(signedDigest)
              + ", not this image: it was copied from another image",
          crypto.signer());
    }
    if (crypto.status() == Verdict.Status.UNVERIFIABLE && !signedDigest.equals(imageDigest)) {
      return Verdict.invalid(
          "the signature covers " + clean(signedDigest) + ", not this image", crypto.signer());
    }
    return crypto;
  }

  /**
   * Why no trusted key verifies a key-based signature, as precisely as the signature's own hints
   * allow (never trusting them).
   */
  public static Verdict explainUntrusted(
      byte[] signedData, byte[] signature, String bundleJson, TrustedKeys keys) {
    List<PublicKey> hinted = SignerHints.fromCosignBundle(bundleJson);
    for (PublicKey hint : hinted) {
      if (TrustedKeys.verifies(hint, signedData, signature)) {
        String who = "key " + TrustedKeys.fingerprint(hint);
        return keys.isEmpty()
            ? Verdict.unverifiable(
                "signed by "
                    + who
                    + ", but no trusted public key is configured to verify it (--registry-key)",
                who)
            : Verdict.invalid("signed by " + who + ", which is not one of the trusted keys", who);
      }
    }
    if (!hinted.isEmpty()) {
      return Verdict.invalid(
          "the signature does not match the signed content, not even with the key its"
              + " transparency-log entry names: the content was altered after signing",
          null);
    }
    if (keys.isEmpty()) {
      return Verdict.unverifiable(
          "signed, but no trusted public key is configured to verify it (--registry-key)", null);
    }
    return Verdict.invalid(
        "the signature does not verify with any of the "
            + keys.keys().size()
            + " trusted key(s): signed by another key, or altered after signing",
        null);
  }

  static String clean(String untrusted) {
    String oneLine = untrusted.replaceAll("\\p{Cntrl}+", " ").strip();
    return oneLine.length() > 100 ? oneLine.substring(0, 100) + "…" : oneLine;
  }
}
