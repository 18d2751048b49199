package dev.tenet.core.pipeline.yaml;

import java.util.Optional;

/**
 * A node of a YAML document with its exact place in the file. An alias is the very node it refers
 * to, so a finding inside an anchored block points at the anchor, where the text is.
 */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar {
  SourceText source();

  /** Where the node starts (the first character of its text, or of its indicator). */
  Pos start();

  Pos end();

  int startOffset();

  int endOffset();

  /** An explicit tag such as {@code !reference}, if any. */
  Optional<String> tag();

  /** Nodes this one stands for when expanded (1 for a scalar); bounds alias bombs. */
  long weight();

  /** The node as a scalar, if it is one. */
  default Optional<YamlScalar> asScalar() {
    return this instanceof YamlScalar s ? Optional.of(s) : Optional.empty();
  }

  default Optional<YamlMap> asMap() {
    return this instanceof YamlMap m ? Optional.of(m) : Optional.empty();
  }

  default Optional<YamlSeq> asSeq() {
    return this instanceof YamlSeq s ? Optional.of(s) : Optional.empty();
  }

  /** The scalar text, or empty for collections. */
  default String text() {
    return this instanceof YamlScalar s ? s.value() : "";
  }

  /** The raw text of the node as written in the file. */
  default String raw() {
    String t = source().text();
    return t.substring(Math.min(startOffset(), t.length()), Math.min(endOffset(), t.length()));
  }
}
