package dev.tenet.core.pipeline.expr;

import java.util.ArrayList;
import java.util.List;

/** Finds the {@code ${{ ... }}} expressions in a text. */
public final class Expressions {
  private Expressions() {}

  public static boolean contains(String text) {
    return text.contains("${{");
  }

  public static List<ExprOccurrence> in(String text) {
    int at = text.indexOf("${{");
    if (at < 0) {
      return List.of();
    }
    List<ExprOccurrence> out = new ArrayList<>();
    int ordinal = 0;
    while (at >= 0) {
      int end = closing(text, at + 3);
      if (end < 0) {
        // GitHub rejects an unterminated expression; keep it so rules can still see it.
        String raw = text.substring(at);
        out.add(new ExprOccurrence(raw, raw.substring(3), at, ordinal, null, "not closed"));
        break;
      }
      String raw = text.substring(at, end + 2);
      String body = text.substring(at + 3, end).strip();
      Expr parsed = null;
      String error = null;
      try {
        parsed = ExprParser.parse(body);
      } catch (ExprSyntaxException e) {
        error = e.getMessage();
      }
      out.add(new ExprOccurrence(raw, body, at, ordinal++, parsed, error));
      at = text.indexOf("${{", end + 2);
    }
    return out;
  }

  /** The index of the {@code }}} closing an expression, skipping {@code }}} inside 'strings'. */
  private static int closing(String text, int from) {
    boolean inString = false;
    for (int k = from; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\'') {
        inString = !inString;
      } else if (!inString && c == '}' && k + 1 < text.length() && text.charAt(k + 1) == '}') {
        return k;
      }
    }
    return -1;
  }

  /** True when the whole text is one expression, e.g. {@code ${{ matrix.os }}}. */
  public static boolean isWholly(String text) {
    String t = text.strip();
    List<ExprOccurrence> all = in(t);
    return all.size() == 1 && all.get(0).offset() == 0 && all.get(0).raw().length() == t.length();
  }
}
