package dev.tenet.core.model;

/**
 * A file a connector read for offline analysis (a workflow, a .gitlab-ci.yml).
 *
 * @param resource the repository or project it belongs to
 * @param path its path in that repository
 * @param content its text, untrusted
 */
public record SourceFile(String resource, String path, String content) {}
