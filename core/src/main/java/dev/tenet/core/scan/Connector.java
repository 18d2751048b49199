package dev.tenet.core.scan;

import dev.tenet.core.model.ScopeEntry;

/**
 * Reads one connection (a GitHub organization, a GitLab group, a registry...) and reports facts:
 * entities and relations into the trust graph, files for offline analysis, and blind spots. A
 * connector only reads: it never judges, scores or writes to the platform.
 */
public interface Connector {
  ScopeEntry scope();

  /**
   * Collects everything this connection exposes. Parts that cannot be read are reported as blind
   * spots and the collection goes on; only a failure that leaves nothing to assess (credentials
   * rejected, host unreachable) throws.
   */
  void collect(CollectContext context) throws ConnectorException, InterruptedException;
}
