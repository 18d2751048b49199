package dev.tenet.core.pipeline.expr;

import java.util.List;

/** A parsed GitHub Actions expression (the text inside {@code ${{ }}}). */
public sealed interface Expr {

  /** {@code null}, {@code true}, a number or a 'string'. */
  record Literal(Object value) implements Expr {}

  /** The root of a context: {@code github}, {@code env}, {@code steps}, ... */
  record Identifier(String name) implements Expr {}

  /** {@code target.name}; {@code name} is {@code *} for {@code target.*}. */
  record Member(Expr target, String name) implements Expr {}

  /** {@code target[index]}; {@code [*]} has a {@link Star} index. */
  record Index(Expr target, Expr index) implements Expr {}

  /** The {@code *} of {@code [*]}. */
  record Star() implements Expr {}

  /** {@code name(args)}; names are case-insensitive and kept lower-case. */
  record Call(String function, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code !operand}. */
  record Not(Expr operand) implements Expr {}

  /** {@code left op right} for {@code || && == != < <= > >=}. */
  record Binary(String op, Expr left, Expr right) implements Expr {}
}
