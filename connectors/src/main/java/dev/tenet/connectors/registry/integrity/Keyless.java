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
}
