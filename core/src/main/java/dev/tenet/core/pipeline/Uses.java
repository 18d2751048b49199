package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code uses:} reference: an action or reusable workflow in a repository, a local path, or a
 * Docker image.
 */
public final class Uses {
  private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+)*([-+.][\\w.-]*)?");
  private static final Pattern COMMENT_PREFIX =
      Pattern.compile("^(?i)(tag|version|ratchet:[^@]*@)\\s*[=:]?\\s*");

  /** What a reference points at. */
  public enum Kind {
    REPOSITORY,
    LOCAL,
    DOCKER
  }

  private final String raw;
  private final Kind kind;
  private final String owner;
  private final String repo;
  private final String path;
  private final String ref;
  private final YamlScalar node;
  private final String slug;
  private final String repository;
  private String comment;
  private String version;

  private Uses(
      String raw, Kind kind, String owner, String repo, String path, String ref, YamlScalar node) {
    this.raw = raw;
    this.kind = kind;
    this.owner = owner;
    this.repo = repo;
    this.path = path;
    this.ref = ref;
    this.node = node;
    this.repository = (owner + "/" + repo).toLowerCase(Locale.ROOT);
    this.slug = path.isEmpty() ? repository : repository + "/" + path.toLowerCase(Locale.ROOT);
  }

  public static Uses parse(YamlScalar node) {
    String raw = node.value().strip();
    if (raw.startsWith("./") || raw.startsWith(".\\") || raw.equals(".")) {
      return new Uses(raw, Kind.LOCAL, "", "", raw, "", node);
    }
    if (raw.startsWith("docker://")) {
      return new Uses(raw, Kind.DOCKER, "", "", raw.substring(9), "", node);
    }
    int at = raw.lastIndexOf('@');
    String target = at < 0 ? raw : raw.substring(0, at);
    String ref = at < 0 ? "" : raw.substring(at + 1);
    String[] parts = target.split("/", 3);
    String owner = parts.length > 0 ? parts[0] : "";
    String repo = parts.length > 1 ? parts[1] : "";
    String path = parts.length > 2 ? parts[2] : "";
    return new Uses(raw, Kind.REPOSITORY, owner, repo, path, ref, node);
  }

  /** The text as written. */
  public String raw() {
    return raw;
  }

  public Kind kind() {
    return kind;
  }

  public String owner() {
    return owner;
  }

  public String repo() {
    return repo;
  }

  /** Path inside the repository, without leading slash; empty for the root. */
  public String path() {
    return path;
  }

  /** The git ref after {@code @}, empty when missing. */
  public String ref() {
    return ref;
  }

  /** Where it is written. */
  public YamlScalar node() {
    return node;
  }

  /** The comment after it on the same line (often the version a SHA stands for), or empty. */
  public String comment() {
    if (comment == null) {
      comment = Nodes.trailingComment(node);
    }
    return comment;
  }

  /** True when pinned to a full commit SHA, the only immutable git reference. */
  public boolean pinnedToSha() {
    if (ref.length() != 40) {
      return false;
    }
    for (int i = 0; i < 40; i++) {
      if (Character.digit(ref.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** owner/repo or owner/repo/path, lower-case. */
  public String slug() {
    return slug;
  }

  /** owner/repo, lower-case. */
  public String repository() {
    return repository;
  }

  /**
   * True when this is {@code pattern} (owner/repo or owner/repo/path, lower-case), at any ref.
   * GitHub owner and repository names are case-insensitive.
   */
  public boolean is(String pattern) {
    return kind == Kind.REPOSITORY && slug.equals(pattern);
  }

  /** True for a reusable workflow ({@code owner/repo/.github/workflows/x.yml@ref}). */
  public boolean isReusableWorkflow() {
    String p = path.toLowerCase(Locale.ROOT);
    return (kind == Kind.REPOSITORY || kind == Kind.LOCAL)
        && p.contains(".github/workflows/")
        && (p.endsWith(".yml") || p.endsWith(".yaml"));
  }

  /** The version the ref or its comment names (v4.2.2 in {@code @sha # v4.2.2}), or empty. */
  public String version() {
    if (version == null) {
      if (!ref.isEmpty() && !pinnedToSha()) {
        version = ref;
      } else {
        String c = comment().strip();
        if (c.isEmpty()) {
          version = "";
        } else {
          c = COMMENT_PREFIX.matcher(c).replaceFirst("");
          version = VERSION.matcher(c).matches() ? c : "";
        }
      }
    }
    return version;
  }

  @Override
  public String toString() {
    return raw;
  }
}
