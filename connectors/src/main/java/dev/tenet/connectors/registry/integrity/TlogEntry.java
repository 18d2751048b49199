package dev.tenet.connectors.registry.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A transparency-log (Rekor) entry as a signature carries it: the entry's body, when the log
 * integrated it, and the log's signed promise of that (the signed entry timestamp). Read from
 * cosign's {@code dev.sigstore.cosign/bundle} annotation or from a Sigstore bundle.
 */
public record TlogEntry(
    String body, long integratedTime, long logIndex, String logId, byte[] promise) {

  public Instant integrated() {
    return Instant.ofEpochSecond(integratedTime);
  }

  /** The first entry of a cosign bundle annotation or of a Sigstore bundle, if any. */
  public static Optional<TlogEntry> parse(String json) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = Json.mapper().readTree(json);
      JsonNode cosign = node.path("Payload");
      if (cosign.isObject()) {
        return Optional.of(
            new TlogEntry(
                cosign.path("body").asText(),
                cosign.path("integratedTime").asLong(),
                cosign.path("logIndex").asLong(),
                cosign.path("logID").asText(),
                Base64.getDecoder().decode(node.path("SignedEntryTimestamp").asText(""))));
      }
      JsonNode entry = node.path("verificationMaterial").path("tlogEntries").path(0);
      if (entry.isObject()) {
        return Optional.of(
            new TlogEntry(
                entry.path("canonicalizedBody").asText(),
                entry.path("integratedTime").asLong(),
                entry.path("logIndex").asLong(),
                HexFormat.of()
                    .formatHex(
                        Base64.getDecoder().decode(entry.path("logId").path("keyId").asText(""))),
                Base64.getDecoder()
                    .decode(
                        entry.path("inclusionPromise").path("signedEntryTimestamp").asText(""))));
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * What the log signed: the canonical JSON of body, integrated time, log id and index (keys
   * sorted, no spaces), as Rekor computes it.
   */
  byte[] promisedContent() {
    return ("{\"body\":\""
            + body
            + "\",\"integratedTime\":"
            + integratedTime
            + ",\"logID\":\""
            + logId
            + "\",\"logIndex\":"
            + logIndex
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The entry's body (JSON) as text, empty when unreadable. */
  String decodedBody() {
    try {
      return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
