package dev.tenet.app.service;

import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.github.GitHubCredentials;
import dev.tenet.connectors.http.CacheFolders;
import dev.tenet.connectors.http.DiskResponseCache;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Connector;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Builds connectors from connection specs: the one place that knows every platform. */
public final class ConnectorFactory {
  static final String GITHUB_APP_ID = "GITHUB_APP_ID";
  static final String GITHUB_APP_KEY = "GITHUB_APP_PRIVATE_KEY";
  static final String GITHUB_APP_KEY_FILE = "GITHUB_APP_PRIVATE_KEY_FILE";

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
        GitHubCredentials credentials = gitHubCredentials(spec);
        URI base = checkedUrl(spec.baseUrl(), "GitHub");
        try {
          yield new GitHubConnector(
              base.toString(),
              spec.target(),
              credentials,
              policy,
              new DiskResponseCache(cacheFolders.forConnection(base, credentials.cacheIdentity())),
              Clock.systemUTC());
        } catch (IllegalArgumentException e) {
          throw new UserError(e.getMessage());
        }
      }
      default ->
          throw new UserError("Tenet cannot scan '" + spec.platform() + "' connections yet.");
    };
  }

  /**
   * GitHub credentials: the token in the connection's variable, or else a GitHub App from {@code
   * GITHUB_APP_ID} and {@code GITHUB_APP_PRIVATE_KEY} (the PEM text) or {@code
   * GITHUB_APP_PRIVATE_KEY_FILE} (its path).
   */
  private GitHubCredentials gitHubCredentials(ConnectionSpec spec) {
    String token = environment.get(spec.tokenVariable());
    String appId = environment.get(GITHUB_APP_ID);
    if ((token == null || token.isBlank()) && appId != null && !appId.isBlank()) {
      String pem = environment.get(GITHUB_APP_KEY);
      String file = environment.get(GITHUB_APP_KEY_FILE);
      if ((pem == null || pem.isBlank()) && file != null && !file.isBlank()) {
        try {
          pem = Files.readString(Path.of(file.strip()));
        } catch (IOException | RuntimeException e) {
          throw new UserError(
              "Cannot read the GitHub App private key file named by " + GITHUB_APP_KEY_FILE + ".");
        }
      }
      if (pem == null || pem.isBlank()) {
        throw new UserError(
            GITHUB_APP_ID
                + " is set but no private key: set "
                + GITHUB_APP_KEY_FILE
                + " to the app's .pem file (or "
                + GITHUB_APP_KEY
                + " to its text).");
      }
      try {
        return new GitHubCredentials.App(appId, Secret.of(pem));
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
    }
    return new GitHubCredentials.PersonalToken(token(spec, "GitHub"));
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
              + " --token-env"
              + (platformName.equals("GitHub")
                  ? ", or set GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY_FILE for a GitHub App."
                  : "."));
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
