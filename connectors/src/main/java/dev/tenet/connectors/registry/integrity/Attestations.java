package dev.tenet.connectors.registry.integrity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies in-toto attestations in DSSE envelopes (cosign's {@code .att} layers, Sigstore bundles)
 * and reads unsigned ones (BuildKit's). An attestation counts only for the image its subjects name.
 */
public final class Attestations {
  public static final String IN_TOTO_PAYLOAD = "application/vnd.in-toto+json";

  /** A checked attestation: how its signature fared, and what it states (null if unreadable). */
  public record Checked(Verdict verdict, Statement statement) {}

  private final TrustedKeys keys;
  private final KeylessVerifier keyless;

  public Attestations(TrustedKeys keys, KeylessVerifier keyless) {
    this.keys = keys;
    this.keyless = keyless;
  }

  /**
   * @param certificatePem the signer's certificate for a keyless attestation, or null
   * @param bundleJson cosign's transparency-log bundle annotation, or null
   * @return empty when the envelope holds no in-toto statement (another kind of attestation)
   */
  public Optional<Checked> verifyEnvelope(
      byte[] envelope,
      String certificatePem,
      String chainPem,
      String bundleJson,
      String imageDigest) {
    Dsse dsse;
    try {
      dsse = Dsse.parse(envelope);
    } catch (IOException e) {
      return Optional.of(
          new Checked(Verdict.invalid("the attestation is not a valid DSSE envelope", null), null));
    }
    if (!dsse.payloadType().equals(IN_TOTO_PAYLOAD)) {
      return Optional.empty();
    }
    Statement statement;
    try {
      statement = Statement.parse(dsse.payload());
    } catch (IOException e) {
      return Optional.of(
          new Checked(
              Verdict.invalid("the attestation's payload is not an in-toto statement", null),
              null));
    }
    if (dsse.signatures().isEmpty()) {
      return Optional.of(new Checked(subject(unsigned(), statement, imageDigest), statement));
    }
    byte[] pae = dsse.pae();
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < dsse.signatures().size(); i++) {
      byte[] signature = dsse.signatures().get(i);
      // The SLSA GitHub generator puts the signer's certificate beside its signature.
      String certificate =
          certificatePem != null && !certificatePem.isBlank()
              ? certificatePem
              : dsse.certificates().get(i);
      Optional<TrustedKeys.Key> key = keys.verifier(pae, signature);
      if (key.isPresent()) {
        verdicts.add(
            Verdict.verified(
                "verified with trusted key " + key.get().describe(), key.get().describe()));
      } else if (certificate != null && !certificate.isBlank()) {
        verdicts.add(keyless.verify(pae, signature, certificate, chainPem, bundleJson));
      } else {
        verdicts.add(CosignSignatures.explainUntrusted(pae, signature, bundleJson, keys));
      }
    }
    return Optional.of(
        new Checked(subject(Verdict.decisive(verdicts), statement, imageDigest), statement));
  }

  /** An in-toto statement stored without any signature (BuildKit attestations). */
  public Checked unsignedStatement(byte[] json, String imageDigest) {
    try {
      Statement statement = Statement.parse(json);
      return new Checked(subject(unsigned(), statement, imageDigest), statement);
    } catch (IOException e) {
      return new Checked(
          Verdict.invalid("the attestation is not an in-toto statement", null), null);
    }
  }

  private static Verdict unsigned() {
    return new Verdict(
        Verdict.Status.UNSIGNED,
        "the attestation carries no signature: anyone who can push could have written it",
        null);
  }

  private static Verdict subject(Verdict verdict, Statement statement, String imageDigest) {
    if (verdict.status() != Verdict.Status.INVALID && !statement.isAbout(imageDigest)) {
      return Verdict.invalid(
          "the attestation describes "
              + (statement.subjectDigests().isEmpty()
                  ? "no artifact"
                  : CosignSignatures.clean(String.join(", ", statement.subjectDigests())))
              + ", not this image",
          verdict.signer());
    }
    return verdict;
  }
}
