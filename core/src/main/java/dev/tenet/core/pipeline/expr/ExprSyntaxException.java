package dev.tenet.core.pipeline.expr;

/** An expression that does not parse; GitHub would reject the workflow. */
public final class ExprSyntaxException extends Exception {
  public ExprSyntaxException(String message) {
    super(message);
  }
}
