package dev.tenet.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the GitHub response mapper with what an API (or a hostile proxy) might send: any JSON, fed
 * to every mapping step. Mapping never throws and every entity it makes has a valid resource id.
 * Seeds ({@code GitHubMapperFuzzTestInputs/}) are GitHub's documented response shapes; see
 * docs/SECURITY.md#fuzzing to fuzz for longer.
 */
class GitHubMapperFuzzTest {
  @FuzzTest(maxDuration = "2m")
  @DictionaryEntries({
    "\"login\"",
    "\"full_name\"",
    "\"name\"",
    "\"default_branch\"",
    "\"visibility\"",
    "\"private\"",
    "\"archived\"",
    "\"fork\"",
    "\"two_factor_requirement_enabled\"",
    "\"default_repository_permission\"",
    "\"plan\"",
    "\"html_url\"",
    "\"required_pull_request_reviews\"",
    "\"required_approving_review_count\"",
    "\"enforce_admins\"",
    "\"allow_force_pushes\"",
    "\"allow_deletions\"",
    "\"required_signatures\"",
    "\"required_status_checks\"",
    "\"contexts\"",
    "\"enabled\"",
    "\"type\"",
    "\"ruleset_id\"",
    "\"parameters\"",
    "\"pull_request\"",
    "\"non_fast_forward\"",
    "\"deletion\"",
    "\"context\""
  })
  void mapsAnyResponse(byte[] body) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(body);
    } catch (IOException notJson) {
      return; // The HTTP layer reports a body that is not JSON as an invalid response.
    }
    if (json == null) {
      return;
    }
    TrustGraph graph = new TrustGraph();
    GitHubMapper mapper = new GitHubMapper(graph, "acme");
    mapper.organization(json);
    List<JsonNode> items = new ArrayList<>();
    (json.isArray() ? json : List.of(json)).forEach(items::add);
    mapper.members(items, items.subList(0, items.size() / 2));
    mapper.twoFactorDisabled(items);
    for (JsonNode item : items) {
      if (item.path("full_name").isTextual() && !item.path("full_name").asText().isBlank()) {
        mapper.repository(item);
        String fullName = item.path("full_name").asText();
        String branch = item.path("default_branch").asText("main");
        if (!branch.isBlank()) {
          mapper.defaultBranchProtection(
              fullName, branch, true, json, json.isArray() ? json : null, Map.of());
          mapper.defaultBranchProtection(
              fullName, branch, false, null, json.isArray() ? json : null, Map.of());
        }
      }
    }
    for (Entity e : graph.entities()) {
      assertThat(ResourceId.parse(e.id()).toString()).isNotBlank();
    }
  }
}
