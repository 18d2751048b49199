package dev.tenet.connectors.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A described container registry (see {@code assets/.../demo/acme-registry.yaml}) that the {@link
 * RegistryEmulator} builds real OCI content from and serves: the bundled demo and test fixtures.
 */
public final class SampleRegistry {
  public static final String DEMO_RESOURCE = "/dev/tenet/assets/demo/acme-registry.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonNode registry;

  private SampleRegistry(JsonNode root) {
    this.registry = root.path("registry");
  }

  /** The bundled demo registry, Acme's. */
  public static SampleRegistry demo() {
    try (InputStream in = SampleRegistry.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The demo registry " + DEMO_RESOURCE + " is missing");
      }
      return new SampleRegistry(YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SampleRegistry fromYaml(String yaml) {
    try {
      return new SampleRegistry(YAML.readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name images are pulled by (registry.acme-corp.example). */
  public String host() {
    return registry.path("host").asText();
  }

  /** The user name of the token the demo scans with. */
  public String user() {
    return registry.path("user").asText("tenet");
  }

  /** When the sample's earlier assessment saw its tags (ISO instant), or null. */
  public JsonNode previousAssessment() {
    JsonNode when = registry.path("previous_assessment");
    return when.isTextual() ? when : null;
  }

  public List<String> trustedSources() {
    List<String> out = new ArrayList<>();
    registry.path("trusted_sources").forEach(s -> out.add(s.asText()));
    return out;
  }

  public List<JsonNode> repositories() {
    List<JsonNode> out = new ArrayList<>();
    registry.path("repositories").forEach(out::add);
    return out;
  }
}
