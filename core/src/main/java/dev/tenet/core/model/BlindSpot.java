package dev.tenet.core.model;

/**
 * Something a connector tried to read and could not: it becomes a {@code coverage-gap} finding and
 * is never counted as a pass.
 *
 * @param resource the resource id whose part could not be read
 * @param what what could not be read, e.g. "branch protection of main"
 * @param reason why, e.g. "403 Forbidden" or "timed out after 3 attempts"
 * @param remedy what would reveal it, e.g. the token permission to add; may be empty
 */
public record BlindSpot(String resource, String what, String reason, String remedy) {
  public BlindSpot {
    remedy = remedy == null ? "" : remedy;
  }
}
