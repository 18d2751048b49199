package dev.tenet.connectors.registry.integrity;

import java.util.Locale;

/**
 * What checking one signature or attestation found.
 *
 * @param detail how it was verified, or what failed and why, in one sentence
 * @param signer the trusted key or identity that verified it, or the untrusted one that signed it;
 *     null when unknown
 */
public record Verdict(Status status, String detail, String signer) {
  /** The outcomes, from best to worst evidence. */
  public enum Status {
    /** Verified by a key or identity Tenet was told to trust. */
    VERIFIED,
    /**
     * A signature is there but fails: altered, made for another artifact, or by an untrusted
     * signer.
     */
    INVALID,
    /** Signed, but Tenet has nothing trusted to check it with (no key, an unsupported format). */
    UNVERIFIABLE,
    /** An attestation without any signature (e.g. BuildKit's provenance). */
    UNSIGNED,
    /** Nothing found. */
    ABSENT;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Verdict verified(String detail, String signer) {
    return new Verdict(Status.VERIFIED, detail, signer);
  }

  public static Verdict invalid(String detail, String signer) {
    return new Verdict(Status.INVALID, detail, signer);
  }

  public static Verdict unverifiable(String detail, String signer) {
    return new Verdict(Status.UNVERIFIABLE, detail, signer);
  }

  /**
   * Of several signatures on one artifact, the one that decides: any verified one wins (an attacker
   * cannot remove it); otherwise a failing one is the stronger evidence.
   */
  public static Verdict decisive(Iterable<Verdict> verdicts) {
    Verdict best = null;
    for (Verdict v : verdicts) {
      if (best == null || rank(v) < rank(best)) {
        best = v;
      }
    }
    return best;
  }

  private static int rank(Verdict v) {
    return switch (v.status()) {
      case VERIFIED -> 0;
      case INVALID -> 1;
      case UNVERIFIABLE -> 2;
      case UNSIGNED -> 3;
      case ABSENT -> 4;
    };
  }
}
