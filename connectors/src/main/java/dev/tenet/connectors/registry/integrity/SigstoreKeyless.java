package dev.tenet.connectors.registry.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks keyless (Sigstore) signatures offline against a trusted root, with the JDK's own crypto:
 *
 * <ol>
 *   <li>the signature verifies under the public key of its certificate;
 *   <li>the signature's transparency-log entry carries a valid signed promise (SET) from a log of
 *       the trusted root, and records this very signature and certificate;
 *   <li>the certificate chains to a certificate authority of the trusted root, and was valid at the
 *       time the log integrated the entry (Fulcio certificates live ten minutes).
 * </ol>
 *
 * <p>Not checked: the certificate's embedded SCTs and the log's Merkle inclusion proofs. The SET is
 * the log's signed promise of inclusion; checking the proof itself would need the log's
 * checkpoints, which Tenet does not fetch (no network beyond the registry).
 */
public final class SigstoreKeyless implements KeylessVerifier {
  private final TrustedRoot root;

  public SigstoreKeyless(TrustedRoot root) {
    this.root = root;
  }

  @Override
  public Verdict verify(
      byte[] signedData,
      byte[] signature,
      String certificatePem,
      String chainPem,
      String bundleJson) {
    return check(signedData, null, signature, certificatePem, bundleJson);
  }

  /** The same checks for a signature over a SHA-256 digest (a Sigstore message signature). */
  public Verdict verifyDigest(
      byte[] sha256, byte[] signature, String certificatePem, String bundleJson) {
    return check(null, sha256, signature, certificatePem, bundleJson);
  }

  private Verdict check(
      byte[] data, byte[] digest, byte[] signature, String certificatePem, String bundleJson) {
    List<X509Certificate> certs = SignerHints.certificates(certificatePem);
    if (certs.isEmpty()) {
      return Verdict.invalid("the signature's certificate cannot be read", null);
    }
    X509Certificate leaf = certs.get(0);
    String identity = CertificateIdentity.of(leaf).describe();
    if (!verifies(leaf.getPublicKey(), data, digest, signature)) {
      return Verdict.invalid(
          "the signature does not match the signed content under its own certificate ("
              + identity
              + "): the content was altered after signing",
          identity);
    }
    Optional<TlogEntry> found = TlogEntry.parse(bundleJson);
    if (found.isEmpty()) {
      return Verdict.unverifiable(
          "keyless signature by "
              + identity
              + " without a transparency-log entry: when it was made cannot be proven, so its"
              + " short-lived certificate cannot be checked",
          identity);
    }
    TlogEntry entry = found.get();
    Optional<TrustedRoot.Log> log = root.log(entry.logId());
    if (log.isEmpty()) {
      return Verdict.invalid(
          "the signature was logged in a transparency log Tenet does not trust (log id "
              + abbreviate(entry.logId())
              + ")",
          identity);
    }
    if (!TrustedKeys.verifies(log.get().key(), entry.promisedContent(), entry.promise())) {
      return Verdict.invalid(
          "the transparency log's signed promise for this signature does not verify: the entry"
              + " was altered",
          identity);
    }
    if (!log.get().validAt(entry.integrated())) {
      return Verdict.invalid(
          "the transparency log " + log.get().url() + " was not trusted at " + entry.integrated(),
          identity);
    }
    if (!recordsSignature(entry, signature, leaf)) {
      return Verdict.invalid(
          "the transparency-log entry records another signature or signer than this one", identity);
    }
    Optional<String> issuer = chain(leaf, entry);
    if (issuer.isEmpty()) {
      return Verdict.invalid(
          "the certificate of "
              + identity
              + " does not chain to a Sigstore certificate authority Tenet trusts, or was not valid"
              + " when the signature was logged ("
              + entry.integrated()
              + ")",
          identity);
    }
    return Verdict.verified(
        "keyless signature by "
            + identity
            + ", certificate from "
            + issuer.get()
            + ", logged in "
            + log.get().url()
            + " at "
            + entry.integrated(),
        identity);
  }

  /** The certificate authority the leaf chains to at the entry's time, if any. */
  private Optional<String> chain(X509Certificate leaf, TlogEntry entry) {
    Date when = Date.from(entry.integrated());
    for (TrustedRoot.Authority ca : root.authorities()) {
      if (!ca.validAt(entry.integrated())) {
        continue;
      }
      X509Certificate anchor = ca.chain().get(ca.chain().size() - 1);
      List<X509Certificate> path = new ArrayList<>();
      path.add(leaf);
      path.addAll(ca.chain().subList(0, ca.chain().size() - 1));
      try {
        CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        params.setRevocationEnabled(false);
        params.setDate(when);
        CertPathValidator.getInstance("PKIX").validate(certPath, params);
        return Optional.of(anchor.getSubjectX500Principal().getName());
      } catch (GeneralSecurityException e) {
        // Not this authority.
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the entry's body records this signature (as hashedrekord does, or base64 once more, as
   * intoto entries do) and this certificate.
   */
  static boolean recordsSignature(TlogEntry entry, byte[] signature, X509Certificate leaf) {
    List<String> texts = new ArrayList<>();
    try {
      JsonNode body = Json.mapper().readTree(entry.decodedBody());
      if (body == null) {
        return false;
      }
      strings(body, texts);
    } catch (IOException e) {
      return false;
    }
    String sig = Base64.getEncoder().encodeToString(signature);
    String sigTwice = Base64.getEncoder().encodeToString(sig.getBytes(StandardCharsets.US_ASCII));
    boolean signed = texts.contains(sig) || texts.contains(sigTwice);
    boolean certified = false;
    for (String t : texts) {
      for (String candidate : List.of(t, decode(t), decode(decode(t)))) {
        for (X509Certificate c : SignerHints.certificates(candidate)) {
          if (c.equals(leaf)) {
            certified = true;
          }
        }
      }
    }
    return signed && certified;
  }

  private static void strings(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    } else {
      node.forEach(n -> strings(n, out));
    }
  }

  private static String decode(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static boolean verifies(PublicKey key, byte[] data, byte[] digest, byte[] signature) {
    if (data != null) {
      return TrustedKeys.verifies(key, data, signature);
    }
    if (!key.getAlgorithm().equals("EC")) {
      return false; // A digest alone can be checked for ECDSA only.
    }
    try {
      Signature verifier = Signature.getInstance("NONEwithECDSA");
      verifier.initVerify(key);
      verifier.update(digest);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String hex) {
    return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
  }
}
