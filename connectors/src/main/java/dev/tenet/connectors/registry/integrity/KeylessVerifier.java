package dev.tenet.connectors.registry.integrity;

/**
 * Checks keyless (Sigstore) signatures: a short-lived certificate instead of a long-lived key.
 * Trust in one needs the certificate's chain to a Fulcio root and the transparency log's promise
 * that it was valid when used, both checked against a trusted root held offline.
 */
public interface KeylessVerifier {
  /**
   * @param signedData the bytes that were signed (a simple-signing payload, a DSSE PAE)
   * @param certificatePem the signer's certificate, PEM
   * @param chainPem its issuing chain, PEM, or null
   * @param bundleJson the transparency-log bundle cosign attached, or null
   */
  Verdict verify(
      byte[] signedData,
      byte[] signature,
      String certificatePem,
      String chainPem,
      String bundleJson);
}
