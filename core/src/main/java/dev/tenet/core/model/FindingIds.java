package dev.tenet.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable finding ids: the same rule on the same resource (and the same place in a file) gets the
 * same id in every assessment, so history can tell a persisting finding from a new one.
 */
public final class FindingIds {
  private FindingIds() {}

  /**
   * @param anchor what distinguishes two findings of one rule on one resource, e.g. "file:line" or
   *     the offending text; empty when there is only one
   */
  public static String of(String ruleId, String resource, String anchor) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((ruleId + '\n' + resource + '\n' + anchor).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
