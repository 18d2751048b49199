package dev.tenet.core.graph;

import java.util.Arrays;
import java.util.Locale;

/** What a relation from one entity to another means. */
public enum RelationKind {
  /** Structure: an organization contains repositories, a repository its branches and workflows. */
  CONTAINS,
  MEMBER_OF,
  HAS_ROLE,
  CAN_READ,
  CAN_WRITE,
  CAN_ADMIN,
  CAN_APPROVE,
  CAN_BYPASS_PROTECTION,
  CAN_TRIGGER,
  RUNS_ON,
  USES,
  READS_SECRET,
  DEPLOYS_TO,
  CAN_MINT_OIDC,
  ASSUMES_ROLE,
  PUBLISHES,
  PULLS,
  INSTALLED_ON;

  private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

  public String id() {
    return id;
  }

  public static RelationKind fromId(String id) {
    return Arrays.stream(values())
        .filter(k -> k.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown relation kind '" + id + "'"));
  }
}
