package dev.tenet.app.gui.paths;

import dev.tenet.app.gui.paths.PathsViewModel.GraphEdge;
import dev.tenet.app.gui.paths.PathsViewModel.GraphNode;
import dev.tenet.app.gui.paths.PathsViewModel.PathGraph;
import dev.tenet.app.gui.paths.PathsViewModel.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each entity of a path drawing goes: the path from left to right (entry first, crown jewel
 * last), and the entities around each step stacked above and below it, alternately, so labels do
 * not collide.
 */
final class PathLayout {
  static final double STEP_X = 190;
  static final double STEP_Y = 100;

  record Position(double x, double y) {}

  private PathLayout() {}

  static Map<String, Position> of(PathGraph graph) {
    Map<String, Position> at = new LinkedHashMap<>();
    List<GraphNode> path = new ArrayList<>();
    List<GraphNode> around = new ArrayList<>();
    for (GraphNode n : graph.nodes()) {
      (n.role() == Role.AROUND ? around : path).add(n);
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < path.size(); i++) {
      at.put(path.get(i).id(), new Position(i * STEP_X, 0));
      index.put(path.get(i).id(), i);
    }
    Map<Integer, Integer> stacked = new HashMap<>();
    int loose = 0;
    for (GraphNode n : around) {
      Integer anchor = null;
      for (GraphEdge e : graph.edges()) {
        String other = e.from().equals(n.id()) ? e.to() : e.to().equals(n.id()) ? e.from() : null;
        if (other != null && index.containsKey(other)) {
          anchor = index.get(other);
          break;
        }
      }
      if (anchor == null) {
        at.put(n.id(), new Position(loose++ * STEP_X, 3 * STEP_Y));
        continue;
      }
      int k = stacked.merge(anchor, 1, Integer::sum) - 1;
      double y = (k % 2 == 0 ? -1 : 1) * STEP_Y * (k / 2 + 1);
      double x = anchor * STEP_X + (k / 2) * 46 * (k % 2 == 0 ? 1 : -1);
      at.put(n.id(), new Position(x, y));
    }
    return at;
  }
}
