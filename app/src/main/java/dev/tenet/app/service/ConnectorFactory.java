package dev.tenet.app.service;

import dev.tenet.connectors.aws.AwsIamConnector;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.http.CacheFolders;
import dev.tenet.connectors.http.DiskResponseCache;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.k8s.KubernetesConnector;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
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
      case ConnectionSpec.AWS_EXPORT -> AwsIamConnector.fromFiles(spec.files());
      case ConnectionSpec.AWS -> {
        try {
          yield AwsIamConnector.live(spec.target(), spec.baseUrl(), policy);
        } catch (IllegalArgumentException e) {
          throw new UserError(e.getMessage());
        }
      }
      case ConnectionSpec.K8S_EXPORT -> KubernetesConnector.fromFiles(spec.target(), spec.files());
      case ConnectionSpec.K8S -> {
        try {
          yield KubernetesConnector.live(spec.files().get(0), spec.target(), null, policy);
        } catch (ConnectorException e) {
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
