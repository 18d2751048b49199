package dev.tenet.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.emulator.RegistryEmulator;
import dev.tenet.connectors.emulator.SampleRegistry;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.artifactory.ArtifactoryConnector;
import dev.tenet.connectors.registry.integrity.Keyless;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.scan.ConnectorException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Artifactory connector on recorded responses of Artifactory's REST and Access APIs (shapes
 * from JFrog's REST documentation), with its Docker API served by the registry emulator behind the
 * same address.
 */
class ArtifactoryRecordedTest {
  static final String TOKEN = "cmVmdGtuOjAxOjE3OTg3NjE2MDA6dGVuZXQtdGVzdA";
  static final String FILES = "/dev/tenet/connectors/registry/artifactory/";
  static final String IMAGES =
      """
      registry:
        host: unused.example
        user: tenet
        repositories:
          - name: docker-local/payments/api
            tags:
              - { tag: v3.1.0, signature: trusted }
              - { tag: v3.0.9, signature: none }
          - name: docker-sandbox/experiments/tool
            anonymous_pull: true
            tags:
              - { tag: 0.0.1, signature: none }
      """;

  static ApiReplay artifactory(RegistryEmulator registry, boolean admin) {
    ApiReplay a =
        new ApiReplay(FILES)
            .authorize(h -> ("Bearer " + TOKEN).equals(h))
            .file("/artifactory/api/system/ping", "ping.txt")
            .file("/artifactory/api/repositories", "repositories.json")
            .file("/artifactory/api/docker/docker-local/v2/_catalog", "catalog-docker-local.json")
            .file(
                "/artifactory/api/docker/docker-sandbox/v2/_catalog", "catalog-docker-sandbox.json")
            .forward("/v2/", registry.url())
            .forward("/token", registry.url());
    if (admin) {
      a.file("/artifactory/api/system/configuration", "configuration.xml")
          .file("/artifactory/api/v2/security/permissions", "permissions.json")
          .file("/artifactory/api/security/users", "users.json")
          .file("/access/api/v1/tokens", "tokens.json");
      for (String p : List.of("docker-release", "sandbox-open", "readers")) {
        a.file("/artifactory/api/v2/security/permissions/" + p, "permission-" + p + ".json");
      }
      for (String u : List.of("admin", "ci-publisher", "dana")) {
        a.file("/artifactory/api/security/users/" + u, "user-" + u + ".json");
      }
    } else {
      for (String p :
          List.of(
              "/artifactory/api/system/configuration",
              "/artifactory/api/v2/security/permissions",
              "/artifactory/api/security/users",
              "/access/api/v1/tokens")) {
        a.status(p, 403, "{\"errors\":[{\"status\":403,\"message\":\"Forbidden\"}]}");
      }
    }
    return a;
  }

