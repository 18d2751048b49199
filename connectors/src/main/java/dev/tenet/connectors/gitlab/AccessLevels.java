package dev.tenet.connectors.gitlab;

import com.fasterxml.jackson.databind.JsonNode;

/** GitLab's numeric access levels as role names, and the entries of protected-ref rules. */
final class AccessLevels {
  private AccessLevels() {}

  /** The role of an access level: owner, maintainer, developer... (unknown levels by number). */
  static String role(int level) {
    return switch (level) {
      case 0 -> "no one";
      case 5 -> "minimal-access";
      case 10 -> "guest";
      case 15 -> "planner";
      case 20 -> "reporter";
      case 30 -> "developer";
      case 40 -> "maintainer";
      case 50 -> "owner";
      case 60 -> "admin";
      default -> "level-" + level;
    };
  }

  /**
   * One entry of push_access_levels, merge_access_levels or deploy_access_levels: a user, a group,
   * a deploy key, or a role (and every role above it).
   */
  static String entry(JsonNode e) {
    String who = e.path("access_level_description").asText("");
    if (e.hasNonNull("deploy_key_id")) {
      return "deploy-key:" + (who.isEmpty() ? e.path("deploy_key_id").asText() : who);
    }
    if (e.hasNonNull("user_id")) {
      return "user:" + (who.isEmpty() ? e.path("user_id").asText() : who);
    }
    if (e.hasNonNull("group_id")) {
      return "group:" + (who.isEmpty() ? e.path("group_id").asText() : who);
    }
    return role(e.path("access_level").asInt(-1));
  }
}
