package dev.tenet.connectors.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an earlier assessment saw under each tag, so that a tag now pointing to another image (a
 * release overwritten) shows. Filled by the application from the previous stored assessment; the
 * connector itself keeps no state.
 */
@FunctionalInterface
public interface TagHistory {
  /** What was seen under a tag: its digest and when. */
  record Seen(String digest, Instant at) {}

  /**
   * @param tagImageId the tagged image's resource id, e.g. oci:registry.acme.example/api#tag/v1.2.0
   */
  Optional<Seen> previous(String tagImageId);

  TagHistory NONE = id -> Optional.empty();

  static TagHistory of(Map<String, Seen> seen) {
    Map<String, Seen> copy = Map.copyOf(seen);
    return id -> Optional.ofNullable(copy.get(id));
  }
}
