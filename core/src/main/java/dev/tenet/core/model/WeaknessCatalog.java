package dev.tenet.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The weakness taxonomy, loaded once from the bundled copy of the spec's weaknesses.yaml. */
public final class WeaknessCatalog {
  private static final String RESOURCE = "/dev/tenet/core/weaknesses.yaml";
  private static volatile WeaknessCatalog standard;

  private final Map<String, Weakness> byId;

  private WeaknessCatalog(Map<String, Weakness> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /** The catalog shipped with Tenet. */
  public static WeaknessCatalog standard() {
    WeaknessCatalog catalog = standard;
    if (catalog == null) {
      try (InputStream in = WeaknessCatalog.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("The weakness taxonomy " + RESOURCE + " is missing");
        }
        catalog = parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      standard = catalog;
    }
    return catalog;
  }

  static WeaknessCatalog parse(InputStream yaml) throws IOException {
    JsonNode root = Yaml.readTree(yaml);
    Map<String, Weakness> byId = new LinkedHashMap<>();
    for (JsonNode node : root) {
      String id = node.path("id").asText();
      Weakness weakness =
          new Weakness(
              id,
              Pillar.fromId(node.path("pillar").asText()),
              node.path("title").asText(),
              strings(node.path("owasp")),
              ints(node.path("nist")),
              strings(node.path("cis_ssc")),
              Severity.fromId(node.path("default_severity").asText()));
      if (byId.put(id, weakness) != null) {
        throw new IllegalStateException("Weakness '" + id + "' is defined twice");
      }
    }
    return new WeaknessCatalog(byId);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asInt()));
    return out;
  }

  public Optional<Weakness> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Weakness get(String id) {
    Weakness weakness = byId.get(id);
    if (weakness == null) {
      throw new IllegalArgumentException("Unknown weakness '" + id + "'");
    }
    return weakness;
  }

  public Collection<Weakness> all() {
    return byId.values();
  }
}
