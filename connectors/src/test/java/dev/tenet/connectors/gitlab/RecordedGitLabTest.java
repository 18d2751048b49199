package dev.tenet.connectors.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.GraphCodec;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The connector and the GitLab rules against recorded GitLab responses (gitlab4j-api's samples):
 * the same nested group set up well, then with one misconfiguration per weakness.
 */
class RecordedGitLabTest {
  private static final String API = "gitlab:" + Recordings.API;

  private static Scans scan(boolean planted) throws Exception {
    try (ReplayServer server = new ReplayServer()) {
      Recordings.serve(server, planted);
      return Scans.run(connector(server));
    }
  }

  static GitLabConnector connector(ReplayServer server) {
    return new GitLabConnector(
        server.url().toString(),
        "acme",
        Secret.of(ReplayServer.TOKEN),
        HttpPolicy.defaults().withBackoff(Duration.ofMillis(1)),
        ResponseCache.NONE);
  }

  @Test
  void aGroupSetUpWellHasNoFindingsAndNoBlindSpots() throws Exception {
    Scans clean = scan(false);
    assertThat(clean.blindSpots()).isEmpty();
    assertThat(clean.weaknesses()).isEmpty();
  }

  @Test
  void everyPlantedMisconfigurationIsFoundWhereItIs() throws Exception {
    Scans s = scan(true);
    Map<String, Set<String>> expected =
        Map.ofEntries(
            Map.entry("org-mfa-not-enforced", Set.of("gitlab:acme")),
            Map.entry("member-mfa-disabled", Set.of("gitlab:acme#member/bob")),
            Map.entry("sso-not-enforced", Set.of("gitlab:acme")),
            Map.entry("excessive-admins", Set.of("gitlab:acme")),
            Map.entry("admin-inactive", Set.of("gitlab:acme#member/carol")),
            Map.entry("variable-unprotected", Set.of(API + "#variable/DEPLOY_TOKEN")),
            Map.entry("variable-unmasked", Set.of(API + "#variable/AWS_SECRET_ACCESS_KEY")),
            Map.entry("secret-broadly-shared", Set.of("gitlab:acme#variable/REGISTRY_PASSWORD")),
            Map.entry(
                "token-no-expiry",
                Set.of("gitlab:acme#token/81", API + "#token/10", API + "#deploy-token/1")),
            Map.entry(
                "token-overprivileged",
                Set.of("gitlab:acme#token/81", API + "#token/10", API + "#deploy-token/1")),
            Map.entry("scanner-token-overprivileged", Set.of("gitlab:acme#token/42")),
            Map.entry(
                "branch-unprotected", Set.of("gitlab:acme/platform/payments/ledger#branch/main")),
            Map.entry("force-push-allowed", Set.of(API + "#branch/main")),
            Map.entry("protection-bypassable", Set.of(API + "#branch/main", API)),
            Map.entry(
                "review-not-required", Set.of("gitlab:acme/platform/payments/billing#branch/main")),
            Map.entry("status-checks-not-required", Set.of(API)),
            Map.entry("unsigned-commits-allowed", Set.of(API + "#branch/main")),
            Map.entry("secret-scanning-disabled", Set.of(API)),
            Map.entry("deploy-key-write", Set.of(API + "#deploy-key/3")),
            Map.entry("webhook-insecure-transport", Set.of(API + "#hook/1")),
            Map.entry("webhook-unauthenticated", Set.of(API + "#hook/1", "gitlab:acme#hook/42")),
            Map.entry(
                "runner-shared-untagged", Set.of("gitlab:acme#runner/1", "gitlab:acme#runner/8")),
            Map.entry("self-hosted-runner-public", Set.of("gitlab:acme/platform/web")),
            Map.entry("environment-unprotected", Set.of(API + "#environment/production")),
            Map.entry("ci-job-token-unscoped", Set.of(API)),
            Map.entry("pipeline-logs-public", Set.of("gitlab:acme/platform/web")));
    assertThat(s.weaknesses()).isEqualTo(new java.util.TreeSet<>(expected.keySet()));
    expected.forEach(
        (weakness, resources) ->
            assertThat(s.resources(weakness)).as(weakness).isEqualTo(resources));
    assertThat(s.blindSpots()).isEmpty();
  }

  @Test
  void harmlessVariablesAreNeverFlaggedWhateverTheirSettings() throws Exception {
    for (boolean planted : new boolean[] {false, true}) {
      Scans s = scan(planted);
      assertThat(s.findings())
          .extracting(Finding::resource)
          .noneMatch(r -> r.contains("LOG_LEVEL") || r.contains("TEST_VARIABLE"));
      Entity logLevel = s.context().graph().get(API + "#variable/LOG_LEVEL");
      assertThat(logLevel.isFalse(Attr.PROTECTED)).isTrue();
      assertThat(logLevel.isFalse(Attr.MASKED)).isTrue();
    }
  }

  @Test
  void nestedSubgroupsArePartOfTheGraphWithInheritedMemberships() throws Exception {
    Scans s = scan(false);
    var graph = s.context().graph();
    Entity acme = graph.get("gitlab:acme");
    Entity platform = graph.get("gitlab:acme/platform");
    Entity payments = graph.get("gitlab:acme/platform/payments");
    assertThat(graph.container(platform)).contains(acme);
    assertThat(graph.container(payments)).contains(platform);
    assertThat(graph.container(graph.get(API))).contains(payments);
    // The top group does not require 2FA in this variant? It does; the nested group adds its own.
    assertThat(payments.isTrue(Attr.MFA_REQUIRED)).isTrue();
    assertThat(payments.number(Attr.MFA_GRACE_PERIOD_HOURS)).contains(24L);
    Entity kim = graph.get("gitlab:acme#member/kim");
    assertThat(graph.outgoing(kim, RelationKind.MEMBER_OF))
        .singleElement()
        .satisfies(r -> assertThat(r.isFalse(Attr.INHERITED)).isTrue());
    Entity alice = graph.get("gitlab:acme#member/alice");
    assertThat(graph.outgoing(alice, RelationKind.MEMBER_OF))
        .filteredOn(r -> r.to().equals(payments))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.isTrue(Attr.INHERITED)).isTrue();
              assertThat(r.text(Attr.ROLE)).contains("owner");
            });
    assertThat(graph.get("gitlab:acme#member/group_10_bot_3f2a").kind()).isEqualTo(EntityKind.BOT);
  }

  @Test
  void paginatedMemberListsAreReadToTheEnd() throws Exception {
    try (ReplayServer server = new ReplayServer()) {
      Recordings.serve(server, true);
      Scans s = Scans.run(connector(server));
      assertThat(server.log())
          .filteredOn(l -> l.startsWith("/api/v4/groups/10/members/all"))
          .hasSize(5);
      assertThat(
              s.context()
                  .graph()
                  .sources(s.context().graph().get("gitlab:acme"), RelationKind.MEMBER_OF))
          .hasSize(9);
    }
  }

  @Test
  void thePipelineAndItsLocalIncludesAreHandedToTheAnalyser() throws Exception {
    Scans s = scan(false);
    assertThat(s.context().sources())
        .filteredOn(f -> f.resource().equals(API))
        .extracting(SourceFile::path)
        .containsExactly(".gitlab-ci.yml", "ci/build.yml");
  }

  @Test
  void credentialValuesNeverReachTheGraph() throws Exception {
    Scans s = scan(true);
    String graph =
        new String(GraphCodec.encode(s.context().graph()), java.nio.charset.StandardCharsets.UTF_8);
    for (String secret :
        List.of(
            "glpat-EXAMPLEexample0000000000",
            "wJalrXUtnFEMI",
            "Vq8#Lr2",
            "s3cr3t",
            "205086a8e3b9a2b818ffac9b89d102",
            "GRnEE2mDc13489411jmS2d5R1XTfM")) {
      assertThat(graph).doesNotContain(secret);
    }
    assertThat(s.context().graph().get(API + "#variable/DEPLOY_TOKEN").text(Attr.VALUE_SHAPE))
        .contains("gitlab-token");
  }

  @Test
  void aTierRestrictedEndpointIsABlindSpotNamingTheTierNeverAPass() throws Exception {
    try (ReplayServer server = new ReplayServer()) {
      Recordings.serve(server, false);
      // GitLab Community Edition: the Premium endpoints do not exist.
      server.on(
          "/metadata",
          Recordings.JSON.objectNode().put("version", "17.9.0").put("enterprise", false));
      for (int id = 101; id <= 104; id++) {
        for (String premium :
            List.of("approvals", "approval_rules", "push_rule", "protected_environments")) {
          server.on(
              "/projects/" + id + "/" + premium,
              404,
              Recordings.JSON.objectNode().put("error", "404 Not Found"));
        }
      }
      Scans s = Scans.run(connector(server));
      assertThat(s.blindSpots())
          .filteredOn(b -> b.resource().equals(API))
          .extracting(b -> b.what())
          .contains(
              "the merge request approval settings of " + Recordings.API,
              "the push rules of " + Recordings.API,
              "the protected environments of " + Recordings.API);
      assertThat(s.blindSpots())
          .allSatisfy(
              b -> {
                assertThat(b.reason()).startsWith("not available on GitLab Community Edition");
                assertThat(b.remedy()).contains("Premium");
              });
      assertThat(s.findings("coverage-gap")).hasSize(s.blindSpots().size());
      // What the missing endpoints would have shown is unknown, never a pass.
      var tally =
          s.evaluation().tallies().stream()
              .filter(t -> t.ruleId().equals("GL-MR-001"))
              .findFirst()
              .orElseThrow();
      assertThat(tally.unknown()).isEqualTo(4);
      assertThat(tally.passed()).isZero();
      var env =
          s.evaluation().tallies().stream()
              .filter(t -> t.ruleId().equals("GL-ENV-001"))
              .findFirst()
              .orElseThrow();
      assertThat(env.unknown()).isEqualTo(4);
    }
  }
}
