package dev.tenet.app.gui.common;

/** The colour class of a score, shared by every screen that shows one. */
public final class ScoreStyles {
  private ScoreStyles() {}

  public static String of(Integer score) {
    if (score == null) {
      return "score-unknown";
    }
    if (score >= 80) {
      return "score-good";
    }
    if (score >= 60) {
      return "score-fair";
    }
    return "score-poor";
  }
}
