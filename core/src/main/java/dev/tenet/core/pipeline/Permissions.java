package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.List;
import java.util.Map;

/**
 * The GITHUB_TOKEN permissions a workflow or job asks for.
 *
 * @param base how they are set
 * @param scopes explicit scopes (contents, id-token...) with their level
 * @param key the {@code permissions:} key, or null when unset
 * @param node the value, or null when unset
 */
public record Permissions(Base base, Map<String, Scope> scopes, YamlScalar key, YamlNode node) {

  /** How the permissions are given. */
  public enum Base {
    /** No {@code permissions:} block: the repository's or organization's default applies. */
    UNSET,
    READ_ALL,
    WRITE_ALL,
    /** A map of scopes (an empty map grants nothing). */
    EXPLICIT,
    /** An expression or a value GitHub would reject: not judged. */
    OTHER
  }

  /** One scope, e.g. {@code id-token: write}. */
  public record Scope(String name, String level, YamlScalar key, YamlNode value) {
    public boolean writes() {
      return level.equals("write");
    }
  }

  public static final Permissions UNSET = new Permissions(Base.UNSET, Map.of(), null, null);

  public Permissions {
    scopes = Map.copyOf(scopes);
  }

  public boolean isUnset() {
    return base == Base.UNSET;
  }

  public List<Scope> writeScopes() {
    return scopes.values().stream()
        .filter(Scope::writes)
        .sorted(java.util.Comparator.comparing(s -> s.key().start()))
        .toList();
  }

  public boolean grantsWrite(String scope) {
    if (base == Base.WRITE_ALL) {
      return true;
    }
    Scope s = scopes.get(scope);
    return s != null && s.writes();
  }
}
