package dev.tenet.core.rules.pipeline;

import dev.tenet.core.pipeline.yaml.YamlMap;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.pipeline.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Walks the scalars under a node (each shared alias target once). */
final class Scalars {
  private Scalars() {}

  /** Every scalar value under {@code node}, keys excluded, in file order. */
  static List<YamlScalar> under(YamlNode node) {
    List<YamlScalar> out = new ArrayList<>();
    Set<YamlNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<YamlNode> stack = new ArrayList<>();
    stack.add(node);
    while (!stack.isEmpty()) {
      YamlNode n = stack.remove(stack.size() - 1);
      if (n == null || !seen.add(n)) {
        continue;
      }
      switch (n) {
        case YamlScalar s -> out.add(s);
        case YamlMap m -> {
          List<YamlMap.Entry> entries = m.entries();
          for (int k = entries.size() - 1; k >= 0; k--) {
            stack.add(entries.get(k).value());
          }
        }
        case YamlSeq s -> {
          for (int k = s.items().size() - 1; k >= 0; k--) {
            stack.add(s.items().get(k));
          }
        }
      }
    }
    return out;
  }

  /** Every key and its value under {@code node} (nested maps included). */
  static List<YamlMap.Entry> entriesUnder(YamlNode node) {
    List<YamlMap.Entry> out = new ArrayList<>();
    Set<YamlNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<YamlNode> stack = new ArrayList<>();
    stack.add(node);
    while (!stack.isEmpty()) {
      YamlNode n = stack.remove(stack.size() - 1);
      if (n == null || !seen.add(n)) {
        continue;
      }
      if (n instanceof YamlMap m) {
        for (YamlMap.Entry e : m.entries()) {
          out.add(e);
          stack.add(e.value());
        }
      } else if (n instanceof YamlSeq s) {
        stack.addAll(s.items());
      }
    }
    return out;
  }
}
