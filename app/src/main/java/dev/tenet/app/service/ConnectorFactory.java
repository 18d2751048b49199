package dev.tenet.app.service;

import dev.tenet.connectors.aws.AwsIamConnector;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.github.GitHubCredentials;
import dev.tenet.connectors.gitlab.GitLabConnector;
import dev.tenet.connectors.http.BearerChallenges;
import dev.tenet.connectors.http.CacheFolders;
import dev.tenet.connectors.http.DiskResponseCache;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.k8s.KubernetesConnector;
import dev.tenet.connectors.registry.ImageSelection;
import dev.tenet.connectors.registry.RegistryOptions;
import dev.tenet.connectors.registry.TagHistory;
import dev.tenet.connectors.registry.artifactory.ArtifactoryConnector;
import dev.tenet.connectors.registry.dockerhub.DockerHubConnector;
import dev.tenet.connectors.registry.ghcr.GhcrConnector;
import dev.tenet.connectors.registry.gitlab.GitLabRegistryConnector;
import dev.tenet.connectors.registry.integrity.SigstoreKeyless;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import dev.tenet.connectors.registry.integrity.TrustedRoot;
import dev.tenet.connectors.registry.oci.OciRegistryConnector;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Builds connectors from connection specs: the one place that knows every platform. */
public final class ConnectorFactory {
  static final String GITHUB_APP_ID = "GITHUB_APP_ID";
  static final String GITHUB_APP_KEY = "GITHUB_APP_PRIVATE_KEY";
  static final String GITHUB_APP_KEY_FILE = "GITHUB_APP_PRIVATE_KEY_FILE";
  private static final String DEFAULT_GITHUB_TOKEN_VARIABLE = "GITHUB_TOKEN";

  private final CacheFolders cacheFolders;
  private final Supplier<HttpPolicy> policy;
  private final TokenSource tokens;
  private final Map<String, String> environment;

  /** Tokens from environment variables only (headless runs, tests). */
  public ConnectorFactory(
      CacheFolders cacheFolders, HttpPolicy policy, Map<String, String> environment) {
    this(cacheFolders, () -> policy, TokenSource.environment(environment), environment);
  }

