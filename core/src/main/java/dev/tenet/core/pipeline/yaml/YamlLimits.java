package dev.tenet.core.pipeline.yaml;

/**
 * Bounds on what a YAML file may make Tenet do. Pipeline files are untrusted input: a crafted file
 * must fail with a clear message, never exhaust memory or the stack.
 *
 * @param maxChars the largest file accepted, in characters
 * @param maxAliases alias references allowed in one document
 * @param maxDepth deepest nesting of collections
 * @param maxExpandedNodes nodes a document may stand for once aliases are expanded
 * @param maxDocuments documents allowed in one file
 */
public record YamlLimits(
    int maxChars, int maxAliases, int maxDepth, long maxExpandedNodes, int maxDocuments) {

  /**
   * Generous for real pipelines (the largest workflows in the wild are a few hundred kilobytes,
   * GitLab monorepo configurations a few megabytes) and far below harm.
   */
  public static YamlLimits standard() {
    return new YamlLimits(5 * 1024 * 1024, 2_000, 64, 1_000_000, 16);
  }
}
