package dev.tenet.app.service;

/**
 * A connection the user keeps in the console, saved in the data folder without any secret.
 *
 * @param id stable id, e.g. "c-3f9a2c1b"
 * @param platform github, gitlab or registry
 * @param baseUrl the API base URL (GitHub), the instance address (GitLab) or the registry's address
 *     (any OCI registry, Docker Hub, Artifactory, ghcr.io, a GitLab registry)
 * @param target the organization (GitHub), group path (GitLab), or the registry's host and path
 * @param credential where its token is: keychain:NAME, vault:NAME or env:VAR; never the token; null
 *     for a registry read anonymously
 * @param user the user name a registry's token belongs to, where the registry needs one; else null
 */
public record Connection(
    String id, String platform, String baseUrl, String target, String credential, String user) {

  /** The platform of container registries: their kind comes from the address. */
  public static final String REGISTRY = "registry";

  /** A GitHub or GitLab connection. */
  public Connection(String id, String platform, String baseUrl, String target, String credential) {
    this(id, platform, baseUrl, target, credential, null);
  }

  public boolean isRegistry() {
    return REGISTRY.equals(platform);
  }

  /** What a scan of a GitHub or GitLab connection reads. */
  public ConnectionSpec spec() {
    if (isRegistry()) {
      throw new IllegalStateException("a registry connection is scanned by its registrySpec()");
    }
    return new ConnectionSpec(platform, baseUrl, target, credential);
  }

  /** What a scan of a registry connection reads. */
  public RegistrySpec registrySpec() {
    return new RegistrySpec(
        baseUrl, null, credential == null || credential.isBlank() ? null : credential, user);
  }

  /** How the console names it: "GitHub · acme-corp". */
  public String label() {
    return platformTitle(platform) + " · " + target;
  }

  public static String platformTitle(String platform) {
    return switch (platform == null ? "" : platform) {
      case "github" -> "GitHub";
      case "gitlab" -> "GitLab";
      case "aws" -> "AWS";
      case "k8s" -> "Kubernetes";
      case "oci" -> "Registry";
      case "dockerhub" -> "Docker Hub";
      case "artifactory" -> "Artifactory";
      case REGISTRY -> "Registry";
      default -> platform;
    };
  }
}
