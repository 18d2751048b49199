package dev.tenet.core.pipeline.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A labelled set: the expected findings of a peer tool on its own fixtures ({@code labels.json},
 * format in the corpus README).
 *
 * @param set the set's name (zizmor, poutine...)
 * @param covered the weaknesses the peer judges in this set
 * @param files every labelled file, by path relative to {@code files/}
 * @param expected the expected findings
 */
public record Labels(String set, Set<String> covered, Set<String> files, List<Expected> expected) {

  /** One expected finding; {@code line} is null when the peer reports at file level. */
  public record Expected(String file, String weakness, Integer line, String peerRule) {}

  public static Labels read(Path labelsJson) throws IOException {
    JsonNode root = Json.mapper().readTree(Files.readString(labelsJson));
    Set<String> covered = new LinkedHashSet<>();
    root.path("covered").forEach(n -> covered.add(n.asText()));
    Set<String> files = new LinkedHashSet<>();
    List<Expected> expected = new ArrayList<>();
    root.path("files")
        .properties()
        .forEach(
            f -> {
              files.add(f.getKey());
              f.getValue()
                  .path("expected")
                  .forEach(
                      e ->
                          expected.add(
                              new Expected(
                                  f.getKey(),
                                  e.path("weakness").asText(),
                                  e.path("line").isNumber() ? e.path("line").asInt() : null,
                                  e.path("peer_rule").asText(""))));
            });
    return new Labels(
        root.path("set").asText(labelsJson.getParent().getFileName().toString()),
        covered,
        files,
        expected);
  }
}
