package dev.tenet.connectors.registry.integrity;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Keyless checks without a Sigstore trusted root: the signature is checked against its own
 * certificate (which tells tampering apart), but a certificate anyone can mint is no ground for
 * trust, so the verdict is at best "unverifiable", naming the identity.
 */
public final class Keyless {
  private Keyless() {}

  public static KeylessVerifier withoutTrustedRoot() {
    return (signedData, signature, certificatePem, chainPem, bundleJson) -> {
      List<X509Certificate> certs = SignerHints.certificates(certificatePem);
      if (certs.isEmpty()) {
        return Verdict.invalid("the signature's certificate cannot be read", null);
      }
      X509Certificate leaf = certs.get(0);
      String identity = CertificateIdentity.of(leaf).describe();
      if (!TrustedKeys.verifies(leaf.getPublicKey(), signedData, signature)) {
        return Verdict.invalid(
            "the signature does not match the signed content under its own certificate ("
                + identity
                + "): the content was altered after signing",
            identity);
      }
      return Verdict.unverifiable(
          "keyless signature by "
              + identity
              + "; its certificate chain is not checked because no Sigstore trusted root is"
              + " configured",
          identity);
    };
  }

  /** Reusable builder workflows whose keyless identity signs other organizations' provenance. */
  static final List<String> TRUSTED_BUILDERS =
      List.of("github.com/slsa-framework/slsa-github-generator/.github/workflows/");

  /**
   * A keyless verifier that also judges who signed: a verified signature counts only when its
   * identity (the certificate's subject, a workflow URL) lies under one of the organization's
   * source locations, or is a well-known builder whose provenance names the source itself.
   */
  public static KeylessVerifier trusting(List<String> sources, KeylessVerifier verifier) {
    return (signedData, signature, certificatePem, chainPem, bundleJson) -> {
      Verdict v = verifier.verify(signedData, signature, certificatePem, chainPem, bundleJson);
      if (v.status() != Verdict.Status.VERIFIED) {
        return v;
      }
      List<X509Certificate> certs = SignerHints.certificates(certificatePem);
      String subject = certs.isEmpty() ? null : CertificateIdentity.of(certs.get(0)).subject();
      String location =
          subject == null
              ? ""
              : subject.replaceFirst("^[a-z]+://", "").toLowerCase(java.util.Locale.ROOT);
      boolean own =
          sources.stream().anyMatch(s -> location.equals(s) || location.startsWith(s + "/"))
              || TRUSTED_BUILDERS.stream().anyMatch(location::startsWith);
      if (own) {
        return v;
      }
      if (sources.isEmpty()) {
        return Verdict.unverifiable(
            v.detail()
                + "; nothing says whether this identity is the organization's (--registry-trust)",
            v.signer());
      }
      return Verdict.invalid(
          "signed by " + v.signer() + ", an identity outside the organization's sources",
          v.signer());
    };
  }
}
