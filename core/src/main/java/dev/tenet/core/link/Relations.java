package dev.tenet.core.link;

import dev.tenet.core.graph.Relation;
import java.util.ArrayList;
import java.util.List;

/** Accumulating list attributes on relations that several facts contribute to. */
final class Relations {
  private Relations() {}

  static final int MAX_LISTED = 25;

  static void append(Relation relation, String key, String value) {
    List<String> values = new ArrayList<>(relation.list(key));
    if (!values.contains(value) && values.size() < MAX_LISTED) {
      values.add(value);
      relation.set(key, values);
    }
  }
}
