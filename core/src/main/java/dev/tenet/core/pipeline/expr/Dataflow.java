package dev.tenet.core.pipeline.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which contexts can become (part of) an expression's value. Comparisons, negations and predicate
 * functions yield booleans, so the contexts inside them do not flow; {@code a || b} and {@code a &&
 * b} yield one of their operands, so both flow; {@code format}, {@code join}, {@code toJSON} and
 * {@code fromJSON} pass their arguments through.
 */
public final class Dataflow {
  private static final Set<String> NO_FLOW_FUNCTIONS =
      Set.of(
          "contains",
          "startswith",
          "endswith",
          "hashfiles",
          "success",
          "failure",
          "always",
          "cancelled");

  private Dataflow() {}

  public static List<ContextRef> sources(Expr expr) {
    List<ContextRef> out = new ArrayList<>();
    collect(expr, List.of(), false, out);
    return out;
  }

  /** Every context the expression reads, whether or not it flows into the result. */
  public static List<ContextRef> reads(Expr expr) {
    List<ContextRef> out = new ArrayList<>();
    reads(expr, out);
    return out;
  }

  private static void reads(Expr expr, List<ContextRef> out) {
    List<String> path = contextPath(expr);
    if (path != null) {
      out.add(new ContextRef(path, false));
      return;
    }
    switch (expr) {
      case Expr.Member m -> reads(m.target(), out);
      case Expr.Index ix -> {
        reads(ix.target(), out);
        reads(ix.index(), out);
      }
      case Expr.Call c -> c.args().forEach(a -> reads(a, out));
      case Expr.Not n -> reads(n.operand(), out);
      case Expr.Binary b -> {
        reads(b.left(), out);
        reads(b.right(), out);
      }
      default -> {
        // literals and stars read nothing
      }
    }
  }

  /**
   * @param suffix accessors applied to this expression's value by its parent (for {@code (a ||
   *     b).number} and {@code fromJSON(x).y})
   */
  private static void collect(
      Expr expr, List<String> suffix, boolean viaCall, List<ContextRef> out) {
    List<String> path = contextPath(expr);
    if (path != null) {
      List<String> full = new ArrayList<>(path);
      full.addAll(suffix);
      out.add(new ContextRef(full, viaCall));
      return;
    }
    switch (expr) {
      case Expr.Member m -> collect(m.target(), prepend(m.name(), suffix), viaCall, out);
      case Expr.Index ix ->
          collect(ix.target(), prepend(indexName(ix.index()), suffix), viaCall, out);
      case Expr.Call c -> {
        if (NO_FLOW_FUNCTIONS.contains(c.function())) {
          return;
        }
        boolean reshaped = viaCall || !suffix.isEmpty() || c.function().equals("fromjson");
        for (Expr arg : c.args()) {
          collect(arg, suffix, reshaped, out);
        }
      }
      case Expr.Binary b -> {
        if (b.op().equals("||") || b.op().equals("&&")) {
          collect(b.left(), suffix, viaCall, out);
          collect(b.right(), suffix, viaCall, out);
        }
      }
      default -> {
        // literals, negations (booleans) and stars carry no context
      }
    }
  }

  private static List<String> prepend(String name, List<String> suffix) {
    List<String> l = new ArrayList<>(suffix.size() + 1);
    l.add(name);
    l.addAll(suffix);
    return l;
  }

  /** The path of a plain context access, or null when the chain starts elsewhere. */
  public static List<String> contextPath(Expr expr) {
    List<String> reversed = new ArrayList<>();
    Expr e = expr;
    while (true) {
      switch (e) {
        case Expr.Identifier id -> {
          reversed.add(id.name());
          List<String> path = new ArrayList<>(reversed.size());
          for (int k = reversed.size() - 1; k >= 0; k--) {
            path.add(reversed.get(k));
          }
          return path;
        }
        case Expr.Member m -> {
          reversed.add(m.name());
          e = m.target();
        }
        case Expr.Index ix -> {
          reversed.add(indexName(ix.index()));
          e = ix.target();
        }
        default -> {
          return null;
        }
      }
    }
  }

  private static String indexName(Expr index) {
    if (index instanceof Expr.Literal lit && lit.value() instanceof String s) {
      return s.toLowerCase(java.util.Locale.ROOT);
    }
    return "*";
  }
}
