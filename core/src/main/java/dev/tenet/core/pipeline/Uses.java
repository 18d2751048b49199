package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code uses:} reference: an action or reusable workflow in a repository, a local path, or a
 * Docker image.
 *
 * @param raw the text as written
 * @param kind what it points at
 * @param owner repository owner (repository kind)
 * @param repo repository name (repository kind)
 * @param path path inside the repository, without leading slash; empty for the root
 * @param ref the git ref after {@code @}, empty when missing
 * @param node where it is written
 * @param comment the comment after it on the same line (often the version a SHA stands for)
 */
public record Uses(
    String raw,
    Kind kind,
    String owner,
    String repo,
    String path,
    String ref,
    YamlScalar node,
    String comment) {

  private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");

  /** What a reference points at. */
  public enum Kind {
    REPOSITORY,
    LOCAL,
    DOCKER
  }

  public static Uses parse(YamlScalar node, String comment) {
    String raw = node.value().strip();
    if (raw.startsWith("./") || raw.startsWith(".\\") || raw.equals(".")) {
      return new Uses(raw, Kind.LOCAL, "", "", raw, "", node, comment);
    }
    if (raw.startsWith("docker://")) {
      return new Uses(raw, Kind.DOCKER, "", "", raw.substring(9), "", node, comment);
    }
    int at = raw.lastIndexOf('@');
    String target = at < 0 ? raw : raw.substring(0, at);
    String ref = at < 0 ? "" : raw.substring(at + 1);
    String[] parts = target.split("/", 3);
    String owner = parts.length > 0 ? parts[0] : "";
    String repo = parts.length > 1 ? parts[1] : "";
    String path = parts.length > 2 ? parts[2] : "";
    return new Uses(raw, Kind.REPOSITORY, owner, repo, path, ref, node, comment);
  }

  /** True when pinned to a full commit SHA, the only immutable git reference. */
  public boolean pinnedToSha() {
    return FULL_SHA.matcher(ref).matches();
  }

  /** owner/repo or owner/repo/path, lower-case. */
  public String slug() {
    String s = owner + "/" + repo + (path.isEmpty() ? "" : "/" + path);
    return s.toLowerCase(Locale.ROOT);
  }

  /** owner/repo, lower-case. */
  public String repository() {
    return (owner + "/" + repo).toLowerCase(Locale.ROOT);
  }

  /**
   * True when this is {@code pattern} (owner/repo or owner/repo/path), at any ref. GitHub owner and
   * repository names are case-insensitive.
   */
  public boolean is(String pattern) {
    return kind == Kind.REPOSITORY && slug().equals(pattern.toLowerCase(Locale.ROOT));
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
    if (!ref.isEmpty() && !pinnedToSha()) {
      return ref;
    }
    if (comment == null) {
      return "";
    }
    String c = comment.strip();
    c = c.replaceFirst("^(?i)(tag|version|ratchet:[^@]*@)\\s*[=:]?\\s*", "");
    return c.matches("v?\\d+(\\.\\d+)*([-+.][\\w.-]*)?") ? c : "";
  }

  @Override
  public String toString() {
    return raw;
  }
}
