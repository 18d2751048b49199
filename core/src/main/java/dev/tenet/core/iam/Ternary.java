package dev.tenet.core.iam;

/** A three-valued answer: a condition on a key Tenet cannot know is neither true nor false. */
public enum Ternary {
  TRUE,
  FALSE,
  UNKNOWN;

  public static Ternary of(boolean value) {
    return value ? TRUE : FALSE;
  }

  public Ternary and(Ternary other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
  }

  public Ternary or(Ternary other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
  }

  public Ternary not() {
    return switch (this) {
      case TRUE -> FALSE;
      case FALSE -> TRUE;
      case UNKNOWN -> UNKNOWN;
    };
  }

  /** True or unknown: the request may be allowed. */
  public boolean possible() {
    return this != FALSE;
  }
}
