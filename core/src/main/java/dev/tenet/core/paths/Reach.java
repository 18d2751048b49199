package dev.tenet.core.paths;

import dev.tenet.core.assessment.AttackPath;
import java.util.List;

/**
 * Everything one principal can reach, each with the shortest chain of steps that gets there.
 *
 * @param principal the resource id of the identity, token or secret
 * @param kind its entity kind id
 * @param reached what it reaches, closest first
 */
public record Reach(String principal, String kind, List<Reached> reached) {

  public Reach {
    reached = List.copyOf(reached);
  }

  /**
   * One entity reached.
   *
   * @param crownJewel the crown jewel category it belongs to, or null
   * @param level "control", or "write" for write access to a repository
   * @param steps the shortest chain of steps from the principal
   */
  public record Reached(
      String id, String kind, String crownJewel, String level, List<AttackPath.Hop> steps) {

    public Reached {
      steps = List.copyOf(steps);
    }
  }

  public long crownJewels() {
    return reached.stream().filter(r -> r.crownJewel() != null).count();
  }
}