  static ArtifactoryConnector connector(
      ApiReplay artifactory, RegistryEmulator registry, String token) {
    RegistryOptions options =
        new RegistryOptions(
            ImageSelection.defaults(),
            new TrustedKeys(List.of(TrustedKeys.key("acme.pub", registry.releaseKey()))),
            Keyless.withoutTrustedRoot(),
            List.of(),
            TagHistory.NONE,
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
    return new ArtifactoryConnector(
        artifactory.url() + "/artifactory",
        Secret.of(token),
        options,
        HttpPolicy.defaults(),
        ResponseCache.NONE);
  }

  @Test
  void repositoriesPermissionTargetsUsersAndTokensAreJudged() throws Exception {
    try (RegistryEmulator registry =
            RegistryEmulator.start(SampleRegistry.fromYaml(IMAGES), "unused").acceptBearer(TOKEN);
        ApiReplay artifactory = artifactory(registry, true)) {
      Scan scan = Scan.run(connector(artifactory, registry, TOKEN));
      String host = artifactory.url().getHost() + ":" + artifactory.url().getPort();
      String api = "oci:" + host + "/docker-local/payments/api";
      String tool = "oci:" + host + "/docker-sandbox/experiments/tool";
      assertThat(scan.blindSpots()).isEmpty();
      assertThat(scan.entity("artifactory:" + host).text("anonymousAccessEnabled"))
          .contains("true");
      // Remote and virtual repositories are listed but their images are not the organization's.
      assertThat(scan.entity("artifactory:" + host + "/docker-hub-remote").text("repositoryType"))
          .contains("remote");
      assertThat(scan.entity(api + "#tag/v3.1.0").text(Attr.SIGNATURE)).contains("verified");

      // release-managers may delete, so overwrite, tags in docker-local; nobody in the sandbox.
      assertThat(scan.entity(api).bool(Attr.TAGS_IMMUTABLE)).contains(false);
      assertThat(scan.entity("artifactory:" + host + "/docker-local").list("overwriteAllowedFor"))
          .containsExactly("group:release-managers");
      assertThat(scan.entity(tool).bool(Attr.TAGS_IMMUTABLE)).contains(true);
      assertThat(scan.findings("REG-TAG-001")).extracting(Finding::resource).containsExactly(api);

      // Anonymous may deploy to the sandbox: pushing there is open to anyone.
      Finding open = scan.finding("REG-ANON-001", tool).orElseThrow();
      assertThat(open.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(open.evidence())
          .containsEntry("anonymous_push", true)
          .containsEntry("anonymous_pull", true);
      Entity internet = scan.entity(RegistryScan.INTERNET_ID);
      assertThat(scan.graph().targets(internet, RelationKind.CAN_WRITE))
          .extracting(Entity::id)
          .contains(tool);
      assertThat(scan.finding("REG-ANON-001", api)).isEmpty();

      // Who can push to the release repository.
      Entity publisher = scan.entity("artifactory:" + host + "#user/ci-publisher");
      assertThat(scan.graph().targets(publisher, RelationKind.CAN_WRITE))
          .extracting(Entity::id)
          .contains(api);
      Entity managers = scan.entity("artifactory:" + host + "#group/release-managers");
      assertThat(scan.graph().sources(managers, RelationKind.MEMBER_OF))
          .extracting(Entity::id)
          .containsExactly("artifactory:" + host + "#user/dana");

      // Tokens: the CI token never expires; the admin-scoped one can administer.
      String ci = "artifactory:" + host + "#token/7a2b9f41-0c2e-4d59-9e0a-1f3c5b7d9e21";
      String backup = "artifactory:" + host + "#token/3c4d5e6f-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
      String dashboards = "artifactory:" + host + "#token/9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a";
      assertThat(scan.findings("REG-TOKEN-001")).extracting(Finding::resource).containsExactly(ci);
      assertThat(scan.findings("REG-TOKEN-002"))
          .extracting(Finding::resource)
          .containsExactly(backup);
      assertThat(scan.entity(ci).list(Attr.GRANTS)).containsExactly("pull", "push");
      assertThat(scan.entity(ci).list(Attr.RESOURCES))
          .containsExactly("docker-local", "docker-sandbox");
      assertThat(scan.entity(dashboards).list(Attr.GRANTS)).containsExactly("pull");
      assertThat(scan.graph().targets(scan.entity(ci), RelationKind.CAN_WRITE))
          .extracting(Entity::id)
          .contains(api);
      assertThat(scan.entity(backup).text(Attr.EXPIRES_AT)).contains("2027-01-01T00:00:00Z");
    }
  }

  @Test
  void aNonAdministratorTokenLeavesBlindSpotsAndUnknownsNotPasses() throws Exception {
    try (RegistryEmulator registry =
            RegistryEmulator.start(SampleRegistry.fromYaml(IMAGES), "unused").acceptBearer(TOKEN);
        ApiReplay artifactory = artifactory(registry, false)) {
      Scan scan = Scan.run(connector(artifactory, registry, TOKEN));
      String host = artifactory.url().getHost() + ":" + artifactory.url().getPort();
      assertThat(scan.blindSpots())
          .extracting(b -> b.what())
          .containsExactlyInAnyOrder(
              "whether anonymous access is enabled",
              "the permission targets",
              "the users",
              "the access tokens");
      assertThat(scan.blindSpots())
          .allSatisfy(b -> assertThat(b.remedy()).contains("administrator"));
      // Without the permission targets, tag mutability is unknown, never a pass.
      assertThat(scan.entity("oci:" + host + "/docker-local/payments/api").has(Attr.TAGS_IMMUTABLE))
          .isFalse();
      var tally =
          scan.evaluation().tallies().stream()
              .filter(t -> t.ruleId().equals("REG-TAG-001"))
              .findFirst()
              .orElseThrow();
      assertThat(tally.unknown()).isEqualTo(2);
      assertThat(tally.passed()).isZero();
      // The live probe still sees what anyone can pull.
      assertThat(
              scan.entity("oci:" + host + "/docker-sandbox/experiments/tool")
                  .bool(Attr.ANONYMOUS_PULL))
          .contains(true);
    }
  }

  @Test
  void theSystemConfigurationNeverReachesTheResponseCache() throws Exception {
    List<String> stored = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    dev.tenet.connectors.http.ResponseCache recording =
        new dev.tenet.connectors.http.ResponseCache() {
          @Override
          public java.util.Optional<Entry> get(String url) {
            return java.util.Optional.empty();
          }

          @Override
          public void put(String url, Entry entry) {
            stored.add(url);
          }
        };
    try (RegistryEmulator registry =
            RegistryEmulator.start(SampleRegistry.fromYaml(IMAGES), "unused").acceptBearer(TOKEN);
        ApiReplay artifactory = artifactory(registry, true)) {
      ArtifactoryConnector connector =
          new ArtifactoryConnector(
              artifactory.url() + "/artifactory",
              Secret.of(TOKEN),
              new RegistryOptions(
                  ImageSelection.defaults(),
                  TrustedKeys.none(),
                  Keyless.withoutTrustedRoot(),
                  List.of(),
                  TagHistory.NONE,
                  Clock.systemUTC()),
              HttpPolicy.defaults(),
              recording);
      Scan.run(connector);
      assertThat(stored).anyMatch(u -> u.contains("/artifactory/api/repositories"));
      assertThat(stored).noneMatch(u -> u.contains("/system/configuration"));
    }
  }

  @Test
  void aRejectedTokenIsOneClearSentence() throws Exception {
    try (RegistryEmulator registry =
            RegistryEmulator.start(SampleRegistry.fromYaml(IMAGES), "unused").acceptBearer(TOKEN);
        ApiReplay artifactory = artifactory(registry, true)) {
      assertThatThrownBy(() -> Scan.run(connector(artifactory, registry, "wrong-token")))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("rejected the access token")
          .hasMessageNotContaining("wrong-token");
    }
  }
}
