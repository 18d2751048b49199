package dev.tenet.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.gitlab.GitLabConnector;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.registry.oci.OciRegistryConnector;
import dev.tenet.core.credentials.CredentialReference;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.store.credentials.CredentialStore;
import dev.tenet.core.store.credentials.StoredCredential;
import dev.tenet.core.util.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The connections the console keeps ({@code connections.json} in the data folder: platform, base
 * URL, organization or group, and a credential reference, never a token). A token pasted with a
 * connection goes to the credential store (OS keychain, else the encrypted vault), bound to the
 * connection's host.
 */
public final class ConnectionService {
  static final String FORMAT = "tenet.connections/v1";
  public static final String GITHUB_URL = "https://api.github.com";
  public static final String GITLAB_URL = "https://gitlab.com";

  private final Path file;
  private final CredentialService credentials;
  private final ConnectionTester tester;

  public ConnectionService(Path file, CredentialService credentials, ConnectionTester tester) {
    this.file = file;
    this.credentials = credentials;
    this.tester = tester;
  }

  public Path file() {
    return file;
  }

  /** The default base URL of a platform. */
  public static String defaultUrl(String platform) {
    return switch (platform == null ? "" : platform) {
      case GitLabConnector.PLATFORM -> GITLAB_URL;
      case Connection.REGISTRY -> "";
      default -> GITHUB_URL;
    };
  }

  public synchronized List<Connection> list() {
    List<Connection> out = new ArrayList<>();
    JsonFiles.read(file)
        .ifPresent(
            root -> {
              for (JsonNode n : root.path("connections")) {
                List<String> files = new ArrayList<>();
                n.path("files").forEach(f -> files.add(f.asText()));
                out.add(
                    new Connection(
                        n.path("id").asText(),
                        n.path("platform").asText(),
                        n.path("baseUrl").asText(null),
                        n.path("target").asText(null),
                        n.path("credential").asText(null),
                        n.path("user").asText(null),
                        files));
              }
            });
    return List.copyOf(out);
  }