  /**
   * Tokens from the credential store (keychain, vault) or environment variables; a GitHub App from
   * the environment when no GitHub token is given.
   *
   * @param policy the HTTP policy of the moment (the user's proxy and CA bundle), asked per
   *     connector
   */
  public ConnectorFactory(
      CacheFolders cacheFolders,
      Supplier<HttpPolicy> policy,
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
              policy.get(),
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
              policy.get(),
              new DiskResponseCache(cacheFolders.forConnection(base, token)));
        } catch (IllegalArgumentException e) {
          throw new UserError(e.getMessage());
        }
      }
      case ConnectionSpec.AWS_EXPORT -> AwsIamConnector.fromFiles(spec.files());
      case ConnectionSpec.AWS -> {
        try {
          yield AwsIamConnector.live(spec.target(), spec.baseUrl(), policy.get());
        } catch (IllegalArgumentException e) {
          throw new UserError(e.getMessage());
        }
      }
      case ConnectionSpec.K8S_EXPORT -> KubernetesConnector.fromFiles(spec.target(), spec.files());
      case ConnectionSpec.K8S -> {
        try {
          yield KubernetesConnector.live(spec.files().get(0), spec.target(), null, policy.get());
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

  /**
   * A registry connector; its kind comes from the spec or, when not given, from the URL (Docker
   * Hub, Artifactory, ghcr.io and registry.gitlab.com are recognized; anything else is an OCI
   * registry).
   */
  public Connector createRegistry(
      RegistrySpec spec, RegistrySettings settings, TagHistory history) {
    String kind = spec.kind() != null ? spec.kind().toLowerCase(Locale.ROOT) : kindOf(spec.url());
    RegistryOptions options = registryOptions(settings, history);
    try {
      return switch (kind) {
        case OciRegistryConnector.PLATFORM -> {
          URI base = checkedUrl(spec.url(), "registry");
          Secret token = optionalToken(spec.credential(), "REGISTRY_TOKEN", "registry", base);
          BearerChallenges.Credentials credentials = null;
          if (token != null) {
            if (spec.username() == null || spec.username().isBlank()) {
              throw new UserError(
                  "The registry "
                      + spec.url()
                      + " needs the user name its token belongs to: give --registry-user NAME"
                      + " after --registry.");
            }
            credentials = new BearerChallenges.Credentials(spec.username(), token);
          }
          yield new OciRegistryConnector(
              base.toString(), null, credentials, options, policy.get(), cache(base, token));
        }
        case "dockerhub" -> {
          URI url = checkedUrl(spec.url(), "Docker Hub");
          String namespace = DockerHubConnector.namespaceOf(url);
          boolean hosted = DOCKER_HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT));
          String origin = url.getScheme() + "://" + url.getRawAuthority();
          Secret token = requiredToken(spec.credential(), "DOCKERHUB_TOKEN", "Docker Hub", url);
          yield new DockerHubConnector(
              hosted ? DockerHubConnector.HUB_URL : origin,
              hosted ? DockerHubConnector.REGISTRY_URL : origin,
              namespace,
              spec.username(),
              token,
              options,
              policy.get(),
              cache(URI.create(hosted ? DockerHubConnector.HUB_URL : origin), token));
        }
        case "artifactory" -> {
          URI url = checkedUrl(spec.url(), "Artifactory");
          Secret token = requiredToken(spec.credential(), "ARTIFACTORY_TOKEN", "Artifactory", url);
          yield new ArtifactoryConnector(
              url.toString(), token, options, policy.get(), cache(url, token));
        }
        case "ghcr" -> {
          URI url = checkedUrl(spec.url(), "GitHub Container registry");
          String owner = firstSegment(url);
          boolean hosted = url.getHost().equalsIgnoreCase(GhcrConnector.HOST);
          String origin = url.getScheme() + "://" + url.getRawAuthority();
          Secret token = requiredToken(spec.credential(), "GITHUB_TOKEN", "GitHub", url);
          yield new GhcrConnector(
              hosted ? GitHubConnector.DEFAULT_URL : origin,
              hosted ? GhcrConnector.REGISTRY_URL : origin,
              owner,
              spec.username(),
              token,
              options,
              policy.get(),
              cache(URI.create(hosted ? GitHubConnector.DEFAULT_URL : origin), token));
        }
        case "gitlab" -> {
          URI url = checkedUrl(spec.url(), "GitLab container registry");
          String group = url.getPath() == null ? "" : url.getPath().replaceAll("^/+|/+$", "");
          String host = url.getHost().toLowerCase(Locale.ROOT);
          String gitlabHost =
              host.startsWith("registry.") ? host.substring("registry.".length()) : host;
          String origin = url.getScheme() + "://" + url.getRawAuthority();
          String api =
              url.getScheme()
                  + "://"
                  + gitlabHost
                  + (url.getPort() >= 0 ? ":" + url.getPort() : "");
          Secret token = requiredToken(spec.credential(), "GITLAB_TOKEN", "GitLab", url);
          yield new GitLabRegistryConnector(
              api,
              origin,
              group,
              spec.username(),
              token,
              options,
              policy.get(),
              cache(URI.create(origin), token));
        }
        default ->
            throw new UserError(
                "Unknown registry kind '"
                    + kind
                    + "': choose oci, dockerhub, artifactory, ghcr or gitlab.");
      };
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  private static final java.util.Set<String> DOCKER_HOSTS =
      java.util.Set.of("hub.docker.com", "docker.io", "index.docker.io", "registry-1.docker.io");

  private static String firstSegment(URI url) {
    String path = url.getPath() == null ? "" : url.getPath().replaceAll("^/+|/+$", "");
    return path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
  }

  /** A token from the named variable, or the kind's default one; it must be set. */
  /** The token of a registry that needs one. */
  private Secret requiredToken(
      String credential, String defaultVariable, String platformName, URI registry) {
    Secret token = optionalToken(credential, defaultVariable, platformName, registry);
    if (token == null) {
      throw new UserError(
          "No "
              + platformName
              + " token: set the environment variable "
              + defaultVariable
              + " to a read-only token (see docs/PERMISSIONS.md), name another with --token-env,"
              + " or use a stored one with --credential NAME.");
    }
    return token;
  }

  /** The registry kind a URL names. */
  static String kindOf(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new UserError("'" + url + "' is not a valid URL.");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
    if (DOCKER_HOSTS.contains(host)) {
      return "dockerhub";
    }
    if (host.endsWith(".jfrog.io") || path.startsWith("/artifactory")) {
      return "artifactory";
    }
    if (host.equals("ghcr.io")) {
      return "ghcr";
    }
    if (host.equals("registry.gitlab.com")) {
      return "gitlab";
    }
    return OciRegistryConnector.PLATFORM;
  }

  private RegistryOptions registryOptions(RegistrySettings settings, TagHistory history) {
    TrustedKeys keys;
    try {
      keys = TrustedKeys.load(settings.keyFiles());
    } catch (IOException e) {
      throw new UserError(
          "Could not read the public key for signature checks: " + e.getMessage() + ".");
    }
    try {
      return new RegistryOptions(
          new ImageSelection(
              settings.tagsPerRepository(),
              settings.repositories(),
              ImageSelection.DEFAULT_MAX_REPOSITORIES),
          keys,
          new SigstoreKeyless(TrustedRoot.publicGood()),
          settings.trustedSources(),
          history,
          Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /**
   * The token a registry connection names; without a reference, the default variable, which may be
   * unset (anonymous scan). A stored credential must be bound to the registry's host (the address
   * the user gave); the connector then sends it only where that registry's protocol does: its token
   * service, and for ghcr.io, Docker Hub and GitLab their own API host.
   */
  private Secret optionalToken(
      String credential, String defaultVariable, String platformName, URI registry) {
    if (credential == null) {
      String value = environment.get(defaultVariable);
      return value == null || value.isBlank() ? null : Secret.of(value);
    }
    return tokens.token(credential, registry, platformName);
  }

  private ResponseCache cache(URI base, Secret token) {
    return new DiskResponseCache(
        cacheFolders.forConnection(base, token != null ? token : Secret.of("anonymous")));
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
