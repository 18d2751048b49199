package dev.tenet.core.pipeline.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses GitHub Actions expressions: literals, contexts with {@code .name}, {@code [index]} and
 * {@code .*}, function calls, {@code !}, comparisons, {@code &&} and {@code ||}, parentheses. A
 * recursive-descent parser with a depth bound, since expressions are untrusted text.
 */
public final class ExprParser {
  private static final int MAX_DEPTH = 100;
  private final String s;
  private int i;
  private int depth;

  private ExprParser(String s) {
    this.s = s;
  }

  public static Expr parse(String text) throws ExprSyntaxException {
    ExprParser p = new ExprParser(text);
    p.skip();
    Expr e = p.or();
    p.skip();
    if (p.i != p.s.length()) {
      throw new ExprSyntaxException("unexpected '" + p.s.charAt(p.i) + "' at " + (p.i + 1));
    }
    return e;
  }

  private Expr or() throws ExprSyntaxException {
    Expr left = and();
    while (eat("||")) {
      left = new Expr.Binary("||", left, and());
    }
    return left;
  }

  private Expr and() throws ExprSyntaxException {
    Expr left = equality();
    while (eat("&&")) {
      left = new Expr.Binary("&&", left, equality());
    }
    return left;
  }

  private Expr equality() throws ExprSyntaxException {
    Expr left = comparison();
    while (true) {
      if (eat("==")) {
        left = new Expr.Binary("==", left, comparison());
      } else if (eat("!=")) {
        left = new Expr.Binary("!=", left, comparison());
      } else {
        return left;
      }
    }
  }

  private Expr comparison() throws ExprSyntaxException {
    Expr left = unary();
    while (true) {
      String op = null;
      for (String candidate : new String[] {"<=", ">=", "<", ">"}) {
        if (eat(candidate)) {
          op = candidate;
          break;
        }
      }
      if (op == null) {
        return left;
      }
      left = new Expr.Binary(op, left, unary());
    }
  }

  private Expr unary() throws ExprSyntaxException {
    skip();
    if (i < s.length() && s.charAt(i) == '!' && !s.startsWith("!=", i)) {
      i++;
      enter();
      Expr operand = unary();
      depth--;
      return new Expr.Not(operand);
    }
    return postfix(primary());
  }

  private Expr primary() throws ExprSyntaxException {
    skip();
    if (i >= s.length()) {
      throw new ExprSyntaxException("the expression ends too early");
    }
    char c = s.charAt(i);
    if (c == '(') {
      i++;
      enter();
      Expr inner = or();
      depth--;
      expect(')');
      return inner;
    }
    if (c == '\'') {
      return new Expr.Literal(string());
    }
    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      String name = identifier();
      String lower = name.toLowerCase(Locale.ROOT);
      switch (lower) {
        case "true" -> {
          return new Expr.Literal(Boolean.TRUE);
        }
        case "false" -> {
          return new Expr.Literal(Boolean.FALSE);
        }
        case "null" -> {
          return new Expr.Literal(null);
        }
        case "nan" -> {
          return new Expr.Literal(Double.NaN);
        }
        case "infinity" -> {
          return new Expr.Literal(Double.POSITIVE_INFINITY);
        }
        default -> {
          // a context or a call
        }
      }
      skip();
      if (i < s.length() && s.charAt(i) == '(') {
        i++;
        enter();
        List<Expr> args = new ArrayList<>();
        skip();
        if (i < s.length() && s.charAt(i) == ')') {
          i++;
        } else {
          while (true) {
            args.add(or());
            skip();
            if (i < s.length() && s.charAt(i) == ',') {
              i++;
              continue;
            }
            expect(')');
            break;
          }
        }
        depth--;
        return new Expr.Call(lower, args);
      }
      return new Expr.Identifier(lower);
    }
    throw new ExprSyntaxException("unexpected '" + c + "' at " + (i + 1));
  }

  private Expr postfix(Expr base) throws ExprSyntaxException {
    Expr e = base;
    while (true) {
      skip();
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        skip();
        if (i < s.length() && s.charAt(i) == '*') {
          i++;
          e = new Expr.Member(e, "*");
        } else {
          e = new Expr.Member(e, identifier().toLowerCase(Locale.ROOT));
        }
      } else if (i < s.length() && s.charAt(i) == '[') {
        i++;
        skip();
        Expr index;
        if (i < s.length() && s.charAt(i) == '*') {
          i++;
          index = new Expr.Star();
        } else {
          enter();
          index = or();
          depth--;
        }
        expect(']');
        e = new Expr.Index(e, index);
      } else {
        return e;
      }
    }
  }

  private String identifier() throws ExprSyntaxException {
    int start = i;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
        i++;
      } else {
        break;
      }
    }
    if (start == i) {
      throw new ExprSyntaxException("expected a name at " + (i + 1));
    }
    return s.substring(start, i);
  }

  private String string() throws ExprSyntaxException {
    StringBuilder out = new StringBuilder();
    i++;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '\'') {
        if (i < s.length() && s.charAt(i) == '\'') {
          out.append('\'');
          i++;
        } else {
          return out.toString();
        }
      } else {
        out.append(c);
      }
    }
    throw new ExprSyntaxException("a string is not closed");
  }

  private Expr number() throws ExprSyntaxException {
    int start = i;
    if (s.charAt(i) == '-' || s.charAt(i) == '+') {
      i++;
    }
    while (i < s.length()
        && (Character.isLetterOrDigit(s.charAt(i))
            || s.charAt(i) == '.'
            || ((s.charAt(i) == '-' || s.charAt(i) == '+')
                && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
      i++;
    }
    String text = s.substring(start, i);
    try {
      if (text.startsWith("0x") || text.startsWith("-0x") || text.startsWith("+0x")) {
        return new Expr.Literal((double) Long.decode(text));
      }
      return new Expr.Literal(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      throw new ExprSyntaxException("'" + text + "' is not a number");
    }
  }

  private void enter() throws ExprSyntaxException {
    if (++depth > MAX_DEPTH) {
      throw new ExprSyntaxException("the expression is nested too deeply");
    }
  }

  private void expect(char c) throws ExprSyntaxException {
    skip();
    if (i >= s.length() || s.charAt(i) != c) {
      throw new ExprSyntaxException("expected '" + c + "' at " + (i + 1));
    }
    i++;
  }

  private boolean eat(String op) {
    skip();
    if (s.startsWith(op, i)) {
      i += op.length();
      return true;
    }
    return false;
  }

  private void skip() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }
}
