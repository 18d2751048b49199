package dev.tenet.core.trust;

/**
 * How much of a CI platform a role's subject condition lets in, from worst to narrowest. The first
 * wildcard in the pattern decides: a wildcard in the owner admits the whole platform, in the
 * repository any repository of that owner, in the ref any branch anyone with write access can push.
 */
public enum Breadth {
  /** Every repository of every account on the platform (no subject condition, or {@code *}). */
  ANY_OWNER("any repository of any account on the platform"),
  /** Every repository of one organization or group ({@code repo:acme/*}). */
  ANY_PROJECT("any repository of the organization"),
  /** Any branch, tag, pull request or environment of a repository ({@code repo:acme/app:*}). */
  ANY_CONTEXT("any branch, tag, pull request or environment of the repository"),
  /** Any branch of a repository, including one anyone with write access can create. */
  ANY_BRANCH("any branch of the repository"),
  /** Pull requests opened from branches of the repository. */
  PULL_REQUEST("pull requests of the repository"),
  /** Any tag of a repository. */
  ANY_TAG("any tag of the repository"),
  /** Any deployment environment of a repository. */
  ANY_ENVIRONMENT("any environment of the repository"),
  /** One branch, tag or environment. */
  PINNED("one branch, tag or environment"),
  /** No real token can match (e.g. a wildcard under StringEquals, which is literal). */
  NEVER("no token (the pattern cannot match a real subject)");

  private final String description;

  Breadth(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** Whether this lets in more than one protected branch, tag or environment. */
  public boolean tooBroad() {
    return ordinal() < PINNED.ordinal();
  }

  public Breadth wider(Breadth other) {
    return ordinal() <= other.ordinal() ? this : other;
  }

  public Breadth narrower(Breadth other) {
    return ordinal() >= other.ordinal() ? this : other;
  }
}
