package dev.tenet.app.gui.common;

/** The icon of each kind of entity of the trust graph (Material Design icons through Ikonli). */
public final class Icons {
  private Icons() {}

  /**
   * @param kind an EntityKind id (repository, user…), or a resource-id kind (member, secret…)
   */
  public static String forKind(String kind) {
    return switch (kind == null ? "" : kind) {
      case "organization" -> "mdi2o-office-building";
      case "repository" -> "mdi2s-source-repository";
      case "branch" -> "mdi2s-source-branch";
      case "user", "member", "collaborator" -> "mdi2a-account";
      case "team" -> "mdi2a-account-group";
      case "app" -> "mdi2a-apps";
      case "bot" -> "mdi2r-robot";
      case "token", "deploy-token" -> "mdi2k-key-variant";
      case "deploy-key" -> "mdi2k-key-outline";
      case "runner" -> "mdi2s-server";
      case "runner-group" -> "mdi2s-server-network";
      case "workflow", "file" -> "mdi2s-sitemap";
      case "job" -> "mdi2c-cog-play";
      case "action" -> "mdi2p-puzzle";
      case "secret" -> "mdi2l-lock";
      case "variable" -> "mdi2v-variable";
      case "environment" -> "mdi2r-rocket-launch";
      case "webhook", "hook" -> "mdi2w-webhook";
      case "registry" -> "mdi2d-database";
      case "image" -> "mdi2d-docker";
      case "cloud-account" -> "mdi2c-cloud";
      case "cloud-role", "role" -> "mdi2s-shield-account";
      case "identity-provider" -> "mdi2c-card-account-details";
      case "cluster" -> "mdi2k-kubernetes";
      case "service-account" -> "mdi2a-account-cog";
      case "internet", "trigger" -> "mdi2e-earth";
      case "policy" -> "mdi2f-file-document-outline";
      default -> "mdi2h-help-circle-outline";
    };
  }

  /** The icon of a platform id of a resource id (github, gitlab, aws…). */
  public static String forPlatform(String platform) {
    return switch (platform == null ? "" : platform) {
      case "github" -> "mdi2g-github";
      case "gitlab" -> "mdi2g-gitlab";
      case "aws", "aws-export" -> "mdi2a-aws";
      case "k8s", "k8s-export" -> "mdi2k-kubernetes";
      case "oci", "dockerhub", "artifactory", "registry" -> "mdi2d-docker";
      default -> "mdi2h-help-circle-outline";
    };
  }
}
