package dev.tenet.core.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One rule of a Role or ClusterRole. */
public record RbacRule(
    List<String> apiGroups,
    List<String> resources,
    List<String> verbs,
    List<String> resourceNames,
    List<String> nonResourceUrls) {

  public RbacRule {
    apiGroups = List.copyOf(apiGroups);
    resources = List.copyOf(resources);
    verbs = List.copyOf(verbs);
    resourceNames = List.copyOf(resourceNames);
    nonResourceUrls = List.copyOf(nonResourceUrls);
  }

  /** The rules of a role as the API returns them ({@code .rules}); absent means none. */
  public static List<RbacRule> parse(JsonNode rules) {
    List<RbacRule> out = new ArrayList<>();
    if (rules == null || !rules.isArray()) {
      return out;
    }
    for (JsonNode r : rules) {
      out.add(
          new RbacRule(
              strings(r.path("apiGroups")),
              strings(r.path("resources")),
              strings(r.path("verbs")),
              strings(r.path("resourceNames")),
              strings(r.path("nonResourceURLs"))));
    }
    return out;
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  boolean hasVerb(String verb) {
    return verbs.contains("*") || verbs.contains(verb);
  }

  boolean hasGroup(String group) {
    return apiGroups.contains("*") || apiGroups.contains(group);
  }

  boolean hasResource(String resource) {
    if (resources.contains("*") || resources.contains(resource)) {
      return true;
    }
    int slash = resource.indexOf('/');
    return slash > 0 && resources.contains(resource.substring(0, slash) + "/*");
  }

  boolean unrestrictedNames() {
    return resourceNames.isEmpty();
  }

  @Override
  public String toString() {
    String groups =
        apiGroups.isEmpty()
            ? ""
            : " in "
                + String.join(",", apiGroups.stream().map(g -> g.isEmpty() ? "core" : g).toList());
    if (!nonResourceUrls.isEmpty() && resources.isEmpty()) {
      return String.join(",", verbs) + " on URLs " + String.join(",", nonResourceUrls);
    }
    return String.join(",", verbs)
        + " on "
        + String.join(",", resources)
        + groups
        + (resourceNames.isEmpty() ? "" : " named " + String.join(",", resourceNames));
  }
}
