package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.Pos;

/** A YAML file that is not a valid pipeline of the kind it claims to be; one sentence. */
public final class PipelineStructureException extends Exception {
  private final transient Pos position;

  public PipelineStructureException(String message, Pos position) {
    super(message);
    this.position = position;
  }

  public Pos position() {
    return position;
  }
}
