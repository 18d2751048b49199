package dev.tenet.app.service;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.graph.export.GraphExport;
import dev.tenet.core.model.Finding;
import dev.tenet.core.paths.AttackGraph;
import dev.tenet.core.paths.AttackPathAnalyzer;
import dev.tenet.core.paths.PathPolicy;
import dev.tenet.core.paths.PolicyException;
import dev.tenet.core.paths.Reach;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Attack paths as both faces see them: the path policy (bundled, plus the user's {@code paths.yaml}
 * in the data folder), the blast radius of any identity, token or secret of a stored assessment,
 * and the graph export.
 */
public final class PathService {
  private final Workspace workspace;
  private final Path policyFile;

  /**
   * @param policyFile the user's path policy, applied over the bundled one when it exists
   */
  public PathService(Workspace workspace, Path policyFile) {
    this.workspace = workspace;
    this.policyFile = policyFile;
  }

  public Path policyFile() {
    return policyFile;
  }

  /** The policy scans use: the bundled one, with the user's file applied. */
  public PathPolicy policy() {
    try {
      return PathPolicy.load(policyFile);
    } catch (PolicyException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** What a blast radius query found: the assessment, and the reach. */
  public record BlastRadius(Assessment assessment, Reach reach) {}

  /**
   * Everything {@code resource} can reach in the graph an assessment was judged on. The resource is
   * a resource id, or a unique end of one (a login, a secret name).
   */
  public BlastRadius blastRadius(String resource, String assessmentRef) {
    Assessment a = workspace.load(assessmentRef);
    TrustGraph graph = graphOf(a);
    Entity entity = resolve(graph, resource, a);
    List<Finding> ruled =
        a.findings().stream()
            .filter(f -> !f.ruleId().equals(AttackPathAnalyzer.RULE.id()))
            .toList();
    AttackPathAnalyzer analyzer =
        new AttackPathAnalyzer(AttackGraph.of(graph, policy()), ruled, a.startedAt());
    return new BlastRadius(a, analyzer.reach(entity.id()).orElseThrow());
  }

  /** Writes the graph of an assessment in an export format. */
  public void exportGraph(Assessment a, GraphExport format, OutputStream out) throws IOException {
    format.write(graphOf(a), out);
  }

  public GraphExport format(String id) {
    return GraphExport.find(id)
        .orElseThrow(
            () ->
                new UserError(
                    "Unknown graph format '"
                        + id
                        + "': choose one of "
                        + String.join(", ", GraphExport.ids())
                        + "."));
  }

  private TrustGraph graphOf(Assessment a) {
    return workspace
        .graph(a.id())
        .orElseThrow(
            () ->
                new UserError(
                    "Assessment " + a.id() + " was stored without its trust graph; scan again."));
  }

  /** An exact id, else the one entity whose id ends with "/text" or "#…/text", or is named so. */
  static Entity resolve(TrustGraph graph, String text, Assessment a) {
    var exact = graph.find(text);
    if (exact.isPresent()) {
      return exact.get();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    List<Entity> matches =
        graph.entities().stream()
            .filter(
                e -> {
                  String id = e.id().toLowerCase(Locale.ROOT);
                  return id.endsWith("/" + lower)
                      || id.endsWith(":" + lower)
                      || e.name().equalsIgnoreCase(text);
                })
            .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new UserError(
          "Nothing named '"
              + text
              + "' in the graph of assessment "
              + a.id()
              + ": give a resource id, e.g. github:ORG#member/LOGIN ('tenet export-graph' lists"
              + " them all).");
    }
    throw new UserError(
        "'"
            + text
            + "' matches "
            + matches.size()
            + " resources ("
            + String.join(", ", matches.stream().limit(4).map(Entity::id).toList())
            + (matches.size() > 4 ? ", …" : "")
            + "): give the full resource id.");
  }
}
