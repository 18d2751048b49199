package dev.tenet.connectors.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.util.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A described organization (see {@code assets/.../demo/acme-corp.yaml}) that the emulators serve
 * through real API shapes: the bundled demo, test fixtures, and synthetic organizations of any size
 * for benchmarks.
 */
public final class SampleOrganization {
  public static final String DEMO_RESOURCE = "/dev/tenet/assets/demo/acme-corp.yaml";
  static final String WORKFLOWS = "/dev/tenet/assets/demo/workflows/";

  private static final Map<String, String> WORKFLOW_FILES = new ConcurrentHashMap<>();

  private final JsonNode github;
  private final List<JsonNode> repositories;
  private final Map<String, JsonNode> byName = new LinkedHashMap<>();
  private final Map<JsonNode, Integer> index = new java.util.IdentityHashMap<>();

  private SampleOrganization(JsonNode root) {
    this.github = root.path("github");
    this.repositories = list(github.path("repositories"));
    for (JsonNode r : repositories) {
      byName.put(r.path("name").asText(), r);
      index.put(r, index.size());
    }
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
   * The demo's organization with {@code repositories} repositories cycling through the demo's own
   * (same settings, planted weaknesses and workflows), for benchmarks at any scale. Each copy
   * remembers the demo repository it was made from, so team, runner-group and secret access that
   * names that repository covers the copies too.
   */
  public static SampleOrganization synthetic(int repositories) {
    SampleOrganization demo = demo();
    ObjectNode root = new ObjectMapper().createObjectNode();
    ObjectNode gh = root.putObject("github");
    gh.setAll((ObjectNode) demo.github.deepCopy());
    ArrayNode repos = gh.putArray("repositories");
    List<JsonNode> templates = demo.repositories();
    for (int i = 0; i < repositories; i++) {
      JsonNode template = templates.get(i % templates.size());
      ObjectNode repo = (ObjectNode) template.deepCopy();
      repo.put("name", String.format("%s-%04d", template.path("name").asText(), i));
      repo.put("template", template.path("name").asText());
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

  public List<JsonNode> outsideCollaborators() {
    return list(github.path("outside_collaborators"));
  }

  public List<JsonNode> teams() {
    return list(github.path("teams"));
  }

  public List<JsonNode> hooks() {
    return list(github.path("hooks"));
  }

  public List<JsonNode> installations() {
    return list(github.path("installations"));
  }

  public List<JsonNode> tokenGrants() {
    return list(github.path("token_grants"));
  }

  public List<JsonNode> credentialAuthorizations() {
    return list(github.path("credential_authorizations"));
  }

  public List<JsonNode> rulesets() {
    return list(github.path("rulesets"));
  }

  public JsonNode actions() {
    return github.path("actions");
  }

  public List<JsonNode> runnerGroups() {
    return list(github.path("runner_groups"));
  }

  public List<JsonNode> secrets(String product) {
    return list(github.path(product.equals("dependabot") ? "dependabot_secrets" : "secrets"));
  }

  public List<JsonNode> repositories() {
    return repositories;
  }

  public Optional<JsonNode> repository(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The repository's position in the organization (by identity: a stable id seed). */
  public int indexOf(JsonNode repository) {
    return index.getOrDefault(repository, -1);
  }

  /** The protection profile a repository refers to (empty object for none). */
  public JsonNode protection(JsonNode repository) {
    String profile = repository.path("protection").asText("none");
    JsonNode p = github.path("protection_profiles").path(profile);
    return p.isMissingNode() ? new ObjectMapper().createObjectNode() : p;
  }

  /** A repository's security settings: the organization's defaults, overridden by its own. */
  public JsonNode security(JsonNode repository) {
    JsonNode defaults = github.path("repository_defaults").path("security");
    ObjectNode merged =
        defaults.isObject()
            ? (ObjectNode) defaults.deepCopy()
            : new ObjectMapper().createObjectNode();
    JsonNode own = repository.path("security");
    if (own.isObject()) {
      merged.setAll((ObjectNode) own);
    }
    return merged;
  }

  /** The repository's workflow files: path under .github/workflows → file content. */
  public Map<String, String> workflows(JsonNode repository) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : repository.path("workflows").properties()) {
      out.put(".github/workflows/" + e.getKey(), workflowFile(e.getValue().asText()));
    }
    return out;
  }

  /** Whether a list of repository names names this repository (or the demo one it copies). */
  public static boolean names(JsonNode list, JsonNode repository) {
    String name = repository.path("name").asText();
    String template = repository.path("template").asText(name);
    for (JsonNode n : list) {
      if (n.asText().equals(name) || n.asText().equals(template)) {
        return true;
      }
    }
    return false;
  }

  /** The demo repository a repository copies (itself when it is no copy). */
  public static String template(JsonNode repository) {
    return repository.path("template").asText(repository.path("name").asText());
  }

  private static String workflowFile(String file) {
    return WORKFLOW_FILES.computeIfAbsent(
        file,
        f -> {
          try (InputStream in = SampleOrganization.class.getResourceAsStream(WORKFLOWS + f)) {
            if (in == null) {
              throw new IllegalStateException("The demo workflow " + f + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
