package dev.tenet.core.pipeline.yaml;

/** A YAML file Tenet will not read; the message is one sentence for the user. */
public final class YamlException extends Exception {
  private final transient Pos position;

  public YamlException(String message, Pos position) {
    super(message);
    this.position = position;
  }

  /** Where the problem is, if known. */
  public Pos position() {
    return position;
  }
}
