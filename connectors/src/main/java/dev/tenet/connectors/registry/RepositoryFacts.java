package dev.tenet.connectors.registry;

import java.util.List;

/**
 * What a registry's own API says about one repository, beyond what the OCI API shows. Null fields
 * are not known.
 *
 * @param name the repository's path in the registry (acme/api)
 * @param visibility public or private
 * @param tagsImmutable whether the registry refuses to move existing tags
 * @param tags the tags with their push times; null to list them through the OCI API
 * @param webUrl the repository's page, for "open in browser"
 */
public record RepositoryFacts(
    String name,
    String visibility,
    Boolean tagsImmutable,
    List<ImageSelection.Tag> tags,
    String webUrl) {

  public static RepositoryFacts named(String name) {
    return new RepositoryFacts(name, null, null, null, null);
  }
}
