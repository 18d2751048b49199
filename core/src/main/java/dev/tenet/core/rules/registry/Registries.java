package dev.tenet.core.rules.registry;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Subjects and facts shared by the registry rules. An image repository is an IMAGE entity ({@code
 * oci:HOST/PATH}); each tag the scan inspected is an IMAGE part of it ({@code
 * oci:HOST/PATH#tag/TAG}) carrying the digest and what its signature and provenance checks found.
 */
final class Registries {
  private Registries() {}

  /** The platforms whose entities these rules judge. */
  static final Set<String> PLATFORMS = Set.of("oci", "dockerhub", "artifactory");

  static final String DOCS = "https://docs.sigstore.dev/";

  /** Inspected images: IMAGE entities naming a tag, read from a registry. */
  static List<Entity> taggedImages(TrustGraph graph) {
    return graph.entities(EntityKind.IMAGE).stream()
        .filter(e -> PLATFORMS.contains(ResourceId.platformOf(e.id())))
        .filter(e -> "tag".equals(ResourceId.parse(e.id()).kind()))
        .filter(e -> registryOf(graph, e).isPresent())
        .toList();
  }

  /**
   * Image repositories read from a registry: IMAGE entities without a part, inside a REGISTRY. An
   * image a pipeline merely names (no registry scanned it) is not judged here.
   */
  static List<Entity> imageRepositories(TrustGraph graph) {
    return graph.entities(EntityKind.IMAGE).stream()
        .filter(e -> PLATFORMS.contains(ResourceId.platformOf(e.id())))
        .filter(e -> ResourceId.parse(e.id()).kind() == null)
        .filter(e -> registryOf(graph, e).isPresent())
        .toList();
  }

  static List<Entity> of(TrustGraph graph, EntityKind kind) {
    return graph.entities(kind).stream()
        .filter(e -> PLATFORMS.contains(ResourceId.platformOf(e.id())))
        .toList();
  }

  /** The registry an image (repository or tag) belongs to. */
  static Optional<Entity> registryOf(TrustGraph graph, Entity image) {
    Entity current = image;
    for (int i = 0; i < 4; i++) {
      Optional<Entity> up = graph.container(current);
      if (up.isEmpty()) {
        return Optional.empty();
      }
      if (up.get().kind() == EntityKind.REGISTRY) {
        return up;
      }
      current = up.get();
    }
    return Optional.empty();
  }

  /** How findings name an image: repository:tag (sha256:0123456789ab…). */
  static String describe(Entity image) {
    String digest = image.text(Attr.DIGEST).orElse(null);
    return image.name() + (digest == null ? "" : " (" + shortDigest(digest) + ")");
  }

  static String shortDigest(String digest) {
    int colon = digest.indexOf(':');
    return digest.length() > colon + 13 ? digest.substring(0, colon + 13) + "…" : digest;
  }

  /**
   * What counts as the organization's own source: the source locations configured on the image's
   * registry, and every source repository the assessment saw (a GitHub or GitLab repository in the
   * graph is one the organization's own connections read).
   */
  static final class OwnSources {
    private final TrustGraph graph;
    private final List<String> prefixes;
    private final boolean knowsOrganization;

    OwnSources(TrustGraph graph, Entity image) {
      this.graph = graph;
      List<String> p = new ArrayList<>();
      registryOf(graph, image).ifPresent(r -> p.addAll(r.list(Attr.TRUSTED_SOURCES)));
      this.prefixes = p.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
      boolean scannedOrganization =
          graph.entities(EntityKind.ORGANIZATION).stream()
              .anyMatch(o -> Set.of("github", "gitlab").contains(ResourceId.platformOf(o.id())));
      this.knowsOrganization = !prefixes.isEmpty() || scannedOrganization;
    }

    /** Whether there is anything to compare a source with. */
    boolean knowsOrganization() {
      return knowsOrganization;
    }

    /** Whether a provenance's source (host/path and, when known, Tenet's id for it) is own. */
    boolean isOwn(String source, String sourceId) {
      if (sourceId != null
          && graph.find(sourceId).filter(e -> e.kind() == EntityKind.REPOSITORY).isPresent()) {
        return true;
      }
      return source != null && underPrefix(source);
    }

    boolean underPrefix(String location) {
      String l = location.toLowerCase(Locale.ROOT);
      for (String prefix : prefixes) {
        if (l.equals(prefix) || l.startsWith(prefix + "/")) {
          return true;
        }
      }
      return false;
    }

    /** The workflows the repository is known to have, by path; empty when none were read. */
    Set<String> workflowsOf(String sourceId) {
      Set<String> paths = new LinkedHashSet<>();
      if (sourceId == null) {
        return paths;
      }
      graph
          .find(sourceId)
          .ifPresent(
              repo -> {
                for (Entity part : graph.targets(repo, RelationKind.CONTAINS)) {
                  if (part.kind() == EntityKind.WORKFLOW) {
                    paths.add(part.text("path").orElse(ResourceId.parse(part.id()).name()));
                  }
                }
              });
      return paths;
    }
  }
}
