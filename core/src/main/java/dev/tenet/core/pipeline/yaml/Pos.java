package dev.tenet.core.pipeline.yaml;

/** A 1-based line and column in a file. */
public record Pos(int line, int column) implements Comparable<Pos> {
  @Override
  public int compareTo(Pos o) {
    return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
