package dev.tenet.core.graph.export;

import dev.tenet.core.graph.TrustGraph;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The formats the trust graph exports to; one writer each. */
public enum GraphExport {
  GRAPHML("graphml", "graphml") {
    @Override
    public void write(TrustGraph graph, OutputStream out) throws IOException {
      GraphMlWriter.write(graph, out);
    }
  },
  BLOODHOUND("bloodhound", "json") {
    @Override
    public void write(TrustGraph graph, OutputStream out) throws IOException {
      OpenGraphWriter.write(graph, out);
    }
  };

  private final String id;
  private final String extension;

  GraphExport(String id, String extension) {
    this.id = id;
    this.extension = extension;
  }

  public String id() {
    return id;
  }

  public String extension() {
    return extension;
  }

  public abstract void write(TrustGraph graph, OutputStream out) throws IOException;

  public static Optional<GraphExport> find(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equalsIgnoreCase(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(GraphExport::id).toList();
  }
}
