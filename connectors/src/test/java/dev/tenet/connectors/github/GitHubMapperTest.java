package dev.tenet.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.util.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mapping facts that the end-to-end tests do not pin down on their own. */
class GitHubMapperTest {
  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text.replace('\'', '"'));
  }

  private static GitHubMapper mapper() throws Exception {
    GitHubMapper m = new GitHubMapper(new TrustGraph(), "o");
    m.organization(json("{'login':'o'}"));
    m.repository(
        json("{'full_name':'o/r','name':'r','default_branch':'main','visibility':'private'}"));
    return m;
  }

  @Test
  void theStricterOfClassicProtectionAndRulesetsWins() throws Exception {
    GitHubMapper m = mapper();
    JsonNode classic =
        json(
            "{'enforce_admins':{'enabled':true},'allow_force_pushes':{'enabled':true},"
                + "'allow_deletions':{'enabled':true},'required_signatures':{'enabled':false},"
                + "'required_pull_request_reviews':{'required_approving_review_count':1}}");
    JsonNode rules =
        json(
            "[{'type':'non_fast_forward','ruleset_id':9},"
                + "{'type':'pull_request','ruleset_id':9,'parameters':{'required_approving_review_count':2}},"
                + "{'type':'required_status_checks','ruleset_id':9,'parameters':{'required_status_checks':[{'context':'ci'}]}}]");
    m.defaultBranchProtection(
        "o/r",
        "main",
        true,
        classic,
        rules,
        Map.of(9L, json("{'id':9,'name':'Main','bypass_actors':[]}")));
    Entity b = m.graph().get("github:o/r#branch/main");
    assertThat(b.list(Attr.PROTECTION_SOURCES))
        .containsExactly("branch-protection", "ruleset:Main");
    assertThat(b.number(Attr.REQUIRED_APPROVALS)).contains(2L);
    assertThat(b.isFalse(Attr.FORCE_PUSH_ALLOWED)).isTrue(); // The ruleset blocks it.
    assertThat(b.isTrue(Attr.DELETION_ALLOWED)).isTrue(); // Nothing blocks it.
    assertThat(b.list(Attr.REQUIRED_CHECKS)).containsExactly("ci");
    assertThat(b.list(Attr.BYPASS_ACTORS)).isEmpty();
  }

  @Test
  void unreadableClassicProtectionLeavesOnlyWhatRulesetsProve() throws Exception {
    GitHubMapper m = mapper();
    m.defaultBranchProtection(
        "o/r", "main", false, null, json("[{'type':'deletion','ruleset_id':3}]"), Map.of());
    Entity b = m.graph().get("github:o/r#branch/main");
    assertThat(b.isTrue(Attr.PROTECTED)).isTrue();
    assertThat(b.isFalse(Attr.DELETION_ALLOWED)).isTrue();
    assertThat(b.has(Attr.FORCE_PUSH_ALLOWED)).isFalse(); // Unknown, not allowed.
    assertThat(b.has(Attr.REQUIRED_APPROVALS)).isFalse();
    assertThat(b.has(Attr.BYPASS_ACTORS)).isFalse();
  }

  @Test
  void bypassActorsAreNamedTeamsAppsAndRoles() throws Exception {
    GitHubMapper m = mapper();
    m.team(json("{'id':42,'slug':'release'}"), null, null);
    m.installation(
        json("{'app_id':7,'app_slug':'merge-bot','permissions':{},'repository_selection':'all'}"));
    JsonNode ruleset =
        json(
            "{'id':5,'name':'Main','bypass_actors':["
                + "{'actor_id':42,'actor_type':'Team','bypass_mode':'always'},"
                + "{'actor_id':7,'actor_type':'Integration','bypass_mode':'pull_request'},"
                + "{'actor_id':1,'actor_type':'OrganizationAdmin','bypass_mode':'always'},"
                + "{'actor_id':5,'actor_type':'RepositoryRole','bypass_mode':'always'}]}");
    m.defaultBranchProtection(
        "o/r",
        "main",
        true,
        null,
        json("[{'type':'deletion','ruleset_id':5}]"),
        Map.of(5L, ruleset));
    Entity b = m.graph().get("github:o/r#branch/main");
    assertThat(b.list(Attr.BYPASS_ACTORS))
        .containsExactly(
            "team:release (always)",
            "app:merge-bot (pull request)",
            "role:organization-admin (always)",
            "role:repository-admin (always)");
  }

  @Test
  void webhookEndpointsDropPathAndQueryAndSecretsShowOnlyAsConfigured() throws Exception {
    GitHubMapper m = mapper();
    m.hook(
        m.orgId(),
        json(
            "{'id':1,'active':true,'events':['push'],'config':{'url':'https://hooks.slack.com/services/T0/B0/XYZsecret?token=abc','insecure_ssl':'1','secret':'********'}}"));
    Entity hook = m.graph().get("github:o#hook/1");
    assertThat(hook.text(Attr.ENDPOINT)).contains("https://hooks.slack.com");
    assertThat(hook.isFalse(Attr.TLS_VERIFIED)).isTrue();
    assertThat(hook.isTrue(Attr.SECRET_CONFIGURED)).isTrue();
    assertThat(hook.asMap().toString())
        .doesNotContain("XYZsecret")
        .doesNotContain("abc")
        .doesNotContain("****");
  }

  @Test
  void insecureSslIsReadAsGitHubSendsItAndAsOthersDo() throws Exception {
    GitHubMapper m = mapper();
    m.hook(m.orgId(), json("{'id':2,'config':{'url':'https://a.example','insecure_ssl':1}}"));
    m.hook(m.orgId(), json("{'id':3,'config':{'url':'https://a.example','insecure_ssl':true}}"));
    m.hook(m.orgId(), json("{'id':4,'config':{'url':'https://a.example','insecure_ssl':'0'}}"));
    assertThat(m.graph().get("github:o#hook/2").isFalse(Attr.TLS_VERIFIED)).isTrue();
    assertThat(m.graph().get("github:o#hook/3").isFalse(Attr.TLS_VERIFIED)).isTrue();
    assertThat(m.graph().get("github:o#hook/4").isTrue(Attr.TLS_VERIFIED)).isTrue();
    assertThat(m.graph().get("github:o#hook/4").isFalse(Attr.SECRET_CONFIGURED)).isTrue();
  }

  @Test
  void deploymentBranchPatternsMatchLikeGitHub() {
    assertThat(GitHubMapper.matches("release/*", "release/1.2")).isTrue();
    assertThat(GitHubMapper.matches("release/*", "release/1/2")).isFalse();
    assertThat(GitHubMapper.matches("release/**", "release/1/2")).isTrue();
    assertThat(GitHubMapper.matches("main", "main")).isTrue();
    assertThat(GitHubMapper.matches("ma?n", "main")).isTrue();
    assertThat(GitHubMapper.matches("v1.*", "v1x")).isFalse();
  }

  @Test
  void tokenGrantsWithoutExpiryAreKnownNotToExpire() throws Exception {
    GitHubMapper m = mapper();
    m.tokenGrant(
        json(
            "{'id':3,'token_name':'t','owner':{'login':'sam'},'repository_selection':'all',"
                + "'permissions':{'organization':{'members':'read'},'repository':{'contents':'write'}},"
                + "'token_expires_at':null,'token_last_used_at':'2026-11-01T08:00:00Z'}"));
    Entity t = m.graph().get("github:o#token/3");
    assertThat(t.isFalse(Attr.HAS_EXPIRY)).isTrue();
    assertThat(t.list(Attr.PERMISSIONS))
        .containsExactlyInAnyOrder("members:read", "contents:write");
    assertThat(t.instant(Attr.LAST_ACTIVE_AT)).contains(Instant.parse("2026-11-01T08:00:00Z"));
  }

  @Test
  void tokenExpiryHeaderIsRead() {
    assertThat(GitHubConnector.tokenExpiry("2026-12-01 00:00:00 UTC"))
        .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(GitHubConnector.tokenExpiry("2026-12-01 00:00:00 +0100"))
        .isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    assertThat(GitHubConnector.tokenExpiry("soon")).isNull();
  }
}
