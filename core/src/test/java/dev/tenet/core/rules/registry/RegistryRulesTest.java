package dev.tenet.core.rules.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry rules on hand-built graphs: each outcome, its severity and its evidence. */
class RegistryRulesTest {
  private final TrustGraph g = new TrustGraph();
  private final Entity registry =
      g.entity("oci:registry.acme.example", EntityKind.REGISTRY, "registry.acme.example", "test");

  private Entity repository(String name) {
    Entity e = g.entity("oci:registry.acme.example/" + name, EntityKind.IMAGE, name, "test");
    g.relate(registry, RelationKind.CONTAINS, e, "test");
    return e;
  }

  private Entity tag(Entity repository, String tag, String digest) {
    Entity e =
        g.entity(
                repository.id() + "#tag/" + tag,
                EntityKind.IMAGE,
                repository.name() + ":" + tag,
                "test")
            .set(Attr.TAG, tag)
            .set(Attr.DIGEST, digest);
    g.relate(repository, RelationKind.CONTAINS, e, "test");
    return e;
  }

  private static String digest(char c) {
    return "sha256:" + String.valueOf(c).repeat(64);
  }

  private static List<Integer> counts(RuleTally t) {
    return List.of(t.passed(), t.failed(), t.unknown());
  }

  @Test
  void signaturesPassFailOrStayUnknownByWhatTheirCheckFound() {
    Entity api = repository("api");
    tag(api, "v1", digest('a'))
        .set(Attr.SIGNATURE, "verified")
        .set(Attr.SIGNER, "cosign.pub (sha256:1)");
    tag(api, "v2", digest('b')).set(Attr.SIGNATURE, "absent");
    tag(api, "v3", digest('c'))
        .set(Attr.SIGNATURE, "invalid")
        .set(Attr.SIGNATURE_DETAIL, "signed by key sha256:9, which is not one of the trusted keys");
    tag(api, "v4", digest('d'))
        .set(Attr.SIGNATURE, "unverifiable")
        .set(Attr.SIGNATURE_DETAIL, "no key");
    tag(api, "v5", digest('e')); // signatures could not be read
    assertThat(counts(RuleHarness.tally(new ImageUnsigned(), g))).containsExactly(1, 2, 2);
    List<Finding> f = RuleHarness.findings(new ImageUnsigned(), g);
    Finding absent =
        f.stream().filter(x -> x.resource().endsWith("#tag/v2")).findFirst().orElseThrow();
    assertThat(absent.severity()).isEqualTo(Severity.HIGH);
    assertThat(absent.evidence()).containsEntry("digest", digest('b')).containsEntry("tag", "v2");
    Finding invalid =
        f.stream().filter(x -> x.resource().endsWith("#tag/v3")).findFirst().orElseThrow();
    assertThat(invalid.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(invalid.message()).contains("fails verification: signed by key sha256:9");
    assertThat(invalid.weakness().id()).isEqualTo("artifact-unsigned");
  }

  @Test
  void provenanceMustBeSignedAndFromTheOrganizationsOwnSourcesAndBuilders() {
    registry.set(Attr.TRUSTED_SOURCES, List.of("github.com/acme"));
    Entity api = repository("api");
    String hosted = "https://github.com/actions/runner/github-hosted";
    tag(api, "ok", digest('a'))
        .set(Attr.PROVENANCE, "verified")
        .set(Attr.PROVENANCE_SOURCE, "github.com/acme/api")
        .set(Attr.PROVENANCE_BUILDER, hosted);
    tag(api, "foreign", digest('b'))
        .set(Attr.PROVENANCE, "verified")
        .set(Attr.PROVENANCE_SOURCE, "github.com/evil/api")
        .set(Attr.PROVENANCE_BUILDER, hosted);
    tag(api, "laptop", digest('c'))
        .set(Attr.PROVENANCE, "verified")
        .set(Attr.PROVENANCE_SOURCE, "github.com/acme/api")
        .set(Attr.PROVENANCE_BUILDER, "https://laptop.example/builder");
    tag(api, "own-workflow-builder", digest('d'))
        .set(Attr.PROVENANCE, "verified")
        .set(Attr.PROVENANCE_SOURCE, "github.com/acme/api")
        .set(
            Attr.PROVENANCE_BUILDER,
            "https://github.com/acme/shared/.github/workflows/build.yml@refs/heads/main");
    tag(api, "unsigned", digest('e')).set(Attr.PROVENANCE, "unsigned");
    tag(api, "none", digest('f')).set(Attr.PROVENANCE, "absent");
    List<Finding> f = RuleHarness.findings(new ImageNoProvenance(), g);
    assertThat(f)
        .extracting(x -> x.resource().substring(x.resource().indexOf("#tag/") + 5))
        .containsExactlyInAnyOrder("foreign", "laptop", "unsigned", "none");
    assertThat(
            f.stream()
                .filter(x -> x.resource().endsWith("unsigned"))
                .findFirst()
                .orElseThrow()
                .severity())
        .isEqualTo(Severity.LOW);
    assertThat(
            f.stream()
                .filter(x -> x.resource().endsWith("foreign"))
                .findFirst()
                .orElseThrow()
                .message())
        .contains("built from github.com/evil/api");
  }

  @Test
  void theWorkflowNamedMustBeOneTheSourceRepositoryHas() {
    Entity org = g.entity("github:acme", EntityKind.ORGANIZATION, "acme", "github");
    Entity repo = g.entity("github:acme/api", EntityKind.REPOSITORY, "api", "github");
    g.relate(org, RelationKind.CONTAINS, repo, "github");
    Entity wf =
        g.entity(
                "github:acme/api#file/.github/workflows/release.yml",
                EntityKind.WORKFLOW,
                "release",
                "github")
            .set("path", ".github/workflows/release.yml");
    g.relate(repo, RelationKind.CONTAINS, wf, "github");
    Entity api = repository("api");
    String hosted = "https://github.com/actions/runner/github-hosted";
    tag(api, "v1", digest('a'))
        .set(Attr.PROVENANCE, "verified")
        .set(Attr.PROVENANCE_SOURCE, "github.com/acme/api")
        .set(Attr.PROVENANCE_SOURCE_ID, "github:acme/api")
        .set(Attr.PROVENANCE_WORKFLOW, ".github/workflows/release.yml@refs/heads/main")
        .set(Attr.PROVENANCE_BUILDER, hosted);
    tag(api, "v2", digest('b'))
        .set(Attr.PROVENANCE, "verified")
        .set(Attr.PROVENANCE_SOURCE, "github.com/acme/api")
        .set(Attr.PROVENANCE_SOURCE_ID, "github:acme/api")
        .set(Attr.PROVENANCE_WORKFLOW, ".github/workflows/sneaky.yml@refs/heads/dev")
        .set(Attr.PROVENANCE_BUILDER, hosted);
    List<Finding> f = RuleHarness.findings(new ImageNoProvenance(), g);
    assertThat(f).extracting(Finding::resource).containsExactly(api.id() + "#tag/v2");
    assertThat(f.get(0).message()).contains("not one of the workflows of github.com/acme/api");
    assertThat(f.get(0).evidence())
        .containsEntry("known_workflows", List.of(".github/workflows/release.yml"));
  }

  @Test
  void withoutAnyOrganizationToCompareWithVerifiedProvenanceIsUnknown() {
    Entity api = repository("api");
    tag(api, "v1", digest('a'))
        .set(Attr.PROVENANCE, "verified")
        .set(Attr.PROVENANCE_SOURCE, "github.com/acme/api")
        .set(Attr.PROVENANCE_BUILDER, "https://github.com/actions/runner/github-hosted");
    assertThat(counts(RuleHarness.tally(new ImageNoProvenance(), g))).containsExactly(0, 0, 1);
  }

  @Test
  void tagMutabilityComesFromTheSettingAndMovesFromHistory() {
    Entity immutable = repository("immutable").set(Attr.TAGS_IMMUTABLE, true);
    repository("mutable").set(Attr.TAGS_IMMUTABLE, false);
    repository("unknown");
    assertThat(counts(RuleHarness.tally(new TagsMutable(), g))).containsExactly(1, 1, 1);

    tag(immutable, "v1.2.0", digest('a')).set(Attr.PREVIOUS_DIGEST, digest('a'));
    tag(immutable, "v1.3.0", digest('b'))
        .set(Attr.PREVIOUS_DIGEST, digest('c'))
        .set(Attr.PREVIOUS_SEEN_AT, "2026-10-01T00:00:00Z");
    tag(immutable, "latest", digest('d'))
        .set(Attr.PREVIOUS_DIGEST, digest('e')); // rolling: not judged
    tag(immutable, "v2.0.0", digest('f')); // never seen before: not judged
    tag(immutable, "3f2a9c1", digest('1')).set(Attr.PREVIOUS_DIGEST, digest('2')); // a commit tag
    assertThat(counts(RuleHarness.tally(new TagMoved(), g))).containsExactly(1, 2, 0);
    Finding moved =
        RuleHarness.findings(new TagMoved(), g).stream()
            .filter(f -> f.resource().endsWith("v1.3.0"))
            .findFirst()
            .orElseThrow();
    assertThat(moved.message())
        .contains("the assessment of 2026-10-01T00:00:00Z saw sha256:cccccccccccc…");
    assertThat(moved.evidence()).containsEntry("tags_immutable", true);
    assertThat(TagMoved.isRelease("v1.2.3-rc.1")).isTrue();
    assertThat(TagMoved.isRelease("main")).isFalse();
    assertThat(TagMoved.isRelease("nightly")).isFalse();
  }

  @Test
  void anonymousAccessDependsOnVisibilityAndIsJudgedOnceForAnOpenRegistry() {
    repository("public").set(Attr.VISIBILITY, "public").set(Attr.ANONYMOUS_PULL, true);
    repository("private").set(Attr.VISIBILITY, "private").set(Attr.ANONYMOUS_PULL, true);
    repository("undeclared").set(Attr.ANONYMOUS_PULL, true);
    repository("writable")
        .set(Attr.VISIBILITY, "public")
        .set(Attr.ANONYMOUS_PULL, true)
        .set(Attr.ANONYMOUS_PUSH, true);
    repository("closed").set(Attr.ANONYMOUS_PULL, false);
    repository("unprobed");
    List<Finding> f = RuleHarness.findings(new AnonymousAccess(), g);
    assertThat(f)
        .extracting(x -> x.resource().substring(x.resource().lastIndexOf('/') + 1))
        .containsExactlyInAnyOrder("private", "undeclared", "writable");
    assertThat(
            f.stream()
                .filter(x -> x.resource().endsWith("writable"))
                .findFirst()
                .orElseThrow()
                .severity())
        .isEqualTo(Severity.CRITICAL);
    assertThat(counts(RuleHarness.tally(new AnonymousAccess(), g))).containsExactly(2, 3, 1);

    registry.set(Attr.AUTH_REQUIRED, false);
    List<Finding> open = RuleHarness.findings(new AnonymousAccess(), g);
    assertThat(open).extracting(Finding::resource).containsExactly(registry.id());
    assertThat(open.get(0).severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void registryTokensAreJudgedOnExpiryAndRights() {
    Entity hub = g.entity("dockerhub:acme", EntityKind.REGISTRY, "acme", "test");
    Entity never =
        g.entity("dockerhub:acme#token/1", EntityKind.TOKEN, "ci", "test")
            .set(Attr.HAS_EXPIRY, false)
            .set(Attr.GRANTS, List.of("pull"))
            .set(Attr.LAST_ACTIVE_AT, "2026-11-20T00:00:00Z");
    g.entity("dockerhub:acme#token/2", EntityKind.TOKEN, "admin", "test")
        .set(Attr.HAS_EXPIRY, true)
        .set(Attr.GRANTS, List.of("pull", "push", "admin"));
    g.entity("dockerhub:acme#token/3", EntityKind.TOKEN, "cleanup", "test")
        .set(Attr.HAS_EXPIRY, true)
        .set(Attr.GRANTS, List.of("pull", "delete"))
        .set(Attr.RESOURCES, List.of("acme/api"));
    g.entity("dockerhub:acme#token/4", EntityKind.TOKEN, "stale push", "test")
        .set(Attr.HAS_EXPIRY, true)
        .set(Attr.GRANTS, List.of("pull", "push"))
        .set(Attr.RESOURCES, List.of("*"))
        .set(Attr.LAST_ACTIVE_AT, "2026-01-01T00:00:00Z");
    g.entity("dockerhub:acme#token/5", EntityKind.TOKEN, "busy push", "test")
        .set(Attr.HAS_EXPIRY, true)
        .set(Attr.GRANTS, List.of("pull", "push"))
        .set(Attr.RESOURCES, List.of("*"))
        .set(Attr.LAST_ACTIVE_AT, "2026-11-25T00:00:00Z");
    g.entity("dockerhub:acme#token/6", EntityKind.TOKEN, "revoked", "test")
        .set(Attr.ACTIVE, false)
        .set(Attr.HAS_EXPIRY, false)
        .set(Attr.GRANTS, List.of("admin"));
    g.entity("dockerhub:acme#token/7", EntityKind.TOKEN, "opaque", "test");
    g.relate(hub, RelationKind.CONTAINS, never, "test");
    assertThat(counts(RuleHarness.tally(new RegistryTokenNoExpiry(), g))).containsExactly(4, 1, 1);
    assertThat(counts(RuleHarness.tally(new RegistryTokenOverprivileged(), g)))
        .containsExactly(2, 3, 1);
    List<Finding> over = RuleHarness.findings(new RegistryTokenOverprivileged(), g);
    assertThat(
            over.stream()
                .filter(f -> f.resource().endsWith("/2"))
                .findFirst()
                .orElseThrow()
                .severity())
        .isEqualTo(Severity.HIGH);
    assertThat(
            over.stream()
                .filter(f -> f.resource().endsWith("/3"))
                .findFirst()
                .orElseThrow()
                .message())
        .isEqualTo("Registry token 'cleanup' can delete images.");
    assertThat(
            over.stream()
                .filter(f -> f.resource().endsWith("/4"))
                .findFirst()
                .orElseThrow()
                .message())
        .contains("has not been used for over 90 days");
    // GitLab and GitHub tokens belong to their platforms' rules.
    g.entity("gitlab:acme#token/9", EntityKind.TOKEN, "gl", "test").set(Attr.HAS_EXPIRY, false);
    assertThat(RuleHarness.findings(new RegistryTokenNoExpiry(), g))
        .extracting(Finding::resource)
        .containsExactly(never.id());
  }
}
