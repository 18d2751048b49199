package dev.tenet.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.connectors.emulator.RegistryEmulator;
import dev.tenet.connectors.emulator.SampleRegistry;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.ghcr.GhcrConnector;
import dev.tenet.connectors.registry.gitlab.GitLabRegistryConnector;
import dev.tenet.connectors.registry.integrity.Keyless;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ScanListener;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GitHub's Container registry and GitLab's container registry: their platforms' own APIs on
 * recorded responses, their images served by the registry emulator, and the links to the source
 * repositories and tokens the platforms' own scans reported.
 */
class HostedRegistriesRecordedTest {
  static final String TOKEN = "ghp_hosted-registry-test-000000000000";

  static RegistryOptions options(RegistryEmulator registry, List<String> trusted) {
    return new RegistryOptions(
        ImageSelection.defaults(),
        new TrustedKeys(List.of(TrustedKeys.key("release.pub", registry.releaseKey()))),
        Keyless.withoutTrustedRoot(),
        trusted,
        TagHistory.NONE,
        Clock.systemUTC());
  }

  static final String GHCR_IMAGES =
      """
      registry:
        host: ghcr.io
        user: tenet
        repositories:
          - name: acme-corp/payments-api
            tags:
              - { tag: latest, same_as: v2.4.1 }
              - { tag: v2.4.1, signature: trusted,
                  provenance: { source: https://github.com/acme-corp/payments-api, workflow: .github/workflows/deploy.yml,
                                builder: https://github.com/actions/runner/github-hosted } }
              - { tag: v2.4.0, signature: none }
              - { tag: v2.3.9, signature: none }
          - name: acme-corp/docs-site
            anonymous_pull: true
            tags:
              - { tag: 2026.11.1, signature: trusted }
      """;

  @Test
  void ghcrPackagesAreReadThroughGitHubAndLinkedToTheirRepositories() throws Exception {
    try (RegistryEmulator registry =
            RegistryEmulator.start(SampleRegistry.fromYaml(GHCR_IMAGES), TOKEN);
        ApiReplay github =
            new ApiReplay("/dev/tenet/connectors/registry/ghcr/")
                .authorize(a -> ("Bearer " + TOKEN).equals(a))
                .file("/orgs/acme-corp/packages", "packages.json")
                .file(
                    "/orgs/acme-corp/packages/container/payments-api/versions",
                    "versions-payments-api.json")
                .file(
                    "/orgs/acme-corp/packages/container/docs-site/versions",
                    "versions-docs-site.json")) {
      CollectContext context = new CollectContext(ScanListener.NONE, new Cancellation(), Scan.NOW);
      // What the GitHub scan of the same assessment reported.
      Entity repo =
          context
              .graph()
              .entity(
                  "github:acme-corp/payments-api", EntityKind.REPOSITORY, "payments-api", "github");
      new GhcrConnector(
              github.url().toString(),
              registry.url().toString(),
              "acme-corp",
              null,
              Secret.of(TOKEN),
              options(registry, List.of()),
              HttpPolicy.defaults(),
              ResponseCache.NONE)
          .collect(context);
      Scan scan = Scan.evaluate(context);
      assertThat(scan.blindSpots()).isEmpty();

      Entity payments = scan.entity("oci:ghcr.io/acme-corp/payments-api");
      assertThat(payments.text(Attr.VISIBILITY)).contains("private");
      assertThat(payments.bool(Attr.TAGS_IMMUTABLE)).contains(false);
      assertThat(payments.text("linkedRepository")).contains("acme-corp/payments-api");
      assertThat(scan.graph().targets(repo, RelationKind.CAN_WRITE)).contains(payments);
      assertThat(scan.entity("oci:ghcr.io/acme-corp").list(Attr.TRUSTED_SOURCES))
          .contains("github.com/acme-corp");

      // The three most recently pushed tags, by the dates GitHub gives.
      assertThat(scan.graph().targets(payments, RelationKind.CONTAINS))
          .extracting(Entity::name)
          .containsExactlyInAnyOrder(
              "acme-corp/payments-api:latest",
              "acme-corp/payments-api:v2.4.1",
              "acme-corp/payments-api:v2.4.0");
      Entity v241 = scan.entity("oci:ghcr.io/acme-corp/payments-api#tag/v2.4.1");
      assertThat(v241.text(Attr.SIGNATURE)).contains("verified");
      assertThat(v241.text(Attr.PUSHED_AT)).contains("2026-11-20T10:02:11Z");
      // The provenance names a repository of the organization: trusted automatically for ghcr.io.
      assertThat(scan.finding("REG-PROV-001", v241.id())).isEmpty();
      assertThat(scan.findings("REG-TAG-001"))
          .extracting(Finding::resource)
          .containsExactlyInAnyOrder(
              "oci:ghcr.io/acme-corp/payments-api", "oci:ghcr.io/acme-corp/docs-site");
      // The public package is pulled by anyone, as it should be.
      assertThat(scan.entity("oci:ghcr.io/acme-corp/docs-site").bool(Attr.ANONYMOUS_PULL))
          .contains(true);
      assertThat(scan.findings("REG-ANON-001")).isEmpty();
    }
  }

