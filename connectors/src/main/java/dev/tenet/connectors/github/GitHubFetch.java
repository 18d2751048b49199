package dev.tenet.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import java.util.List;

/**
 * One scan's reads through the shared HTTP policy: a read that fails becomes a blind spot naming
 * what would reveal it, and the caller gets null (unknown) instead of an exception.
 */
final class GitHubFetch {
  final ApiClient api;
  final BlindSpots blind;

  GitHubFetch(ApiClient api, BlindSpots blind) {
    this.api = api;
    this.blind = blind;
  }

  /** A JSON object, or null (with a blind spot on {@code resource}). */
  JsonNode object(String path, String resource, String what, String permission)
      throws InterruptedException {
    try {
      JsonNode json = api.getJson(path);
      if (!json.isObject()) {
        blind.add(resource, what, "the answer of " + path + " is not an object", "scan again");
        return null;
      }
      return json;
    } catch (ApiException e) {
      blind.add(resource, what, e, permission);
      return null;
    }
  }

  /**
   * Every element of a paginated list, or null (with a blind spot on {@code resource}).
   *
   * @param arrayField the field holding the array when pages are objects, or null
   */
  List<JsonNode> list(
      String path, String arrayField, String resource, String what, String permission)
      throws InterruptedException {
    try {
      return api.getAllPages(path, arrayField);
    } catch (ApiException e) {
      blind.add(resource, what, e, permission);
      return null;
    }
  }

  /**
   * Like {@link #list}, for a feature an older server (or an organization's plan) may not have: a
   * 404 for a resource the token can otherwise see means there is none, not a blind spot.
   */
  List<JsonNode> listOrNone(
      String path, String arrayField, String resource, String what, String permission)
      throws InterruptedException {
    try {
      return api.getAllPages(path, arrayField);
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.NOT_FOUND) {
        return List.of();
      }
      blind.add(resource, what, e, permission);
      return null;
    }
  }
}
