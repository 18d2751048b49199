package dev.tenet.connectors.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A described GitLab group (see {@code assets/.../demo/acme-gitlab.yaml}) that the {@link
 * GitLabEmulator} serves through the real API shapes: the bundled demo, test fixtures, and
 * synthetic groups of any size for benchmarks.
 */
public final class SampleGroup {
  public static final String DEMO_RESOURCE = "/dev/tenet/assets/demo/acme-gitlab.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonNode gitlab;

  private SampleGroup(JsonNode root) {
    this.gitlab = root.path("gitlab");
  }

  /** The bundled demo group, Acme's GitLab. */
  public static SampleGroup demo() {
    try (InputStream in = SampleGroup.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The demo group " + DEMO_RESOURCE + " is missing");
      }
      return new SampleGroup(YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SampleGroup fromYaml(String yaml) {
    try {
      return new SampleGroup(YAML.readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The demo's groups, runners and profiles with {@code projects} projects cycling through the
   * demo's own (archived and empty ones left out), spread over its groups, for benchmarks.
   */
  public static SampleGroup synthetic(int projects) {
    SampleGroup demo = demo();
    ObjectNode root = YAML.createObjectNode();
    ObjectNode gl = root.putObject("gitlab");
    gl.setAll((ObjectNode) demo.gitlab.deepCopy());
    ArrayNode list = gl.putArray("projects");
    List<JsonNode> templates =
        demo.projects().stream()
            .filter(
                p -> !p.path("archived").asBoolean(false) && !p.path("empty_repo").asBoolean(false))
            .toList();
    for (int i = 0; i < projects; i++) {
      ObjectNode p = (ObjectNode) templates.get(i % templates.size()).deepCopy();
      p.put("path", String.format("%s-%04d", p.path("path").asText(), i));
      list.add(p);
    }
    // Project runners name their projects: let them serve the copies too.
    for (JsonNode runner : gl.path("runners")) {
      if (runner.has("projects")) {
        ArrayNode served = YAML.createArrayNode();
        for (JsonNode p : list) {
          String path = p.path("path").asText();
          for (JsonNode original : runner.path("projects")) {
            if (path.startsWith(original.asText() + "-")) {
              served.add(path);
            }
          }
        }
        ((ObjectNode) runner).set("projects", served);
      }
    }
    return new SampleGroup(root);
  }

  public JsonNode instance() {
    return gitlab.path("instance");
  }

  public JsonNode token() {
    return gitlab.path("token");
  }

  /** The top group's full path. */
  public String path() {
    return groups().get(0).path("path").asText();
  }

  /** Groups, the top group first. */
  public List<JsonNode> groups() {
    return list(gitlab.path("groups"));
  }

  public Optional<JsonNode> group(String path) {
    return groups().stream().filter(g -> g.path("path").asText().equals(path)).findFirst();
  }

  public List<JsonNode> runners() {
    return list(gitlab.path("runners"));
  }

  /** Projects with their profile applied: the project's own fields win. */
  public List<JsonNode> projects() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : gitlab.path("projects")) {
      out.add(resolve(p));
    }
    return out;
  }

  private JsonNode resolve(JsonNode project) {
    JsonNode profile = gitlab.path("profiles").path(project.path("profile").asText(""));
    ObjectNode merged = YAML.createObjectNode();
    if (profile.isObject()) {
      merged.setAll((ObjectNode) profile.deepCopy());
    }
    project
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().equals("settings") && merged.path("settings").isObject()) {
                ObjectNode settings = (ObjectNode) merged.path("settings").deepCopy();
                settings.setAll((ObjectNode) e.getValue());
                merged.set("settings", settings);
              } else {
                merged.set(e.getKey(), e.getValue().deepCopy());
              }
            });
    return merged;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
