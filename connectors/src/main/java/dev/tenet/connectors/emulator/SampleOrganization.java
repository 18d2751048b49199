package dev.tenet.connectors.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.util.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A described organization (see {@code assets/.../demo/acme-corp.yaml}) that the emulators serve
 * through real API shapes: the bundled demo, test fixtures, and synthetic organizations of any size
 * for benchmarks.
 */
public final class SampleOrganization {
  public static final String DEMO_RESOURCE = "/dev/tenet/assets/demo/acme-corp.yaml";

  private final JsonNode github;

  private SampleOrganization(JsonNode root) {
    this.github = root.path("github");
  }

  /** The bundled demo organization, Acme Corp. */
  public static SampleOrganization demo() {
    try (InputStream in = SampleOrganization.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The demo organization " + DEMO_RESOURCE + " is missing");
      }
      return new SampleOrganization(Yaml.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SampleOrganization fromYaml(String yaml) {
    try {
      return new SampleOrganization(Yaml.readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The demo's organization settings and members with {@code repositories} repositories cycling
   * through the demo's own, for benchmarks at any scale.
   */
  public static SampleOrganization synthetic(int repositories) {
    SampleOrganization demo = demo();
    ObjectNode root = new ObjectMapper().createObjectNode();
    ObjectNode gh = root.putObject("github");
    gh.setAll((ObjectNode) demo.github.deepCopy());
    ArrayNode repos = gh.putArray("repositories");
    List<JsonNode> templates = demo.repositories();
    for (int i = 0; i < repositories; i++) {
      ObjectNode repo = (ObjectNode) templates.get(i % templates.size()).deepCopy();
      repo.put("name", String.format("%s-%04d", repo.path("name").asText(), i));
      repos.add(repo);
    }
    return new SampleOrganization(root);
  }

  public JsonNode organization() {
    return github.path("organization");
  }

  public String login() {
    return organization().path("login").asText();
  }

  public List<JsonNode> members() {
    return list(github.path("members"));
  }

  public List<JsonNode> repositories() {
    return list(github.path("repositories"));
  }

  public Optional<JsonNode> repository(String name) {
    return repositories().stream().filter(r -> r.path("name").asText().equals(name)).findFirst();
  }

  /** The protection profile a repository refers to (empty object for none). */
  public JsonNode protection(JsonNode repository) {
    String profile = repository.path("protection").asText("none");
    JsonNode p = github.path("protection_profiles").path(profile);
    return p.isMissingNode() ? new ObjectMapper().createObjectNode() : p;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
