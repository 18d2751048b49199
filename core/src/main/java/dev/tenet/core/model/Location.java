package dev.tenet.core.model;

/**
 * Where in a file a finding points; {@code line} and {@code column} are 1-based, 0 when unknown.
 */
public record Location(String file, int line, int column) {
  public Location {
    if (file == null || file.isBlank()) {
      throw new IllegalArgumentException("A location needs a file");
    }
  }

  public static Location of(String file, int line) {
    return new Location(file, line, 0);
  }
}
