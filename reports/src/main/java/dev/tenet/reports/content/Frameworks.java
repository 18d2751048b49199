package dev.tenet.reports.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tenet.core.model.Pillar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frameworks reports map findings to, with the titles of their items ({@code frameworks.yaml});
 * which weakness maps to which item is core's weakness taxonomy.
 */
public final class Frameworks {
  /** One framework: its key in the JSON report ("owasp", "cis_ssc", "nist"), title and items. */
  public record Framework(
      String key,
      String title,
      String reference,
      Map<String, String> items,
      Map<String, String> sections) {

    public String itemTitle(String id) {
      return items.getOrDefault(id, "");
    }

    /** The section title of an item id such as 1.3.5 (section 1.3), or "" when there is none. */
    public String sectionOf(String id) {
      int dot = id.lastIndexOf('.');
      return dot < 0 ? "" : sections.getOrDefault(id.substring(0, dot), "");
    }
  }

  private static volatile Frameworks standard;

  private final List<Framework> frameworks;
  private final Map<Pillar, String> pillarDescriptions;

  private Frameworks(List<Framework> frameworks, Map<Pillar, String> pillarDescriptions) {
    this.frameworks = List.copyOf(frameworks);
    this.pillarDescriptions = Collections.unmodifiableMap(pillarDescriptions);
  }

  public static Frameworks standard() {
    Frameworks loaded = standard;
    if (loaded == null) {
      try (InputStream in =
          Frameworks.class.getResourceAsStream("/dev/tenet/reports/frameworks.yaml")) {
        if (in == null) {
          throw new IllegalStateException("frameworks.yaml is missing from the reports module");
        }
        loaded = parse(new ObjectMapper(new YAMLFactory()).readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      standard = loaded;
    }
    return loaded;
  }

  private static Frameworks parse(JsonNode root) {
    List<Framework> list =
        List.of("owasp", "cis_ssc", "nist").stream()
            .map(
                key -> {
                  JsonNode node = root.path(key);
                  return new Framework(
                      key,
                      node.path("title").asText(),
                      node.path("reference").asText(),
                      strings(node.path("items")),
                      strings(node.path("sections")));
                })
            .toList();
    Map<Pillar, String> pillars = new LinkedHashMap<>();
    root.path("pillars")
        .properties()
        .forEach(e -> pillars.put(Pillar.fromId(e.getKey()), e.getValue().asText()));
    return new Frameworks(list, pillars);
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return Collections.unmodifiableMap(out);
  }

  public List<Framework> all() {
    return frameworks;
  }

  public Framework get(String key) {
    return frameworks.stream()
        .filter(f -> f.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown framework '" + key + "'"));
  }

  public String describe(Pillar pillar) {
    return pillarDescriptions.getOrDefault(pillar, "");
  }
}
