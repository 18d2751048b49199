package dev.tenet.connectors.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.link.StandardLinkers;
import dev.tenet.core.model.Finding;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.rules.aws.ConsoleUserWithoutMfa;
import dev.tenet.core.rules.aws.ExternalAccountTrusted;
import dev.tenet.core.rules.aws.OidcSubjectNotPinned;
import dev.tenet.core.rules.aws.UserStandingAdmin;
import dev.tenet.core.rules.aws.WildcardPolicy;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.scan.ScanListener;
import dev.tenet.core.testing.RuleHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline AWS IAM: the real cloudsplaining samples, crafted exports, and bad input. */
class AwsIamExportTest {
  @TempDir Path dir;

  static Path resource(Path dir, String name) throws IOException {
    Path out = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
    try (InputStream in = AwsIamExportTest.class.getResourceAsStream(name)) {
      Files.copy(in, out);
    }
    return out;
  }

  static CollectContext collect(AwsIamConnector connector) throws Exception {
    CollectContext context =
        new CollectContext(ScanListener.NONE, new Cancellation(), RuleHarness.NOW);
    connector.collect(context);
    StandardLinkers.linkAll(context.graph());
    return context;
  }

  @Test
  void realSampleMapsEveryPrincipalAndFindsItsAdministratorsAndEscalations() throws Exception {
    Path file = resource(dir, "/dev/tenet/connectors/aws/cloudsplaining/example.json");
    CollectContext context = collect(AwsIamConnector.fromFiles(List.of(file)));
    TrustGraph graph = context.graph();

    assertThat(graph.find("aws:200611803367")).isPresent();
    assertThat(graph.entities(EntityKind.USER)).hasSize(44);
    assertThat(graph.entities(EntityKind.TEAM)).hasSize(5);
    assertThat(graph.entities(EntityKind.CLOUD_ROLE)).hasSize(78);
    Entity obama = graph.get("aws:200611803367#user/obama");
    assertThat(obama.isTrue(Attr.ADMIN_ACCESS)).isTrue();
    assertThat(graph.targets(obama, RelationKind.MEMBER_OF))
        .extracting(Entity::id)
        .containsExactly("aws:200611803367#group/admin");
    assertThat(
            graph.get("aws:200611803367#role/AWSServiceRoleForSupport").isTrue(Attr.SYSTEM_DEFAULT))
        .isTrue();

    Set<String> admins =
        RuleHarness.findings(new UserStandingAdmin(), graph).stream()
            .map(f -> f.resource().substring("aws:200611803367#user/".length()))
            .collect(Collectors.toSet());
    assertThat(admins)
        .containsExactlyInAnyOrder(
            "obama",
            "userwithlotsofpermissions",
            "privesc-sre-user",
            "privesc1-CreateNewPolicyVersion-user",
            "privesc2-SetExistingDefaultPolicyVersion-user",
            "privesc4-CreateAccessKey-user",
            "privesc5-CreateLoginProfile-user",
            "privesc6-UpdateLoginProfile-user",
            "privesc7-AttachUserPolicy-user",
            "privesc8-AttachGroupPolicy-user",
            "privesc9-AttachRolePolicy-user",
            "privesc10-PutUserPolicy-user",
            "privesc11-PutGroupPolicy-user",
            "privesc12-PutRolePolicy-user",
            "privesc13-AddUserToGroup-user",
            "privesc14-UpdatingAssumeRolePolicy-user",
            "fn4-exploitableNotAction-user",
            "fn3-exploitableConditionConstraint-user",
            "fp5-nonExploitableConditionConstraint-user");
    // Allow-and-deny pairs cancel out, as in IAM.
    assertThat(admins)
        .doesNotContain(
            "fp1-allow-and-deny-user",
            "fp2-allow-and-deny-multiple-policies-user",
            "fp3-deny-iam-user");
    assertThat(
            graph
                .get("aws:200611803367#user/fp5-nonExploitableConditionConstraint-user")
                .list(Attr.PRIVILEGE_ESCALATION))
        .containsExactly(
            "iam:CreatePolicyVersion (fp5-nonExploitableConditionConstraint, conditional)");

    // OrganizationAccountAccessRole trusts the management account's whole root.
    List<Finding> external = RuleHarness.findings(new ExternalAccountTrusted(), graph);
    assertThat(external)
        .extracting(Finding::resource)
        .containsExactly("aws:200611803367#role/OrganizationAccountAccessRole");
    assertThat(external.get(0).evidence()).containsEntry("trustedAccount", "072528804237");

    // Group wildcards are reported on the group, once.
    assertThat(RuleHarness.findings(new WildcardPolicy(), graph))
        .extracting(Finding::resource)
        .contains("aws:200611803367#group/privesc-sre-group")
        .doesNotContain("aws:200611803367#user/privesc-sre-user");

    // No OIDC trust in this account; no credential report given: users are unknown, not passed.
    assertThat(RuleHarness.findings(new OidcSubjectNotPinned(), graph)).isEmpty();
    RuleTally mfa = RuleHarness.tally(new ConsoleUserWithoutMfa(), graph);
    assertThat(mfa.unknown()).isEqualTo(44);
    assertThat(mfa.passed()).isZero();
    assertThat(context.blindSpots())
        .anySatisfy(
            b -> {
              assertThat(b.resource()).isEqualTo("aws:200611803367");
              assertThat(b.what()).contains("MFA");
              assertThat(b.reason()).contains("no credential report");
            });
  }

  @Test
  void secondRealSampleMapsToo() throws Exception {
    Path file =
        resource(dir, "/dev/tenet/connectors/aws/cloudsplaining/example-authz-details.json");
    CollectContext context = collect(AwsIamConnector.fromFiles(List.of(file)));
    assertThat(context.graph().entities(EntityKind.USER)).hasSize(3);
    assertThat(context.graph().entities(EntityKind.CLOUD_ROLE)).hasSize(3);
    assertThat(context.graph().entities(EntityKind.CLOUD_ACCOUNT)).hasSize(1);
  }

  @Test
  void badInputGetsOneClearSentence() throws Exception {
    Path notJson = Files.writeString(dir.resolve("notes.txt"), "hello");
    assertThatThrownBy(() -> collect(AwsIamConnector.fromFiles(List.of(notJson))))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("notes.txt is neither JSON nor a credential report");
    Path other = Files.writeString(dir.resolve("other.json"), "{\"Buckets\":[]}");
    assertThatThrownBy(() -> collect(AwsIamConnector.fromFiles(List.of(other))))
        .hasMessageContaining("is not an AWS IAM export Tenet knows");
    Path page =
        Files.writeString(
            dir.resolve("page.json"),
            "{\"UserDetailList\":[],\"IsTruncated\":true,\"Marker\":\"x\"}");
    assertThatThrownBy(() -> collect(AwsIamConnector.fromFiles(List.of(page))))
        .hasMessageContaining("truncated");
    Path report = Files.writeString(dir.resolve("report.csv"), "user,arn,user_creation_time\n");
    assertThatThrownBy(() -> collect(AwsIamConnector.fromFiles(List.of(report))))
        .hasMessageContaining("No IAM authorization details among the files given");
    assertThatThrownBy(
            () -> collect(AwsIamConnector.fromFiles(List.of(dir.resolve("missing.json")))))
        .hasMessageContaining("does not exist");
    Path empty = Files.writeString(dir.resolve("empty.json"), "{\"UserDetailList\":[]}");
    assertThatThrownBy(() -> collect(AwsIamConnector.fromFiles(List.of(empty))))
        .hasMessageContaining("holds no ARN");
  }
}
