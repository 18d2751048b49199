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
  private final HttpPolicy policy;
  private final Map<String, String> environment;

  public ConnectorFactory(
      CacheFolders cacheFolders, HttpPolicy policy, Map<String, String> environment) {
    this.cacheFolders = cacheFolders;
    this.policy = policy;
    this.environment = environment;
  }

  public Connector create(ConnectionSpec spec) {
    return switch (spec.platform()) {
      case GitHubConnector.PLATFORM -> {
        Secret token = token(spec, "GitHub");
        URI base = checkedUrl(spec.baseUrl(), "GitHub");
        yield new GitHubConnector(
            base.toString(),
            spec.target(),
            token,
            policy,
            new DiskResponseCache(cacheFolders.forConnection(base, token)));
      }
      case GitLabConnector.PLATFORM -> {
        Secret token = token(spec, "GitLab");
        URI base = checkedUrl(spec.baseUrl(), "GitLab");
        try {
          yield new GitLabConnector(
              base.toString(),
              spec.target(),
              token,
              policy,
              new DiskResponseCache(cacheFolders.forConnection(base, token)));
        } catch (IllegalArgumentException e) {
          throw new UserError(e.getMessage());
        }
      }
      default ->
          throw new UserError("Tenet cannot scan '" + spec.platform() + "' connections yet.");
    };
  }

  private Secret token(ConnectionSpec spec, String platformName) {
    String variable = spec.tokenVariable();
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      throw new UserError(
          "No "
              + platformName
              + " token: set the environment variable "
              + variable
              + " to a read-only token (see docs/PERMISSIONS.md), or name another with"
              + " --token-env.");
    }
    return Secret.of(value);
  }

  private static URI checkedUrl(String url, String platformName) {
    try {
      return dev.tenet.connectors.http.ApiClient.checkBaseUrl(url, platformName);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