  public Optional<Connection> find(String id) {
    return list().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * What saving did.
   *
   * @param note where the token went when that may surprise (no keychain: the vault), or null
   */
  public record Saved(Connection connection, String note) {}

  /**
   * Adds a connection, or replaces the one with the same id.
   *
   * @param token a new token for it, or null to keep the credential it names
   */
  public synchronized Saved save(Connection draft, Secret token) {
    String platform = draft.platform() == null ? "" : draft.platform().strip();
    switch (platform) {
      case Connection.REGISTRY:
        return saveRegistry(draft, token);
      case ConnectionSpec.AWS,
      ConnectionSpec.AWS_EXPORT,
      ConnectionSpec.K8S,
      ConnectionSpec.K8S_EXPORT:
        return saveCloud(draft, platform);
      case GitHubConnector.PLATFORM, GitLabConnector.PLATFORM:
        break;
      default:
        throw new UserError("Choose GitHub, GitLab, a registry, AWS or Kubernetes.");
    }
    String title = Connection.platformTitle(platform);
    String url =
        draft.baseUrl() == null || draft.baseUrl().isBlank()
            ? defaultUrl(platform)
            : draft.baseUrl().strip().replaceAll("/+$", "");
    URI base;
    try {
      base = ApiClient.checkBaseUrl(url, title);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    String target = draft.target() == null ? "" : draft.target().strip().replaceAll("^/+|/+$", "");
    if (target.isEmpty()) {
      throw new UserError(
          platform.equals(GitHubConnector.PLATFORM)
              ? "Name the GitHub organization to assess, e.g. acme-corp."
              : "Name the GitLab group to assess by its full path, e.g. acme or acme/platform.");
    }
    if (platform.equals(GitHubConnector.PLATFORM) && !target.matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
      throw new UserError(
          "'" + target + "' is not a GitHub organization name (letters, digits and dashes).");
    }
    if (platform.equals(GitLabConnector.PLATFORM) && !target.matches("[\\w.][\\w.\\-/]*")) {
      throw new UserError("'" + target + "' is not a GitLab group path, e.g. acme/platform.");
    }
    String id = idOf(draft);
    refuseDuplicate(id, platform, base, target);
    String credential = draft.credential() == null ? "" : draft.credential().strip();
    Stored stored = storeToken(platform, target, base, token, credential);
    if (stored.credential().isEmpty()) {
      throw new UserError(
          "Paste a read-only token for "
              + title
              + " (Tenet keeps it in the OS keychain or its encrypted vault), or name an"
              + " environment variable as env:VAR.");
    }
    return keep(new Connection(id, platform, url, target, stored.credential()), stored.note());
  }

  /**
   * A container registry: its kind comes from the address (Docker Hub, Artifactory, ghcr.io, a
   * GitLab registry, else any OCI registry). Only a plain OCI registry may be read without a token
   * (to see what it serves to anyone); a token there needs the user it belongs to.
   */
  private Saved saveRegistry(Connection draft, Secret token) {
    String url = draft.baseUrl() == null ? "" : draft.baseUrl().strip().replaceAll("/+$", "");
    if (url.isEmpty()) {
      throw new UserError(
          "Give the registry's address, e.g. https://registry.acme.example/team,"
              + " https://hub.docker.com/acme or https://ghcr.io/acme.");
    }
    URI base;
    try {
      base = ApiClient.checkBaseUrl(url, "registry");
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    String kind = ConnectorFactory.kindOf(url);
    String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    String target = base.getHost() + (base.getPort() >= 0 ? ":" + base.getPort() : "") + path;
    String user = draft.user() == null || draft.user().isBlank() ? null : draft.user().strip();
    String id = idOf(draft);
    refuseDuplicate(id, Connection.REGISTRY, base, target);
    String credential = draft.credential() == null ? "" : draft.credential().strip();
    Stored stored = storeToken(Connection.REGISTRY, target, base, token, credential);
    boolean anonymous = stored.credential().isEmpty();
    if (anonymous && !kind.equals(OciRegistryConnector.PLATFORM)) {
      throw new UserError(
          "Paste a read-only token for "
              + Connection.platformTitle(kind)
              + " (Tenet keeps it in the OS keychain or its encrypted vault).");
    }
    if (!anonymous && kind.equals(OciRegistryConnector.PLATFORM) && user == null) {
      throw new UserError("Name the user this registry token belongs to.");
    }
    return keep(
        new Connection(
            id, Connection.REGISTRY, url, target, anonymous ? null : stored.credential(), user),
        stored.note());
  }

  /**
   * An AWS account or a Kubernetes cluster: read live through the AWS profile or the kubeconfig
   * (whose credentials stay where the AWS CLI and kubectl keep them: Tenet stores none), or from
   * exported files.
   */
  private Saved saveCloud(Connection draft, String platform) {
    String target =
        draft.target() == null || draft.target().isBlank() ? null : draft.target().strip();
    List<String> files =
        draft.files().stream()
            .map(String::strip)
            .filter(f -> !f.isEmpty())
            .map(ConnectionService::expandHome)
            .toList();
    switch (platform) {
      case ConnectionSpec.AWS -> {
        target = target == null ? "default" : target;
        if (!target.matches("[\\w+=,.@-]+")) {
          throw new UserError("'" + target + "' is not an AWS profile name.");
        }
        files = List.of();
      }
      case ConnectionSpec.K8S -> {
        if (files.isEmpty()) {
          files = List.of(Path.of(System.getProperty("user.home"), ".kube", "config").toString());
        }
        files = List.of(files.get(0));
      }
      default -> {
        if (files.isEmpty()) {
          throw new UserError(
              platform.equals(ConnectionSpec.AWS_EXPORT)
                  ? "Choose the IAM export: the file of 'aws iam get-account-authorization-details',"
                      + " or a folder of such files."
                  : "Choose the cluster export: a file of 'kubectl get … -o json', or a folder of"
                      + " such files.");
        }
      }
    }
    for (String f : files) {
      boolean exists;
      try {
        exists = Files.exists(Path.of(f));
      } catch (InvalidPathException e) {
        throw new UserError("'" + f + "' is not a file path.");
      }
      if (!exists) {
        throw new UserError("There is no file or folder " + f + ".");
      }
    }
    String id = idOf(draft);
    Connection saved = new Connection(id, platform, null, target, null, null, files);
    for (Connection c : list()) {
      if (!c.id().equals(id)
          && c.platform().equals(platform)
          && Objects.equals(c.target(), target)
          && c.files().equals(files)) {
        throw new UserError("There is a connection to " + c.label() + " already: edit that one.");
      }
    }
    return keep(saved, null);
  }

  /** "~/x" as a shell reads it: in the user's home. */
  private static String expandHome(String path) {
    return path.equals("~") || path.startsWith("~/")
        ? System.getProperty("user.home") + path.substring(1)
        : path;
  }

  private static String idOf(Connection draft) {
    return draft.id() == null || draft.id().isBlank() ? newId() : draft.id();
  }

  private void refuseDuplicate(String id, String platform, URI base, String target) {
    for (Connection c : list()) {
      if (!c.id().equals(id)
          && c.platform().equals(platform)
          && hostOf(c.baseUrl()).equalsIgnoreCase(base.getHost())
          && c.target().equalsIgnoreCase(target)) {
        throw new UserError("There is a connection to " + c.label() + " already: edit that one.");
      }
    }
  }

  /** Where a connection's token is after saving, and a note when that may surprise. */
  private record Stored(String credential, String note) {}

  /** Stores a pasted token bound to the connection's host, or checks the one it names. */
  private Stored storeToken(
      String platform, String target, URI base, Secret token, String credential) {
    if (token != null) {
      CredentialStore.Added added =
          credentials.add(
              credentialName(platform, target),
              token,
              CredentialStore.Placement.AUTO,
              base.getHost(),
              true);
      return new Stored(added.credential().reference().toString(), added.note());
    }
    boundElsewhere(credential, base)
        .ifPresent(
            host -> {
              throw new UserError(
                  "The stored token is bound to "
                      + host
                      + "; paste a token for "
                      + base.getHost()
                      + ".");
            });
    return new Stored(credential, null);
  }

  /** Adds the connection, or replaces the one with its id in place. */
  private Saved keep(Connection saved, String note) {
    List<Connection> all = new ArrayList<>(list());
    int at = indexOf(all, saved.id());
    all.removeIf(c -> c.id().equals(saved.id()));
    all.add(at < 0 ? all.size() : Math.min(at, all.size()), saved);
    writeAll(all);
    return new Saved(saved, note);
  }

  /**
   * Removes a connection, and the stored token Tenet created for it when no other connection uses
   * it. Its assessments stay (Forget removes those).
   */
  public synchronized void remove(String id) {
    List<Connection> all = new ArrayList<>(list());
    Connection gone =
        all.stream()
            .filter(c -> c.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new UserError("That connection was removed already."));
    all.remove(gone);
    writeAll(all);
    storedName(gone.credential())
        .filter(name -> name.startsWith("tenet-"))
        .filter(name -> all.stream().noneMatch(c -> gone.credential().equals(c.credential())))
        .filter(name -> credentials.list().stream().anyMatch(s -> s.name().equals(name)))
        .ifPresent(credentials::remove);
  }

  /** Tests a saved or drafted connection against its platform. */
  public ConnectionTester.Report test(Connection c) throws InterruptedException {
    if (!c.isTestable()) {
      throw new UserError(
          "Tenet reads "
              + Connection.platformTitle(c.platform())
              + " connections when it scans them: choose it on the Scan screen to check it.");
    }
    return tester.test(c.spec());
  }

  /** The scan plan of some connections (by id), with or without the bundled demo. */
  public ScanPlan plan(List<String> ids, boolean demo) {
    List<Connection> all = list();
    List<Connection> chosen = new ArrayList<>();
    for (String id : ids) {
      all.stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(chosen::add);
    }
    return planOf(chosen, demo);
  }

  /** The scan plan of these connections: registries after the platforms they link to. */
  public static ScanPlan planOf(List<Connection> chosen, boolean demo) {
    return new ScanPlan(
        demo,
        chosen.stream().filter(c -> !c.isRegistry()).map(Connection::spec).toList(),
        chosen.stream().filter(Connection::isRegistry).map(Connection::registrySpec).toList(),
        RegistrySettings.defaults());
  }

  private Optional<String> boundElsewhere(String credential, URI base) {
    Optional<String> name = storedName(credential);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return credentials.list().stream()
        .filter(s -> s.name().equals(name.get()))
        .findFirst()
        .filter(s -> !s.allows(base))
        .map(StoredCredential::host);
  }

  private static Optional<String> storedName(String credential) {
    if (credential == null || !CredentialReference.isQualified(credential)) {
      return Optional.empty();
    }
    CredentialReference ref = CredentialReference.parse(credential);
    return ref.kind() == CredentialReference.Kind.ENV ? Optional.empty() : Optional.of(ref.name());
  }

  static String credentialName(String platform, String target) {
    String slug =
        target.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+", "");
    String name = "tenet-" + platform + "-" + slug;
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  private void writeAll(List<Connection> all) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", FORMAT);
    ArrayNode list = root.putArray("connections");
    for (Connection c : all) {
      ObjectNode n = list.addObject();
      n.put("id", c.id());
      n.put("platform", c.platform());
      n.put("baseUrl", c.baseUrl());
      n.put("target", c.target());
      n.put("credential", c.credential());
      if (c.user() != null) {
        n.put("user", c.user());
      }
      if (!c.files().isEmpty()) {
        ArrayNode files = n.putArray("files");
        c.files().forEach(files::add);
      }
    }
    JsonFiles.write(file, root);
  }

  private static int indexOf(List<Connection> list, String id) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? url : host;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static String newId() {
    byte[] b = new byte[4];
    new SecureRandom().nextBytes(b);
    return "c-" + HexFormat.of().formatHex(b);
  }
}
