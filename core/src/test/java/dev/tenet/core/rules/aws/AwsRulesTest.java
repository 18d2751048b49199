package dev.tenet.core.rules.aws;

import static dev.tenet.core.testing.CloudGraph.githubSub;
import static dev.tenet.core.testing.CloudGraph.githubTrust;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.link.StandardLinkers;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.CloudGraph;
import dev.tenet.core.testing.GitHubGraph;
import dev.tenet.core.testing.RuleHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AwsRulesTest {
  private static final Instant NOW = RuleHarness.NOW;
  private GitHubGraph github;
  private CloudGraph aws;

  @BeforeEach
  void setUp() {
    github = GitHubGraph.org("acme-corp");
    aws = new CloudGraph(github.graph());
    aws.githubProvider();
    Entity api = github.repository("payments-api", "private");
    aws.environment(api, "production");
    github.repository("docs-site", "public");
  }

  private List<Finding> run(dev.tenet.core.rule.Rule rule) {
    StandardLinkers.linkAll(aws.graph());
    return RuleHarness.findings(rule, aws.graph());
  }

  @Test
  void broadSubjectIsFlaggedWithTheRepositoriesThatCanAssumeAndPinnedOneIsClean() {
    aws.admin(aws.role("prod-deployer", githubTrust(githubSub("StringLike", "repo:acme-corp/*"))));
    aws.role(
        "payments-api-production",
        githubTrust(
            githubSub("StringEquals", "repo:acme-corp/payments-api:environment:production")));
    aws.role(
        "anyone",
        githubTrust(
            "\"StringEquals\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"}"));
    aws.role(
        "any-branch",
        githubTrust(githubSub("StringLike", "repo:acme-corp/payments-api:ref:refs/heads/*")));

    List<Finding> findings = run(new OidcSubjectNotPinned());

    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(
            "aws:123456789012#role/prod-deployer",
            "aws:123456789012#role/anyone",
            "aws:123456789012#role/any-branch");
    Finding broad = byResource(findings, "prod-deployer");
    assertThat(broad.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(broad.weakness().id()).isEqualTo("oidc-trust-too-broad");
    assertThat(broad.evidence())
        .containsEntry("breadth", "any-project")
        .containsEntry("subjectPattern", "repo:acme-corp/*")
        .containsEntry("operator", "StringLike")
        .containsEntry("administrator", true)
        .containsEntry("attackerSubject", "repo:acme-corp/attacker:ref:refs/heads/main");
    assertThat(broad.evidence().get("assumableFrom").toString())
        .contains("github:acme-corp/payments-api", "github:acme-corp/docs-site");
    assertThat(byResource(findings, "anyone").severity()).isEqualTo(Severity.CRITICAL);
    assertThat(byResource(findings, "anyone").evidence()).containsEntry("subjectPattern", "(none)");
    assertThat(byResource(findings, "any-branch").severity()).isEqualTo(Severity.MEDIUM);

    RuleTally tally = RuleHarness.tally(new OidcSubjectNotPinned(), aws.graph());
    assertThat(tally.passed()).isEqualTo(1);
    assertThat(tally.failed()).isEqualTo(3);
  }

  @Test
  void missingOrWildcardAudienceIsFlagged() {
    aws.role(
        "no-aud",
        githubTrust(
            "\"StringEquals\":{\"token.actions.githubusercontent.com:sub\":\"repo:acme-corp/payments-api:environment:production\"}"));
    aws.role(
        "wild-aud",
        githubTrust(
            "\"StringLike\":{\"token.actions.githubusercontent.com:aud\":\"*\","
                + "\"token.actions.githubusercontent.com:sub\":\"repo:acme-corp/payments-api:environment:production\"}"));
    aws.role(
        "good",
        githubTrust(
            githubSub("StringEquals", "repo:acme-corp/payments-api:environment:production")));

    List<Finding> findings = run(new OidcAudienceNotPinned());

    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(
            "aws:123456789012#role/no-aud", "aws:123456789012#role/wild-aud");
    assertThat(byResource(findings, "no-aud").evidence())
        .containsEntry("providerAudiences", List.of("sts.amazonaws.com"));
  }

  @Test
  void externalRootTrustWithoutNarrowingIsFlagged() {
    aws.admin(
        aws.role(
            "partner",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::999988887777:root\"},\"Action\":\"sts:AssumeRole\"}]}"));
    aws.role(
        "vendor",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::464622532012:root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x\"}}}]}");
    aws.role(
        "self",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}");

    List<Finding> findings = run(new ExternalAccountTrusted());

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("aws:123456789012#role/partner");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.evidence()).containsEntry("trustedAccount", "999988887777");
            });
  }

  @Test
  void administratorsAmongUsersAndPipelineRoles() {
    Entity admin = aws.admin(aws.user("tom.baker"));
    aws.accessKey(admin, 1, true, NOW.minus(Duration.ofDays(10)), NOW);
    aws.user("priya.shah");
    Entity escalator = aws.user("ops-bot");
    escalator.set(Attr.PRIVILEGE_ESCALATION, List.of("iam:PutUserPolicy (ops)"));
    aws.admin(aws.role("prod-deployer", githubTrust(githubSub("StringLike", "repo:acme-corp/*"))));
    aws.role(
        "scoped",
        githubTrust(
            githubSub("StringEquals", "repo:acme-corp/payments-api:environment:production")));
    aws.admin(aws.role("OrganizationAccountAccessRole", "{\"Statement\":[]}"));

    List<Finding> users = run(new UserStandingAdmin());
    assertThat(users)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(
            "aws:123456789012#user/tom.baker", "aws:123456789012#user/ops-bot");
    assertThat(byResource(users, "tom.baker").severity()).isEqualTo(Severity.CRITICAL);
    assertThat(byResource(users, "ops-bot").severity()).isEqualTo(Severity.HIGH);

    List<Finding> roles = RuleHarness.findings(new PipelineRoleAdmin(), aws.graph());
    assertThat(roles)
        .singleElement()
        .satisfies(f -> assertThat(f.resource()).isEqualTo("aws:123456789012#role/prod-deployer"));
  }

  @Test
  void wildcardGrantsAreFlaggedButServiceLinkedRolesLeftAlone() {
    aws.user("data-eng").set(Attr.WILDCARD_GRANTS, List.of("data: s3:* on *"));
    aws.role("AWSServiceRoleForSupport", "{}")
        .set(Attr.SYSTEM_DEFAULT, true)
        .set(Attr.WILDCARD_GRANTS, List.of("AWSSupportServiceRolePolicy: support:* on *"));
    aws.user("reader");

    List<Finding> findings = run(new WildcardPolicy());
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("aws:123456789012#user/data-eng");
              assertThat(f.evidence()).containsEntry("wildcardGrants", List.of("data: s3:* on *"));
            });
  }

  @Test
  void consoleWithoutMfaAndUnknownWithoutCredentialReport() {
    aws.user("omar").set(Attr.CONSOLE_ACCESS, true).set(Attr.MFA_ENABLED, false);
    aws.user("maya").set(Attr.CONSOLE_ACCESS, true).set(Attr.MFA_ENABLED, true);
    aws.user("svc").set(Attr.CONSOLE_ACCESS, false).set(Attr.MFA_ENABLED, false);
    aws.user("<root_account>").set(Attr.CONSOLE_ACCESS, true).set(Attr.MFA_ENABLED, false);
    aws.user("unknown");

    List<Finding> findings = run(new ConsoleUserWithoutMfa());
    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(
            "aws:123456789012#user/omar", "aws:123456789012#user/<root_account>");
    assertThat(byResource(findings, "<root_account>").severity()).isEqualTo(Severity.CRITICAL);
    assertThat(byResource(findings, "<root_account>").weakness().id())
        .isEqualTo("member-mfa-disabled");
    RuleTally tally = RuleHarness.tally(new ConsoleUserWithoutMfa(), aws.graph());
    assertThat(tally.passed()).isEqualTo(2);
    assertThat(tally.unknown()).isEqualTo(1);
  }

  @Test
  void oldUnusedAndCiKeys() {
    Entity ci = aws.user("ci-deploy-legacy");
    aws.accessKey(ci, 1, true, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
    Entity backup = aws.user("backup-bot");
    aws.accessKey(backup, 1, true, NOW.minus(Duration.ofDays(200)), null);
    Entity fresh = aws.user("felix");
    aws.accessKey(fresh, 1, true, NOW.minus(Duration.ofDays(3)), null);
    aws.accessKey(fresh, 2, false, NOW.minus(Duration.ofDays(900)), null);
    Entity root = aws.user("<root_account>");
    aws.accessKey(root, 1, true, NOW.minus(Duration.ofDays(5)), NOW);

    List<Finding> stale = run(new AccessKeyNotRotated());
    assertThat(stale)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(
            "aws:123456789012#access-key/ci-deploy-legacy/1",
            "aws:123456789012#access-key/<root_account>/1");
    assertThat(byResource(stale, "<root_account>").severity()).isEqualTo(Severity.CRITICAL);
    assertThat(byResource(stale, "ci-deploy-legacy").evidence()).containsEntry("ageDays", 400L);

    List<Finding> unused = RuleHarness.findings(new AccessKeyUnused(), aws.graph());
    assertThat(unused)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("aws:123456789012#access-key/backup-bot/1");
              assertThat(f.evidence()).containsEntry("lastUsed", "never");
            });

    List<Finding> ciKeys = RuleHarness.findings(new CiUserAccessKey(), aws.graph());
    assertThat(ciKeys)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("aws:123456789012#user/ci-deploy-legacy");
              assertThat(f.evidence())
                  .containsEntry("matchedWord", "ci")
                  .containsEntry("oidcProviders", List.of("token.actions.githubusercontent.com"));
            });
  }

  private static Finding byResource(List<Finding> findings, String name) {
    return findings.stream()
        .filter(f -> f.resource().contains("/" + name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding on " + name + " in " + findings));
  }
}
