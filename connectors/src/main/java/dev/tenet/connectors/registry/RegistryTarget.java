package dev.tenet.connectors.registry;

import dev.tenet.core.model.ResourceId;
import java.util.List;

/**
 * How one registry appears in the trust graph.
 *
 * @param registryId the registry entity's id (oci:ghcr.io, dockerhub:acme)
 * @param registryName its display name
 * @param imageHost the host images are pulled from (ghcr.io, docker.io), which starts every image
 *     id so that deployments and provenance subjects name the same entity
 * @param source the connector reporting it
 * @param trustedSources source locations (host/path prefixes) that are the organization's own
 */
public record RegistryTarget(
    String registryId,
    String registryName,
    String imageHost,
    String source,
    List<String> trustedSources) {

  public RegistryTarget {
    trustedSources = List.copyOf(trustedSources);
  }

  /** The image repository's id: oci:HOST/PATH. */
  public String imageId(String repository) {
    return ResourceId.of("oci", imageHost + "/" + repository);
  }

  /** The tagged image's id: oci:HOST/PATH#tag/TAG. */
  public String tagId(String repository, String tag) {
    return ResourceId.part(imageId(repository), "tag", tag);
  }
}
