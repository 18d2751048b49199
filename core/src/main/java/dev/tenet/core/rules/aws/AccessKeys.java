package dev.tenet.core.rules.aws;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import java.util.ArrayList;
import java.util.List;

/** The access keys of the scanned accounts, with their users. */
final class AccessKeys {
  private AccessKeys() {}

  record Key(Entity key, Entity user) {
    boolean active() {
      return key.isTrue(Attr.ACTIVE);
    }
  }

  static List<Key> all(TrustGraph graph) {
    List<Key> out = new ArrayList<>();
    for (Entity user : Aws.users(graph)) {
      for (Entity k :
          graph.targets(user, RelationKind.CONTAINS).stream()
              .filter(e -> e.kind() == EntityKind.TOKEN)
              .toList()) {
        out.add(new Key(k, user));
      }
    }
    return out;
  }
}
