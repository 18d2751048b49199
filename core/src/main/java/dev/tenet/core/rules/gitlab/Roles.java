package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Relation;
import java.util.Collection;
import java.util.List;

/** GitLab's roles, lowest first, as the connector names them. */
final class Roles {
  private Roles() {}

  static final List<String> ORDER =
      List.of("minimal-access", "guest", "planner", "reporter", "developer", "maintainer", "owner");

  static int rank(String role) {
    return ORDER.indexOf(role);
  }

  static boolean atLeast(String role, String minimum) {
    return rank(role) >= rank(minimum) && rank(minimum) >= 0;
  }

  /** The highest role among memberships ("member" when none says). */
  static String highest(Collection<Relation> memberships) {
    String best = "member";
    int bestRank = -1;
    for (Relation r : memberships) {
      String role = r.text(Attr.ROLE).orElse("");
      if (rank(role) > bestRank) {
        bestRank = rank(role);
        best = role;
      }
    }
    return best;
  }
}
