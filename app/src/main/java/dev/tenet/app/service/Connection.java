package dev.tenet.app.service;

import java.nio.file.Path;
import java.util.List;

/**
 * A connection the user keeps in the console, saved in the data folder without any secret.
 *
 * @param id stable id, e.g. "c-3f9a2c1b"
 * @param platform github, gitlab, registry; aws (a profile, read live) or aws-export (IAM export
 *     files); k8s (a kubeconfig, read live) or k8s-export (exported files)
 * @param baseUrl the API base URL (GitHub), the instance address (GitLab) or the registry's address
 *     (any OCI registry, Docker Hub, Artifactory, ghcr.io, a GitLab registry); null for AWS and
 *     Kubernetes
 * @param target the organization (GitHub), group path (GitLab), the registry's host and path, the
 *     AWS profile, the kubeconfig context (null: its current one) or the cluster name of an export
 *     (null: from the file name)
 * @param credential where its token is: keychain:NAME, vault:NAME or env:VAR; never the token; null
 *     for a registry read anonymously, and for AWS and Kubernetes, whose credentials stay in the
 *     AWS and kubectl configuration
 * @param user the user name a registry's token belongs to, where the registry needs one; else null
 * @param files the exported files or folders (aws-export, k8s-export) or the kubeconfig (k8s)
 */
public record Connection(
    String id,
    String platform,
    String baseUrl,
    String target,
    String credential,
    String user,
    List<String> files) {

  /** The platform of container registries: their kind comes from the address. */
  public static final String REGISTRY = "registry";

  public Connection {
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** A GitHub or GitLab connection. */
  public Connection(String id, String platform, String baseUrl, String target, String credential) {
    this(id, platform, baseUrl, target, credential, null, List.of());
  }

  /** A registry connection. */
  public Connection(
      String id, String platform, String baseUrl, String target, String credential, String user) {
    this(id, platform, baseUrl, target, credential, user, List.of());
  }

  public boolean isRegistry() {
    return REGISTRY.equals(platform);
  }

  /** GitHub and GitLab connections can be tested apart; the others are read when scanned. */
  public boolean isTestable() {
    return "github".equals(platform) || "gitlab".equals(platform);
  }

  /** What a scan of this connection reads, unless it is a registry. */
  public ConnectionSpec spec() {
    if (isRegistry()) {
      throw new IllegalStateException("a registry connection is scanned by its registrySpec()");
    }
    return new ConnectionSpec(
        platform, baseUrl, target, credential, files.stream().map(Path::of).toList());
  }

  /** What a scan of a registry connection reads. */
  public RegistrySpec registrySpec() {
    return new RegistrySpec(
        baseUrl, null, credential == null || credential.isBlank() ? null : credential, user);
  }

  /** How the console names it: "GitHub · acme-corp", "AWS · profile prod". */
  public String label() {
    String name =
        switch (platform == null ? "" : platform) {
          case ConnectionSpec.AWS -> "profile " + target;
          case ConnectionSpec.AWS_EXPORT -> fileName();
          case ConnectionSpec.K8S -> target == null ? "current context of " + fileName() : target;
          case ConnectionSpec.K8S_EXPORT -> target == null ? fileName() : target;
          default -> target;
        };
    return platformTitle(platform) + " · " + name;
  }

  private String fileName() {
    if (files.isEmpty()) {
      return "no file";
    }
    Path name = Path.of(files.get(0)).getFileName();
    return (name == null ? files.get(0) : name.toString())
        + (files.size() > 1 ? " and " + (files.size() - 1) + " more" : "");
  }

  public static String platformTitle(String platform) {
    return switch (platform == null ? "" : platform) {
      case "github" -> "GitHub";
      case "gitlab" -> "GitLab";
      case ConnectionSpec.AWS, ConnectionSpec.AWS_EXPORT -> "AWS";
      case ConnectionSpec.K8S, ConnectionSpec.K8S_EXPORT -> "Kubernetes";
      case "oci" -> "Registry";
      case "dockerhub" -> "Docker Hub";
      case "artifactory" -> "Artifactory";
      case REGISTRY -> "Registry";
      default -> platform;
    };
  }
}
