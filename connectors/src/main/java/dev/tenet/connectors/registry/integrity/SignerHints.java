package dev.tenet.connectors.registry.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What a signature says about its own signer, never trusted, only used to explain a failure: the
 * public key or certificate that cosign recorded in the transparency-log entry it attached ({@code
 * dev.sigstore.cosign/bundle}). With it, "signed by a key Tenet does not trust" and "altered after
 * signing" can be told apart.
 */
public final class SignerHints {
  private SignerHints() {}

  /** The keys (and certificates' keys) a cosign bundle annotation names. */
  public static List<PublicKey> fromCosignBundle(String bundleJson) {
    List<PublicKey> keys = new ArrayList<>();
    if (bundleJson == null || bundleJson.isBlank()) {
      return keys;
    }
    try {
      JsonNode bundle = Json.mapper().readTree(bundleJson);
      String body = bundle.path("Payload").path("body").asText("");
      if (body.isEmpty()) {
        return keys;
      }
      JsonNode entry = Json.mapper().readTree(Base64.getDecoder().decode(body));
      collect(entry, keys);
    } catch (IOException | IllegalArgumentException e) {
      // An unreadable hint is no hint.
    }
    return keys;
  }

  /** Walks a Rekor entry for the fields that carry keys: publicKey, verifier, content. */
  private static void collect(JsonNode node, List<PublicKey> keys) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                String name = e.getKey();
                JsonNode value = e.getValue();
                if ((name.equals("publicKey") || name.equals("verifier")) && value.isTextual()) {
                  keysOfPem(decodeBase64(value.asText())).forEach(keys::add);
                } else if (name.equals("publicKey") && value.path("content").isTextual()) {
                  keysOfPem(decodeBase64(value.path("content").asText())).forEach(keys::add);
                } else {
                  collect(value, keys);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, keys));
    }
  }

  private static String decodeBase64(String text) {
    try {
      return new String(Base64.getDecoder().decode(text), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** Keys of PEM text: PUBLIC KEY blocks, and the keys of CERTIFICATE blocks. */
  static List<PublicKey> keysOfPem(String pem) {
    List<PublicKey> keys = new ArrayList<>(TrustedKeys.parsePem(pem));
    certificates(pem).forEach(c -> keys.add(c.getPublicKey()));
    return keys;
  }

  /** The X.509 certificates of a PEM text. */
  public static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> certs = new ArrayList<>();
    if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
      return certs;
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (var c :
          factory.generateCertificates(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        if (c instanceof X509Certificate x) {
          certs.add(x);
        }
      }
    } catch (CertificateException e) {
      // Unreadable certificates are no certificates.
    }
    return certs;
  }

  static Optional<PublicKey> first(List<PublicKey> keys) {
    return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
  }
}
