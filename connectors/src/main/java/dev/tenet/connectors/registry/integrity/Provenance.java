package dev.tenet.connectors.registry.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * The facts of a SLSA build provenance (v0.1, v0.2 and v1, as GitHub's artifact attestations, the
 * SLSA GitHub generator, GitLab runners and BuildKit write them) that say who built an artifact
 * from what.
 *
 * @param builderId the builder, e.g. https://github.com/actions/runner/github-hosted
 * @param source the source repository as host/path (github.com/acme/api), or null
 * @param sourceRef the ref built (refs/heads/main), or null
 * @param workflow the workflow or pipeline entry point (.github/workflows/release.yml), or null
 */
public record Provenance(
    String predicateType,
    String builderId,
    String buildType,
    String source,
    String sourceRef,
    String workflow,
    String invocationId) {

  public static boolean isProvenanceType(String predicateType) {
    return predicateType != null
        && predicateType.toLowerCase(Locale.ROOT).startsWith("https://slsa.dev/provenance/");
  }

  public static Provenance of(Statement statement) {
    JsonNode p = statement.predicate();
    String type = statement.predicateType();
    if (type.toLowerCase(Locale.ROOT).startsWith("https://slsa.dev/provenance/v1")) {
      JsonNode definition = p.path("buildDefinition");
      JsonNode external = definition.path("externalParameters");
      JsonNode workflow = external.path("workflow");
      String source = text(workflow, "repository");
      if (source == null) {
        source =
            external.path("source").isTextual()
                ? text(external, "source")
                : text(external.path("source"), "uri");
      }
      String ref = text(workflow, "ref");
      JsonNode firstDependency = definition.path("resolvedDependencies").path(0);
      if (source == null) {
        source = text(firstDependency, "uri");
      }
      String path = text(workflow, "path");
      if (path == null) {
        path =
            Optional.ofNullable(text(external, "entryPoint")).orElse(text(external, "entry_point"));
      }
      return new Provenance(
          type,
          text(p.path("runDetails").path("builder"), "id"),
          text(definition, "buildType"),
          normalizeSource(source),
          ref != null ? ref : refOf(source),
          path,
          text(p.path("runDetails").path("metadata"), "invocationId"));
    }
    JsonNode config = p.path("invocation").path("configSource");
    String source = text(config, "uri");
    if (source == null) {
      source = text(p.path("materials").path(0), "uri");
    }
    if (source == null) {
      source =
          text(
              p.path("metadata").path("https://mobyproject.org/buildkit@v1#metadata").path("vcs"),
              "source");
    }
    return new Provenance(
        type,
        text(p.path("builder"), "id"),
        text(p, "buildType"),
        normalizeSource(source),
        refOf(source),
        text(config, "entryPoint"),
        text(p.path("metadata"), "buildInvocationID"));
  }

  /** The workflow with its ref, as findings show it. */
  public String workflowDescription() {
    if (workflow == null) {
      return null;
    }
    return sourceRef == null ? workflow : workflow + "@" + sourceRef;
  }

  /**
   * A source URI as host/path: {@code git+https://github.com/acme/api@refs/heads/main} becomes
   * {@code github.com/acme/api}.
   */
  static String normalizeSource(String uri) {
    if (uri == null || uri.isBlank()) {
      return null;
    }
    String s = uri.strip();
    if (s.startsWith("git+")) {
      s = s.substring(4);
    }
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int at = s.indexOf('@');
    if (at >= 0) {
      // user@host is not a ref; a ref comes after the path.
      int slash = s.indexOf('/');
      if (slash >= 0 && at > slash) {
        s = s.substring(0, at);
      } else if (slash >= 0) {
        s = s.substring(at + 1);
      }
    }
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    if (s.endsWith(".git")) {
      s = s.substring(0, s.length() - 4);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.toLowerCase(Locale.ROOT);
  }

  static String refOf(String uri) {
    if (uri == null) {
      return null;
    }
    int slash = uri.indexOf('/', uri.indexOf("://") + 3);
    int at = uri.lastIndexOf('@');
    return at > slash && slash > 0 ? uri.substring(at + 1) : null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }
}
