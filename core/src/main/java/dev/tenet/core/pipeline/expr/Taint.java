package dev.tenet.core.pipeline.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Who controls a value and through what it arrives.
 *
 * @param control who can choose it
 * @param origin the context or variable it comes from, e.g. github.event.issue.title
 * @param who the people behind it, e.g. "anyone who can open an issue"
 * @param via what it passed through on the way, e.g. ["env.TITLE"]
 */
public record Taint(Control control, String origin, String who, List<String> via) {
  public static final Taint NONE = new Taint(Control.NONE, "", "", List.of());

  public Taint {
    via = List.copyOf(via);
  }

  public static Taint unknown(String origin, String why) {
    return new Taint(Control.UNKNOWN, origin, why, List.of());
  }

  public Taint through(String hop) {
    List<String> v = new ArrayList<>();
    v.add(hop);
    v.addAll(via);
    return new Taint(control, origin, who, v);
  }

  /** The more dangerous of two. */
  public Taint max(Taint other) {
    return other.control.ordinal() > control.ordinal() ? other : this;
  }

  /** "github.event.issue.title (via env.TITLE)". */
  public String describeOrigin() {
    return via.isEmpty() ? origin : origin + " (via " + String.join(", ", via) + ")";
  }
}
