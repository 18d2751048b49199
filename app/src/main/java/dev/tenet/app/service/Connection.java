package dev.tenet.app.service;

/**
 * A connection the user keeps in the console, saved in the data folder without any secret.
 *
 * @param id stable id, e.g. "c-3f9a2c1b"
 * @param platform github or gitlab
 * @param baseUrl the API base URL (GitHub) or the instance address (GitLab)
 * @param target the organization (GitHub) or group path (GitLab)
 * @param credential where its token is: keychain:NAME, vault:NAME or env:VAR; never the token
 */
public record Connection(
    String id, String platform, String baseUrl, String target, String credential) {

  public ConnectionSpec spec() {
    return new ConnectionSpec(platform, baseUrl, target, credential);
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
      default -> platform;
    };
  }
}
