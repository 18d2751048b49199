package dev.tenet.core.pipeline.expr;

import java.util.List;

/**
 * A context whose value can flow into an expression's result, as a normalized path: lower-case
 * names, {@code ['name']} written as {@code .name}, any other index as {@code *}.
 *
 * @param path the segments, e.g. [github, event, issue, title]
 * @param viaCall true when the value was reshaped by a call such as {@code fromJSON(x).y}
 */
public record ContextRef(List<String> path, boolean viaCall) {
  public ContextRef {
    path = List.copyOf(path);
  }

  public String root() {
    return path.isEmpty() ? "" : path.get(0);
  }

  /** Segment {@code n} or empty. */
  public String segment(int n) {
    return n < path.size() ? path.get(n) : "";
  }

  public String leaf() {
    return path.isEmpty() ? "" : path.get(path.size() - 1);
  }

  public boolean startsWith(String... prefix) {
    if (prefix.length > path.size()) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (!prefix[k].equals("*") && !prefix[k].equals(path.get(k))) {
        return false;
      }
    }
    return true;
  }

  /** The dotted form, e.g. {@code github.event.issue.title}. */
  public String dotted() {
    return String.join(".", path);
  }

  @Override
  public String toString() {
    return dotted();
  }
}
