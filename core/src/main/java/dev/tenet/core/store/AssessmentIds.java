package dev.tenet.core.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Assessment ids that sort by time and read easily: {@code 20261126T100000Z-3f9a2c}. */
public final class AssessmentIds {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private AssessmentIds() {}

  public static String next(Instant startedAt) {
    byte[] suffix = new byte[3];
    RANDOM.nextBytes(suffix);
    return STAMP.format(startedAt) + "-" + HexFormat.of().formatHex(suffix);
  }
}
