package dev.tenet.core.assessment;

import dev.tenet.core.model.Severity;
import java.util.List;

/**
 * A chain of trust relations from an untrusted entry point to a crown jewel.
 *
 * @param id stable across assessments for the same chain
 * @param entry resource id of the entry point, e.g. github:acme/web#trigger/pull_request_target
 * @param target resource id of the crown jewel reached
 * @param hops the relations walked, in order
 * @param cut ids of the findings whose fix breaks this path
 */
public record AttackPath(
    String id, Severity severity, String entry, String target, List<Hop> hops, List<String> cut) {

  public AttackPath {
    hops = List.copyOf(hops);
    cut = List.copyOf(cut);
  }

  /**
   * One step: {@code from} relates to {@code to} as {@code relation} (a RelationKind id), because
   * of a fact or a finding (its id).
   */
  public record Hop(String from, String relation, String to, String because) {}
}
