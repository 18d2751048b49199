package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlScalar;

/**
 * A container image reference: {@code [registry/]name[:tag][@digest]}.
 *
 * @param node where it is written (the expanded value may come from a matrix entry)
 */
public record ImageRef(String raw, String name, String tag, String digest, YamlScalar node) {

  public static ImageRef parse(String text, YamlScalar node) {
    String raw = text.strip();
    String s = raw.startsWith("docker://") ? raw.substring(9) : raw;
    String digest = "";
    int at = s.indexOf('@');
    if (at >= 0) {
      digest = s.substring(at + 1);
      s = s.substring(0, at);
    }
    String tag = "";
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    if (colon > slash) {
      tag = s.substring(colon + 1);
      s = s.substring(0, colon);
    }
    return new ImageRef(raw, s, tag, digest, node);
  }

  public boolean pinnedByDigest() {
    return digest.startsWith("sha256:") || digest.startsWith("sha512:");
  }

  /** No tag and no digest (implicitly {@code latest}), or explicitly {@code latest}. */
  public boolean floating() {
    return !pinnedByDigest() && (tag.isEmpty() || tag.equalsIgnoreCase("latest"));
  }

  @Override
  public String toString() {
    return raw;
  }
}
