package dev.tenet.core.model;

/** One connection an assessment covered: platform, API base URL and the organization or group. */
public record ScopeEntry(String platform, String baseUrl, String target) {
  @Override
  public String toString() {
    return platform + ":" + target + " (" + baseUrl + ")";
  }
}
