package dev.tenet.core.rules.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.GitLabGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitLabCredentialRulesTest {

  private static List<Integer> counts(RuleTally t) {
    return List.of(t.passed(), t.failed(), t.unknown());
  }

  @ParameterizedTest
  @CsvSource({
    "DEPLOY_TOKEN, text, true",
    "DB_PASSWORD, text, true",
    "AWS_SECRET_ACCESS_KEY, text, true",
    "apiKey, text, true",
    "SSH_PRIVATE_KEY, text, true",
    "NPM_AUTH_TOKEN, text, true",
    "DOCKER_AUTH_CONFIG, text, true",
    "KUBECONFIG, text, true",
    "SENTRY_DSN, text, true",
    "AWS_ACCESS_KEY_ID, aws-access-key, true",
    "SOME_SETTING, gitlab-token, true",
    "RANDOM_BLOB, high-entropy, true",
    "LOG_LEVEL, text, false",
    "NODE_ENV, text, false",
    "MAVEN_OPTS, text, false",
    "TOKEN_URL, text, false",
    "KEYCLOAK_REALM, text, false",
    "CACHE_KEY, text, false",
    "BUILD_SHA, high-entropy, false",
    "AUTH_ENABLED, text, false",
    "DB_PASSWORD, empty, false"
  })
  void credentialsAreRecognisedByNameAndValueShape(String key, String shape, boolean credential) {
    GitLabGraph g = GitLabGraph.group("acme");
    Entity v = g.variable(g.top(), key, false, false, shape);
    assertThat(Credentials.holdsCredential(v)).as(key + " / " + shape).isEqualTo(credential);
  }

  @Test
  void unprotectedCredentialVariablesAreFlaggedHarmlessOnesAreNot() {
    GitLabGraph g = GitLabGraph.group("acme");
    Entity p = g.project(g.top(), "api", "private");
    g.variable(p, "LOG_LEVEL", false, false, "text");
    g.variable(p, "DEPLOY_TOKEN", false, true, "gitlab-token");
    g.variable(p, "AWS_SECRET_ACCESS_KEY", true, false, "high-entropy");
    g.variable(p, "HIDDEN_PASSWORD", true, true, null);
    g.variable(p, "UNKNOWN_SECRET", false, false, "text")
        .set(Attr.PROTECTED, null)
        .set(Attr.MASKED, null);

    List<Finding> unprotected = RuleHarness.findings(new VariableUnprotected(), g.graph());
    assertThat(unprotected)
        .extracting(Finding::resource)
        .containsExactly("gitlab:acme/api#variable/DEPLOY_TOKEN");
    assertThat(unprotected.get(0).evidence()).doesNotContainKey("value");
    assertThat(counts(RuleHarness.tally(new VariableUnprotected(), g.graph())))
        .containsExactly(2, 1, 1);

    List<Finding> unmasked = RuleHarness.findings(new VariableUnmasked(), g.graph());
    assertThat(unmasked)
        .extracting(Finding::resource)
        .containsExactly("gitlab:acme/api#variable/AWS_SECRET_ACCESS_KEY");
    assertThat(counts(RuleHarness.tally(new VariableUnmasked(), g.graph())))
        .containsExactly(2, 1, 1);
  }

  @Test
  void groupCredentialsReachingSeveralProjectsAreBroadlyShared() {
    GitLabGraph g = GitLabGraph.group("acme");
    Entity sub = g.subgroup(g.top(), "platform");
    g.project(g.top(), "web", "private");
    g.project(sub, "api", "private");
    g.variable(g.top(), "REGISTRY_PASSWORD", true, true, "high-entropy");
    g.variable(g.top(), "PROD_DB_PASSWORD", true, true, "text")
        .set(Attr.ENVIRONMENT_SCOPE, "production");
    g.variable(g.top(), "LOG_LEVEL", false, false, "text");
    g.variable(sub, "SUB_TOKEN", true, true, "gitlab-token"); // one project below: fine
    List<Finding> findings = RuleHarness.findings(new SecretBroadlyShared(), g.graph());
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("gitlab:acme#variable/REGISTRY_PASSWORD");
              assertThat(f.evidence()).containsEntry("projects", 2);
            });
    assertThat(counts(RuleHarness.tally(new SecretBroadlyShared(), g.graph())))
        .containsExactly(2, 1, 0);
  }

  private static Entity token(GitLabGraph g, Entity holder, String kind, String name) {
    return g.part(holder, EntityKind.TOKEN, kind, name).set(Attr.ACTIVE, true);
  }

  @Test
  void credentialsWithoutExpiryAreFlaggedRevokedOnesAreNot() {
    GitLabGraph g = GitLabGraph.group("acme");
    Entity p = g.project(g.top(), "api", "private");
    token(g, p, "token", "forever")
        .set(Attr.HAS_EXPIRY, false)
        .set(Attr.SCOPES, List.of("read_api"));
    token(g, p, "token", "dated")
        .set(Attr.HAS_EXPIRY, true)
        .set(Attr.EXPIRES_AT, "2027-01-01T00:00:00Z");
    token(g, p, "token", "revoked").set(Attr.HAS_EXPIRY, false).set(Attr.ACTIVE, false);
    token(g, p, "deploy-token", "registry").set(Attr.HAS_EXPIRY, false);
    Entity key = g.part(p, EntityKind.DEPLOY_KEY, "deploy-key", "ci").set(Attr.HAS_EXPIRY, false);
    g.part(p, EntityKind.DEPLOY_KEY, "deploy-key", "old-gitlab"); // expiry not reported
    List<Finding> findings = RuleHarness.findings(new TokenNoExpiry(), g.graph());
    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(
            "gitlab:acme/api#token/forever", "gitlab:acme/api#deploy-token/registry", key.id());
    assertThat(findings)
        .filteredOn(f -> f.resource().equals(key.id()))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.MEDIUM);
    assertThat(counts(RuleHarness.tally(new TokenNoExpiry(), g.graph()))).containsExactly(1, 3, 1);
  }

  @Test
  void tokensWithApiScopeOrOwnerRoleArePrivilegedDeployTokensThatPublishAreNoted() {
    GitLabGraph g = GitLabGraph.group("acme");
    Entity p = g.project(g.top(), "api", "private");
    token(g, p, "token", "ci-bot")
        .set(Attr.SCOPES, List.of("api", "read_repository"))
        .set(Attr.ROLE, "maintainer");
    token(g, p, "token", "reader").set(Attr.SCOPES, List.of("read_api")).set(Attr.ROLE, "reporter");
    token(g, g.top(), "token", "owner-read")
        .set(Attr.SCOPES, List.of("read_api"))
        .set(Attr.ROLE, "owner");
    token(g, p, "deploy-token", "pull").set(Attr.SCOPES, List.of("read_registry"));
    token(g, p, "deploy-token", "push")
        .set(Attr.SCOPES, List.of("read_registry", "write_registry"));
    token(g, p, "token", "tenet").set(Attr.SCOPES, List.of("api")).set(Attr.SCANNER_TOKEN, true);
    List<Finding> findings = RuleHarness.findings(new TokenOverprivileged(), g.graph());
    assertThat(findings)
        .extracting(Finding::resource, Finding::severity)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("gitlab:acme/api#token/ci-bot", Severity.HIGH),
            org.assertj.core.groups.Tuple.tuple("gitlab:acme#token/owner-read", Severity.MEDIUM),
            org.assertj.core.groups.Tuple.tuple("gitlab:acme/api#deploy-token/push", Severity.LOW));
    assertThat(counts(RuleHarness.tally(new TokenOverprivileged(), g.graph())))
        .containsExactly(2, 3, 0);
  }

  @Test
  void tenetsOwnTokenShouldOnlyRead() {
    GitLabGraph ok = GitLabGraph.group("acme");
    token(ok, ok.top(), "token", "7")
        .set(Attr.SCANNER_TOKEN, true)
        .set(Attr.SCOPES, List.of("read_api", "read_repository"));
    assertThat(counts(RuleHarness.tally(new ScannerTokenOverprivileged(), ok.graph())))
        .containsExactly(1, 0, 0);

    GitLabGraph api = GitLabGraph.group("acme");
    token(api, api.top(), "token", "7")
        .set(Attr.SCANNER_TOKEN, true)
        .set(Attr.SCOPES, List.of("api", "read_user"));
    assertThat(RuleHarness.findings(new ScannerTokenOverprivileged(), api.graph()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.weakness().id()).isEqualTo("scanner-token-overprivileged");
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.evidence()).containsEntry("beyond_read", List.of("api", "read_user"));
            });

    GitLabGraph readUser = GitLabGraph.group("acme");
    token(readUser, readUser.top(), "token", "7")
        .set(Attr.SCANNER_TOKEN, true)
        .set(Attr.SCOPES, List.of("read_api", "read_user"));
    assertThat(RuleHarness.findings(new ScannerTokenOverprivileged(), readUser.graph()))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.LOW);

    GitLabGraph unknown = GitLabGraph.group("acme");
    token(unknown, unknown.top(), "token", "7").set(Attr.SCANNER_TOKEN, true);
    assertThat(counts(RuleHarness.tally(new ScannerTokenOverprivileged(), unknown.graph())))
        .containsExactly(0, 0, 1);
  }

  @Test
  void deployKeysThatCanPushAreFlagged() {
    GitLabGraph g = GitLabGraph.group("acme");
    Entity p = g.project(g.top(), "api", "private");
    Entity writer = g.part(p, EntityKind.DEPLOY_KEY, "deploy-key", "1");
    g.graph().relate(writer, RelationKind.CAN_WRITE, p, "gitlab");
    Entity reader = g.part(p, EntityKind.DEPLOY_KEY, "deploy-key", "2");
    g.graph().relate(reader, RelationKind.CAN_READ, p, "gitlab");
    assertThat(RuleHarness.findings(new DeployKeyWrite(), g.graph()))
        .extracting(Finding::resource)
        .containsExactly(writer.id());
    assertThat(counts(RuleHarness.tally(new DeployKeyWrite(), g.graph()))).containsExactly(1, 1, 0);
  }
}
