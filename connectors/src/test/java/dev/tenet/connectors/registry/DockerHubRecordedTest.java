package dev.tenet.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.emulator.RegistryEmulator;
import dev.tenet.connectors.emulator.SampleRegistry;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.dockerhub.DockerHubConnector;
import dev.tenet.connectors.registry.integrity.Keyless;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.util.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Docker Hub connector on recorded responses of Docker Hub's own API (shapes from Docker's
 * OpenAPI description), with the images served by the registry emulator.
 */
class DockerHubRecordedTest {
  static final String PAT = "dckr_pat_tenet-test-0123456789abcdef";
  static final String SESSION = "hub-session-jwt-0001";
  static final String FILES = "/dev/tenet/connectors/registry/dockerhub/";
  static final String IMAGES =
      """
      registry:
        host: docker.io
        user: acme-ci
        repositories:
          - name: acme/api
            tags:
              - { tag: v1.4.0, signature: trusted,
                  provenance: { source: https://github.com/acme/api, workflow: .github/workflows/release.yml,
                                builder: https://github.com/actions/runner/github-hosted } }
              - { tag: v1.3.2, signature: trusted }
              - { tag: v1.3.1, signature: none }
          - name: acme/web
            anonymous_pull: true
            tags:
              - { tag: latest, signature: none }
          - name: acme/tools
            tags:
              - { tag: 0.9.1, signature: untrusted }
      """;

  static ApiReplay hub(boolean owner) {
    ApiReplay hub =
        new ApiReplay(FILES)
            .post(
                "/v2/auth/token",
                body -> {
                  JsonNode json;
                  try {
                    json = Json.mapper().readTree(body);
                  } catch (Exception e) {
                    return new ApiReplay.Reply(400, "{}");
                  }
                  boolean ok =
                      json.path("identifier").asText().equals("acme-ci")
                          && json.path("secret").asText().equals(PAT);
                  return ok
                      ? new ApiReplay.Reply(200, "{\"access_token\":\"" + SESSION + "\"}")
                      : new ApiReplay.Reply(
                          401, "{\"detail\":\"Incorrect authentication credentials\"}");
                })
            .authorize(a -> ("Bearer " + SESSION).equals(a))
            .file("/v2/namespaces/acme/repositories?page_size=100", "repositories-page1.json")
            .file("/v2/namespaces/acme/repositories?page=2&page_size=2", "repositories-page2.json")
            .file("/v2/access-tokens", "access-tokens.json");
    for (String repo : List.of("api", "web", "tools")) {
      hub.file("/v2/namespaces/acme/repositories/" + repo, "repository-" + repo + ".json")
          .file("/v2/namespaces/acme/repositories/" + repo + "/tags", "tags-" + repo + ".json");
      if (owner) {
        hub.file("/v2/repositories/acme/" + repo + "/groups", "repo-groups-" + repo + ".json");
      } else {
        hub.status(
            "/v2/repositories/acme/" + repo + "/groups",
            403,
            "{\"message\":\"permission denied\"}");
      }
    }
    if (owner) {
      hub.file("/v2/orgs/acme/members", "members.json")
          .file("/v2/orgs/acme/groups", "groups.json")
          .file("/v2/orgs/acme/groups/release-engineers/members", "group-release-engineers.json")
          .file("/v2/orgs/acme/groups/ci/members", "group-ci.json")
          .file("/v2/orgs/acme/access-tokens", "org-access-tokens.json");
      for (String id :
          List.of(
              "a7a5ef25-8889-43a0-8cc7-f2a94268e861",
              "c3d2e1f0-1111-4222-8333-944455556666",
              "d4e5f6a7-1111-4222-8333-944455556666")) {
        hub.file("/v2/orgs/acme/access-tokens/" + id, "org-access-token-" + id + ".json");
      }
    } else {
      for (String path :
          List.of("/v2/orgs/acme/members", "/v2/orgs/acme/groups", "/v2/orgs/acme/access-tokens")) {
        hub.status(path, 403, "{\"message\":\"permission denied\",\"errinfo\":null}");
      }
    }
    return hub;
  }

