package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlMap;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small readers shared by the parsers. */
public final class Nodes {
  private Nodes() {}

  /** A scalar or a list of scalars, as scalars. */
  public static List<YamlScalar> scalars(YamlNode node) {
    List<YamlScalar> out = new ArrayList<>();
    if (node instanceof YamlScalar s) {
      if (!s.isNull()) {
        out.add(s);
      }
    } else if (node != null) {
      node.asSeq()
          .ifPresent(
              seq -> {
                for (YamlNode n : seq.items()) {
                  if (n instanceof YamlScalar s && !s.isNull()) {
                    out.add(s);
                  }
                }
              });
    }
    return out;
  }

  public static List<String> texts(YamlNode node) {
    return scalars(node).stream().map(YamlScalar::value).toList();
  }

  /** Every scalar value under {@code node}, keys excluded, in file order, shared nodes once. */
  public static List<YamlScalar> scalarsUnder(YamlNode node) {
    List<YamlScalar> out = new ArrayList<>((int) Math.min(4096, node.weight()));
    java.util.Set<YamlNode> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.ArrayDeque<YamlNode> stack = new java.util.ArrayDeque<>();
    stack.push(node);
    while (!stack.isEmpty()) {
      YamlNode n = stack.pop();
      switch (n) {
        case YamlScalar s -> out.add(s);
        case YamlMap m -> {
          if (seen.add(m)) {
            List<YamlMap.Entry> entries = m.entries();
            for (int k = entries.size() - 1; k >= 0; k--) {
              stack.push(entries.get(k).value());
            }
          }
        }
        case dev.tenet.core.pipeline.yaml.YamlSeq s -> {
          if (seen.add(s)) {
            for (int k = s.items().size() - 1; k >= 0; k--) {
              stack.push(s.items().get(k));
            }
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** True when {@code text} holds an expression that names {@code word}, in any case. */
  public static boolean mentions(String text, String word) {
    if (!text.contains("${{")) {
      return false;
    }
    int n = word.length();
    for (int i = 0; i + n <= text.length(); i++) {
      if (text.regionMatches(true, i, word, 0, n)) {
        return true;
      }
    }
    return false;
  }

  /** A map's entries by key (empty for anything else). */
  public static Map<String, YamlNode> entries(YamlNode node) {
    Map<String, YamlNode> out = new LinkedHashMap<>();
    if (node instanceof YamlMap m) {
      for (YamlMap.Entry e : m.entries()) {
        out.put(e.key().value(), e.value());
      }
    }
    return out;
  }

  /**
   * The comment after a node on its last line (e.g. {@code # v4.2.2} after a pinned SHA), or empty.
   * A {@code #} only starts a comment after whitespace.
   */
  public static String trailingComment(YamlNode node) {
    String line = node.source().line(node.end().line());
    int from =
        Math.min(
            line.length(),
            Math.max(
                0,
                line.offsetByCodePoints(
                    0, Math.min(line.codePointCount(0, line.length()), node.end().column() - 1))));
    for (int i = from; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(i + 1).strip();
      }
    }
    return "";
  }
}
