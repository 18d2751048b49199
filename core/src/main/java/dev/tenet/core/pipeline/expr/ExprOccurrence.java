package dev.tenet.core.pipeline.expr;

import java.util.List;
import java.util.Optional;

/**
 * One {@code ${{ ... }}} in a scalar value.
 *
 * @param raw the text with its braces, as written
 * @param body the text inside the braces
 * @param offset where it starts in the scalar's value
 * @param ordinal how many expressions precede it in the value (to find it in the file)
 * @param parsed the parsed expression, or null when it does not parse
 * @param error why it does not parse, or null
 */
public record ExprOccurrence(
    String raw, String body, int offset, int ordinal, Expr parsed, String error) {

  public Optional<Expr> expr() {
    return Optional.ofNullable(parsed);
  }

  /** The contexts whose values can end up in this expression's result. */
  public List<ContextRef> sources() {
    return parsed == null ? List.of() : Dataflow.sources(parsed);
  }
}