  static DockerHubConnector connector(URI hub, RegistryEmulator registry, String secret) {
    RegistryOptions options =
        new RegistryOptions(
            ImageSelection.defaults(),
            new TrustedKeys(List.of(TrustedKeys.key("acme.pub", registry.releaseKey()))),
            Keyless.withoutTrustedRoot(),
            List.of("github.com/acme"),
            TagHistory.NONE,
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
    return new DockerHubConnector(
        hub.toString(),
        registry.url().toString(),
        DockerHubConnector.namespaceOf(URI.create("https://hub.docker.com/orgs/acme")),
        "acme-ci",
        Secret.of(secret),
        options,
        HttpPolicy.defaults(),
        ResponseCache.NONE);
  }

  static Map<String, Set<String>> findings(Scan scan) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Finding f : scan.evaluation().findings()) {
      out.computeIfAbsent(f.ruleId(), k -> new TreeSet<>()).add(f.resource());
    }
    return out;
  }

  @Test
  void anOrganizationIsReadWithItsTeamsTokensAndTagSettings() throws Exception {
    try (ApiReplay hub = hub(true);
        RegistryEmulator registry = RegistryEmulator.start(SampleRegistry.fromYaml(IMAGES), PAT)) {
      Scan scan = Scan.run(connector(hub.url(), registry, PAT));
      assertThat(scan.blindSpots()).isEmpty();

      Entity api = scan.entity("oci:docker.io/acme/api");
      assertThat(api.text(Attr.VISIBILITY)).contains("private");
      assertThat(api.bool(Attr.TAGS_IMMUTABLE)).contains(true);
      assertThat(scan.entity("oci:docker.io/acme/web").text(Attr.VISIBILITY)).contains("public");
      assertThat(scan.graph().container(api)).map(Entity::id).contains("dockerhub:acme");
      Entity v140 = scan.entity("oci:docker.io/acme/api#tag/v1.4.0");
      assertThat(v140.text(Attr.PUSHED_AT)).contains("2026-11-20T10:02:11.118734Z");
      assertThat(v140.text(Attr.SIGNATURE)).contains("verified");
      assertThat(v140.text(Attr.PROVENANCE)).contains("verified");

      Map<String, Set<String>> found = findings(scan);
      // Only settings that make every tag immutable count: web has none, tools only v.* tags.
      assertThat(found.get("REG-TAG-001"))
          .containsExactlyInAnyOrder("oci:docker.io/acme/web", "oci:docker.io/acme/tools");
      assertThat(found.get("REG-TOKEN-001"))
          .containsExactlyInAnyOrder(
              "dockerhub:acme-ci#token/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
              "dockerhub:acme#token/c3d2e1f0-1111-4222-8333-944455556666");
      assertThat(found.get("REG-TOKEN-002"))
          .containsExactlyInAnyOrder(
              "dockerhub:acme-ci#token/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
              "dockerhub:acme-ci#token/11111111-2222-3333-4444-555555555555",
              "dockerhub:acme#token/d4e5f6a7-1111-4222-8333-944455556666");
      Finding admin =
          scan.finding("REG-TOKEN-002", "dockerhub:acme#token/d4e5f6a7-1111-4222-8333-944455556666")
              .orElseThrow();
      assertThat(admin.severity()).isEqualTo(Severity.HIGH);
      assertThat(admin.message()).contains("'org automation' can administer the registry");
      Finding unused =
          scan.finding(
                  "REG-TOKEN-002", "dockerhub:acme-ci#token/11111111-2222-3333-4444-555555555555")
              .orElseThrow();
      assertThat(unused.message()).contains("can push to every repository but has never been used");
      assertThat(
              scan.finding(
                      "REG-TOKEN-001",
                      "dockerhub:acme-ci#token/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
                  .orElseThrow()
                  .evidence())
          .containsEntry("scopes", List.of("repo:admin"))
          .containsEntry("last_used_at", "2026-09-12T08:30:00Z");
      // The revoked token is not judged at all.
      assertThat(scan.graph().find("dockerhub:acme-ci#token/99999999-2222-3333-4444-555555555555"))
          .hasValueSatisfying(t -> assertThat(t.bool(Attr.ACTIVE)).contains(false));
      // A public repository pulled anonymously is by design.
      assertThat(scan.entity("oci:docker.io/acme/web").bool(Attr.ANONYMOUS_PULL)).contains(true);
      assertThat(found).doesNotContainKey("REG-ANON-001");
      assertThat(found.get("REG-SIGN-001"))
          .containsExactlyInAnyOrder(
              "oci:docker.io/acme/api#tag/v1.3.1",
              "oci:docker.io/acme/web#tag/latest",
              "oci:docker.io/acme/tools#tag/0.9.1");
    }
  }

  @Test
  void whoCanPushIsInTheGraph() throws Exception {
    try (ApiReplay hub = hub(true);
        RegistryEmulator registry = RegistryEmulator.start(SampleRegistry.fromYaml(IMAGES), PAT)) {
      Scan scan = Scan.run(connector(hub.url(), registry, PAT));
      Entity api = scan.entity("oci:docker.io/acme/api");
      Entity release = scan.entity("dockerhub:acme#team/release-engineers");
      assertThat(scan.graph().targets(release, RelationKind.CAN_WRITE)).contains(api);
      assertThat(scan.graph().sources(release, RelationKind.MEMBER_OF))
          .extracting(Entity::id)
          .contains("dockerhub:acme#member/raj", "dockerhub:acme#member/sam");
      Entity pipeline = scan.entity("dockerhub:acme#token/c3d2e1f0-1111-4222-8333-944455556666");
      assertThat(scan.graph().targets(pipeline, RelationKind.CAN_WRITE))
          .extracting(Entity::id)
          .containsExactlyInAnyOrder(
              "oci:docker.io/acme/api", "oci:docker.io/acme/web", "oci:docker.io/acme/tools");
      Entity deploy = scan.entity("dockerhub:acme#token/a7a5ef25-8889-43a0-8cc7-f2a94268e861");
      assertThat(scan.graph().targets(deploy, RelationKind.CAN_WRITE)).isEmpty();
      Entity owner = scan.entity("dockerhub:acme#member/maya");
      assertThat(scan.graph().targets(owner, RelationKind.CAN_ADMIN))
          .extracting(Entity::id)
          .containsExactly("dockerhub:acme");
      // The login was one POST with the token in its body, never in a URL.
      assertThat(hub.log()).contains("POST /v2/auth/token");
      assertThat(hub.log()).allMatch(l -> !l.contains(PAT));
    }
  }

  @Test
  void aMemberTokenLeavesBlindSpotsNamingTheOwnerRole() throws Exception {
    try (ApiReplay hub = hub(false);
        RegistryEmulator registry = RegistryEmulator.start(SampleRegistry.fromYaml(IMAGES), PAT)) {
      Scan scan = Scan.run(connector(hub.url(), registry, PAT));
      assertThat(scan.blindSpots())
          .extracting(b -> b.what())
          .contains("the members of acme", "the team permissions of acme/api");
      assertThat(scan.blindSpots())
          .allSatisfy(b -> assertThat(b.remedy()).contains("organization owner"));
      // What the member can see is still judged.
      assertThat(scan.entity("oci:docker.io/acme/api").bool(Attr.TAGS_IMMUTABLE)).contains(true);
    }
  }

  @Test
  void aRejectedTokenIsOneClearSentence() throws Exception {
    try (ApiReplay hub = hub(true);
        RegistryEmulator registry = RegistryEmulator.start(SampleRegistry.fromYaml(IMAGES), PAT)) {
      assertThatThrownBy(() -> Scan.run(connector(hub.url(), registry, "dckr_pat_wrong")))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("Docker Hub rejected the access token of acme-ci")
          .hasMessageNotContaining("dckr_pat_wrong");
    }
  }

  @Test
  void namespacesAreReadFromDockerHubUrls() {
    assertThat(DockerHubConnector.namespaceOf(URI.create("https://hub.docker.com/u/acme")))
        .isEqualTo("acme");
    assertThat(
            DockerHubConnector.namespaceOf(URI.create("https://hub.docker.com/orgs/acme/members")))
        .isEqualTo("acme");
    assertThat(DockerHubConnector.namespaceOf(URI.create("https://hub.docker.com/acme")))
        .isEqualTo("acme");
    assertThat(DockerHubConnector.namespaceOf(URI.create("https://docker.io/acme/")))
        .isEqualTo("acme");
  }
}
