package dev.tenet.app.service;

import dev.tenet.connectors.aws.AwsIamConnector;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.github.GitHubCredentials;
import dev.tenet.connectors.gitlab.GitLabConnector;
import dev.tenet.connectors.http.CacheFolders;
import dev.tenet.connectors.http.DiskResponseCache;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.k8s.KubernetesConnector;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
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
  private static final String DEFAULT_GITHUB_TOKEN_VARIABLE = "GITHUB_TOKEN";

  private final CacheFolders cacheFolders;
  private final HttpPolicy policy;
  private final TokenSource tokens;
  private final Map<String, String> environment;

  /** Tokens from environment variables only (headless runs, tests). */
  public ConnectorFactory(
      CacheFolders cacheFolders, HttpPolicy policy, Map<String, String> environment) {
    this(cacheFolders, policy, TokenSource.environment(environment), environment);
  }

  /**
   * Tokens from the credential store (keychain, vault) or environment variables; a GitHub App from
   * the environment when no GitHub token is given.
   */
  public ConnectorFactory(
      CacheFolders cacheFolders,
      HttpPolicy policy,
      TokenSource tokens,
      Map<String, String> environment) {
    this.cacheFolders = cacheFolders;
    this.policy = policy;
    this.tokens = tokens;
    this.environment = environment;
  }

  public Connector create(ConnectionSpec spec) {
    return switch (spec.platform()) {
      case GitHubConnector.PLATFORM -> {
        URI base = checkedUrl(spec.baseUrl(), "GitHub");
        GitHubCredentials credentials = gitHubCredentials(spec, base);
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
      case GitLabConnector.PLATFORM -> {
        URI base = checkedUrl(spec.baseUrl(), "GitLab");
        Secret token = tokens.token(spec.credential(), base, "GitLab");
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

  /**
   * GitHub credentials: the connection's token, or else — when the connection names no credential
   * of its own and GITHUB_TOKEN is unset — a GitHub App from {@code GITHUB_APP_ID} and {@code
   * GITHUB_APP_PRIVATE_KEY} (the PEM text) or {@code GITHUB_APP_PRIVATE_KEY_FILE} (its path).
   */
  private GitHubCredentials gitHubCredentials(ConnectionSpec spec, URI base) {
    String appId = environment.get(GITHUB_APP_ID);
    String credential = spec.credential() == null ? "" : spec.credential();
    boolean noTokenGiven =
        credential.replaceFirst("^env:", "").equals(DEFAULT_GITHUB_TOKEN_VARIABLE)
            && blank(environment.get(DEFAULT_GITHUB_TOKEN_VARIABLE));
    if (noTokenGiven && !blank(appId)) {
      String pem = environment.get(GITHUB_APP_KEY);
      String file = environment.get(GITHUB_APP_KEY_FILE);
      if (blank(pem) && !blank(file)) {
        try {
          pem = Files.readString(Path.of(file.strip()));
        } catch (IOException | RuntimeException e) {
          throw new UserError(
              "Cannot read the GitHub App private key file named by " + GITHUB_APP_KEY_FILE + ".");
        }
      }
      if (blank(pem)) {
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
    if (noTokenGiven) {
      throw new UserError(
          "No GitHub token: set the environment variable GITHUB_TOKEN to a read-only token (see"
              + " docs/PERMISSIONS.md), name another with --token-env, use a stored one with"
              + " --credential NAME, or set GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY_FILE for a"
              + " GitHub App.");
    }
    return new GitHubCredentials.PersonalToken(tokens.token(spec.credential(), base, "GitHub"));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static URI checkedUrl(String url, String platformName) {
    try {
      return dev.tenet.connectors.http.ApiClient.checkBaseUrl(url, platformName);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
