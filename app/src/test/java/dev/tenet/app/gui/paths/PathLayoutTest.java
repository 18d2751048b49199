package dev.tenet.app.gui.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.gui.paths.PathsViewModel.GraphEdge;
import dev.tenet.app.gui.paths.PathsViewModel.GraphNode;
import dev.tenet.app.gui.paths.PathsViewModel.PathGraph;
import dev.tenet.app.gui.paths.PathsViewModel.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The path runs left to right; what is around it never lands on another entity. */
class PathLayoutTest {
  @Test
  void pathInARowAndNeighboursStackedWithoutOverlap() {
    List<GraphNode> nodes =
        List.of(
            new GraphNode("a", "user", "a", Role.ENTRY, 0),
            new GraphNode("b", "repository", "b", Role.PATH, 0),
            new GraphNode("c", "environment", "c", Role.TARGET, 0),
            new GraphNode("n1", "team", "n1", Role.AROUND, 0),
            new GraphNode("n2", "team", "n2", Role.AROUND, 0),
            new GraphNode("n3", "team", "n3", Role.AROUND, 0),
            new GraphNode("lonely", "team", "x", Role.AROUND, 0));
    List<GraphEdge> edges =
        List.of(
            new GraphEdge("a", "b", "can-write", true),
            new GraphEdge("b", "c", "contains", true),
            new GraphEdge("n1", "b", "member-of", false),
            new GraphEdge("b", "n2", "contains", false),
            new GraphEdge("n3", "b", "can-read", false));
    Map<String, PathLayout.Position> at = PathLayout.of(new PathGraph(nodes, edges, true));
    assertThat(at.get("a").x()).isLessThan(at.get("b").x());
    assertThat(at.get("b").x()).isLessThan(at.get("c").x());
    assertThat(at.get("a").y()).isZero();
    assertThat(at.get("n1").y()).isNegative();
    assertThat(at.get("n2").y()).isPositive();
    Set<String> spots = new HashSet<>();
    at.values().forEach(p -> assertThat(spots.add(p.x() + "," + p.y())).isTrue());
    assertThat(at).containsKey("lonely");
  }
}
