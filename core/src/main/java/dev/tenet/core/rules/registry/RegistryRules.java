package dev.tenet.core.rules.registry;

import dev.tenet.core.rule.Rule;
import java.util.List;

/** The registry and artifact-integrity rules, in catalog order. */
public final class RegistryRules {
  private RegistryRules() {}

  public static List<Rule> all() {
    return List.of(
        // What vouches for each image
        new ImageUnsigned(),
        new ImageNoProvenance(),
        // Tags
        new TagsMutable(),
        new TagMoved(),
        // Access
        new AnonymousAccess(),
        new RegistryTokenNoExpiry(),
        new RegistryTokenOverprivileged());
  }
}
