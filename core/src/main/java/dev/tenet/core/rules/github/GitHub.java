package dev.tenet.core.rules.github;

/** Names shared by the GitHub rules. */
final class GitHub {
  private GitHub() {}

  static final String PLATFORM = "github";
}