  static final String GITLAB_IMAGES =
      """
      registry:
        host: registry.example
        user: tenet-scanner
        repositories:
          - name: acme/platform/api
            tags:
              - { tag: latest, same_as: v1.2.0 }
              - { tag: v1.2.0, signature: trusted }
              - { tag: v1.1.0, signature: none }
          - name: acme/platform/api/releases
            tags:
              - { tag: "2026.11", signature: trusted,
                  provenance: { source: https://gitlab.com/acme/platform/api, workflow: .gitlab-ci.yml,
                                builder: https://gitlab.com/gitlab-org/gitlab-runner } }
      """;

  @Test
  void gitlabRegistryRepositoriesAreReadThroughGitLabAndLinkedToProjectsAndDeployTokens()
      throws Exception {
    try (RegistryEmulator registry =
            RegistryEmulator.start(SampleRegistry.fromYaml(GITLAB_IMAGES), TOKEN);
        ApiReplay gitlab =
            new ApiReplay("/dev/tenet/connectors/registry/gitlab/")
                .authorize(a -> true)
                .file(
                    "/api/v4/groups/acme%2Fplatform/registry/repositories",
                    "group-registry-repositories.json")
                .file("/api/v4/user", "user.json")
                .file("/api/v4/projects/7", "project-7.json")
                .file(
                    "/api/v4/projects/7/registry/protection/tag/rules",
                    "tag-protection-rules-7.json")
                .file("/api/v4/projects/7/registry/repositories/1/tags", "tags-1.json")
                .file("/api/v4/projects/7/registry/repositories/2/tags", "tags-2.json")
                .file(
                    "/api/v4/projects/7/registry/repositories/2/tags/2026.11",
                    "tag-2-2026.11.json")) {
      CollectContext context = new CollectContext(ScanListener.NONE, new Cancellation(), Scan.NOW);
      Entity project =
          context
              .graph()
              .entity("gitlab:acme/platform/api", EntityKind.REPOSITORY, "api", "gitlab");
      Entity deployToken =
          context
              .graph()
              .entity(
                  "gitlab:acme/platform/api#deploy-token/9", EntityKind.TOKEN, "release", "gitlab")
              .set(Attr.SCOPES, List.of("read_registry", "write_registry"));
      context.graph().relate(project, RelationKind.CONTAINS, deployToken, "gitlab");
      new GitLabRegistryConnector(
              gitlab.url() + "/api/v4",
              registry.url().toString(),
              "acme/platform",
              null,
              Secret.of(TOKEN),
              options(registry, List.of("gitlab.com/acme/platform")),
              HttpPolicy.defaults(),
              ResponseCache.NONE)
          .collect(context);
      Scan scan = Scan.evaluate(context);
      assertThat(scan.blindSpots()).isEmpty();
      String host = registry.url().getHost() + ":" + registry.url().getPort();
      Entity api = scan.entity("oci:" + host + "/acme/platform/api");
      assertThat(api.text(Attr.VISIBILITY)).contains("internal");
      // The protection rule guards v* tags against some roles, but does not make tags immutable.
      assertThat(api.bool(Attr.TAGS_IMMUTABLE)).contains(false);
      assertThat(scan.graph().targets(project, RelationKind.CAN_WRITE)).contains(api);
      assertThat(scan.graph().targets(deployToken, RelationKind.CAN_WRITE)).contains(api);
      // A tag listed without a date gets it from its details.
      assertThat(
              scan.entity("oci:" + host + "/acme/platform/api/releases#tag/2026.11")
                  .text(Attr.PUSHED_AT))
          .contains("2026-11-02T16:49:51.272Z");
      assertThat(scan.entity("oci:" + host + "/acme/platform").list(Attr.TRUSTED_SOURCES))
          .contains("gitlab.com/acme/platform", "127.0.0.1/acme/platform");
      assertThat(
              scan.finding(
                  "REG-PROV-001", "oci:" + host + "/acme/platform/api/releases#tag/2026.11"))
          .isEmpty();
      assertThat(scan.findings("REG-SIGN-001"))
          .extracting(Finding::resource)
          .containsExactly("oci:" + host + "/acme/platform/api#tag/v1.1.0");
      // The registry's token service got the user name GitLab gave for the token.
      assertThat(gitlab.log()).contains("GET /api/v4/user");
    }
  }
}
