package dev.tenet.app.service;

import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.gitlab.GitLabConnector;
import dev.tenet.connectors.http.CacheFolders;
import dev.tenet.connectors.http.DiskResponseCache;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Connector;
import java.net.URI;
import java.util.Map;

/** Builds connectors from connection specs: the one place that knows every platform. */
public final class ConnectorFactory {
  private final CacheFolders cacheFolders;
  private final java.util.function.Supplier<HttpPolicy> policy;
  private final TokenSource tokens;

  /** Tokens from environment variables only (headless runs, tests). */
  public ConnectorFactory(
      CacheFolders cacheFolders, HttpPolicy policy, Map<String, String> environment) {
    this(cacheFolders, policy, TokenSource.environment(environment));
  }

  /** Tokens from the credential store (keychain, vault) or environment variables. */
  public ConnectorFactory(CacheFolders cacheFolders, HttpPolicy policy, TokenSource tokens) {
    this(cacheFolders, () -> policy, tokens);
  }

  /**
   * @param policy the HTTP policy of the moment (the user's proxy and CA bundle), asked per
   *     connector
   */
  public ConnectorFactory(
      CacheFolders cacheFolders,
      java.util.function.Supplier<HttpPolicy> policy,
      TokenSource tokens) {
    this.cacheFolders = cacheFolders;
    this.policy = policy;
    this.tokens = tokens;
  }

  public Connector create(ConnectionSpec spec) {
    return switch (spec.platform()) {
      case GitHubConnector.PLATFORM -> {
        URI base = checkedUrl(spec.baseUrl(), "GitHub");
        Secret token = tokens.token(spec.credential(), base, "GitHub");
        yield new GitHubConnector(
            base.toString(),
            spec.target(),
            token,
            policy.get(),
            new DiskResponseCache(cacheFolders.forConnection(base, token)));
      }
      case GitLabConnector.PLATFORM -> {
        URI base = checkedUrl(spec.baseUrl(), "GitLab");
        Secret token = tokens.token(spec.credential(), base, "GitLab");
        try {
          yield new GitLabConnector(
              base.toString(),
              spec.target(),
              token,
              policy.get(),
              new DiskResponseCache(cacheFolders.forConnection(base, token)));
        } catch (IllegalArgumentException e) {
          throw new UserError(e.getMessage());
        }
      }
      default ->
          throw new UserError("Tenet cannot scan '" + spec.platform() + "' connections yet.");
    };
  }

  private static URI checkedUrl(String url, String platformName) {
    try {
      return dev.tenet.connectors.http.ApiClient.checkBaseUrl(url, platformName);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
