package dev.tenet.core.pipeline.expr;

/** Who can choose a value that flows into a pipeline, from least to most dangerous. */
public enum Control {
  /** Nobody outside the pipeline's own definition: a constant, a number, a hash. */
  NONE,
  /** Tenet cannot tell: an action's output, a reusable workflow's input, a computed value. */
  UNKNOWN,
  /** Someone with write access: a branch name on push, a manual run's input, a dispatch payload. */
  COLLABORATOR,
  /** Anyone: the author of a fork pull request, an issue, a comment, a commit message. */
  OUTSIDER;

  public Control max(Control other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  public boolean atLeast(Control other) {
    return ordinal() >= other.ordinal();
  }
}
