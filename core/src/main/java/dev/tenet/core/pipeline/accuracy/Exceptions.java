package dev.tenet.core.pipeline.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reviewed disagreements with a peer's labels, each with its reason. Nothing is dropped silently:
 * the evaluator reports every exception it applied and every one that no longer applies.
 */
public record Exceptions(List<Entry> entries) {

  /** How Tenet and the peer disagree. */
  public enum Kind {
    /** The peer expects a finding that is not a weakness; Tenet rightly stays silent. */
    PEER_FALSE_POSITIVE,
    /** Tenet reports a real weakness the peer does not label. */
    PEER_MISSED,
    /** The peer's finding is on a platform Tenet does not analyse. */
    OUT_OF_SCOPE,
    /** Same finding, reported at a different line by convention ({@code tenetLine}). */
    LOCATION
  }

  /**
   * @param line the peer's line (Tenet's line for PEER_MISSED); null for file-level
   * @param tenetLine for LOCATION, the line Tenet reports
   */
  public record Entry(
      String set,
      String file,
      String weakness,
      Integer line,
      Kind kind,
      Integer tenetLine,
      String reason) {}

  public static final Exceptions NONE = new Exceptions(List.of());

  public Exceptions {
    entries = List.copyOf(entries);
  }

  public static Exceptions read(Path yaml) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(yaml));
    List<Entry> out = new ArrayList<>();
    for (JsonNode n : root.path("exceptions")) {
      String reason = n.path("reason").asText("").strip();
      if (reason.isEmpty()) {
        throw new IOException("An exception in " + yaml + " has no reason: " + n);
      }
      out.add(
          new Entry(
              n.path("set").asText(),
              n.path("file").asText(),
              n.path("weakness").asText(),
              n.path("line").isNumber() ? n.path("line").asInt() : null,
              Kind.valueOf(n.path("kind").asText().toUpperCase(Locale.ROOT).replace('-', '_')),
              n.path("tenetLine").isNumber() ? n.path("tenetLine").asInt() : null,
              reason));
    }
    return new Exceptions(out);
  }

  public List<Entry> forSet(String set) {
    return entries.stream().filter(e -> e.set().equals(set)).toList();
  }
}
