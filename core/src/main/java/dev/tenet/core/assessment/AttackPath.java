package dev.tenet.core.assessment;

import dev.tenet.core.model.Severity;
import java.util.List;

/**
 * A chain of trust relations from an untrusted entry point to a crown jewel.
 *
 * @param id stable across assessments for the same chain
 * @param entry resource id of the entry point, e.g. internet:anyone or github:acme#member/bob
 * @param target resource id of the crown jewel reached
 * @param hops the relations walked, in order
 * @param cut ids of the findings whose fix breaks this path (fixing any one of them is enough)
 * @param entryPoint the kind of entry point (the path policy's name), e.g. member-without-2fa
 * @param crownJewel the kind of crown jewel, e.g. production-environment
 */
public record AttackPath(
    String id,
    Severity severity,
    String entry,
    String target,
    List<Hop> hops,
    List<String> cut,
    String entryPoint,
    String crownJewel) {

  public AttackPath {
    hops = List.copyOf(hops);
    cut = List.copyOf(cut);
  }

  public AttackPath(
      String id, Severity severity, String entry, String target, List<Hop> hops, List<String> cut) {
    this(id, severity, entry, target, hops, cut, null, null);
  }

  /**
   * One step: {@code from} relates to {@code to} as {@code relation} (a RelationKind id, or for a
   * relation walked against its direction: used-by, pulled-by, hosts).
   *
   * @param because the id of the finding that enables this step, or the fact when no finding does
   * @param fact the enabling fact in words, e.g. "every member of acme has write permission on web"
   * @param fix what would cut this step, or null when only an earlier or later step can be cut
   */
  public record Hop(
      String from, String relation, String to, String because, String fact, String fix) {

    public Hop(String from, String relation, String to, String because) {
      this(from, relation, to, because, because, null);
    }
  }
}
