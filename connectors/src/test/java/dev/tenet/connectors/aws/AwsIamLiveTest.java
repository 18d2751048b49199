package dev.tenet.connectors.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.emulator.DemoExports;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.scan.ExportFile;
import dev.tenet.core.scan.ScanListener;
import dev.tenet.core.testing.RuleHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Live AWS IAM through the real SDK client, against a local IAM API serving the demo account. */
class AwsIamLiveTest {
  private IamEmulator iam;
  private List<ExportFile> demo;

  @BeforeEach
  void start() throws Exception {
    demo = DemoExports.awsAccount(RuleHarness.NOW);
    iam =
        new IamEmulator(
            IamEmulator.json(demo.get(0).content()),
            new String(demo.get(1).content(), StandardCharsets.UTF_8),
            IamEmulator.json(demo.get(2).content()),
            "123456789012");
  }

  @AfterEach
  void stop() {
    iam.close();
  }

  private AwsIamConnector live() {
    return AwsIamConnector.live(
        "test",
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(IamEmulator.ACCESS_KEY_ID, IamEmulator.SECRET_KEY)),
        Region.AWS_GLOBAL,
        iam.endpoint().toString(),
        HttpPolicy.defaults().withBackoff(Duration.ofMillis(5)));
  }

  private static CollectContext collect(AwsIamConnector connector) throws Exception {
    CollectContext context =
        new CollectContext(ScanListener.NONE, new Cancellation(), RuleHarness.NOW);
    connector.collect(context);
    return context;
  }

  @Test
  void liveReadGivesTheSameFactsAsTheOfflineExportOfTheSameAccount() throws Exception {
    CollectContext online = collect(live());
    CollectContext offline = collect(AwsIamConnector.fromExports("demo", demo));

    assertThat(iam.actions)
        .contains(
            "GetAccountAuthorizationDetails",
            "GenerateCredentialReport",
            "GetCredentialReport",
            "ListOpenIDConnectProviders",
            "GetOpenIDConnectProvider",
            "ListAccessKeys",
            "GetAccessKeyLastUsed");
    // Paginated: 11 roles at 4 a page.
    assertThat(iam.actions.stream().filter("GetAccountAuthorizationDetails"::equals)).hasSize(3);
    assertThat(online.requests()).isEqualTo(iam.actions.size());
    assertThat(online.blindSpots()).isEmpty();

    for (EntityKind kind :
        List.of(
            EntityKind.USER,
            EntityKind.TEAM,
            EntityKind.CLOUD_ROLE,
            EntityKind.TOKEN,
            EntityKind.IDENTITY_PROVIDER)) {
      assertThat(ids(online, kind)).as(kind.id()).isEqualTo(ids(offline, kind));
    }
    for (String id :
        List.of(
            "aws:123456789012#role/prod-deployer",
            "aws:123456789012#user/tom.baker",
            "aws:123456789012#access-key/ci-deploy-legacy/1",
            "aws:123456789012#access-key/backup-bot/1",
            "aws:123456789012#oidc-provider/token.actions.githubusercontent.com")) {
      Entity on = online.graph().get(id);
      Entity off = offline.graph().get(id);
      assertThat(on.asMap()).as(id).isEqualTo(off.asMap());
    }
    assertThat(online.graph().get("aws:123456789012").name()).isEqualTo("acme-prod");
    assertThat(
            online
                .graph()
                .outgoing(
                    online.graph().get("aws:123456789012#role/prod-deployer"),
                    RelationKind.CAN_ADMIN))
        .hasSize(1);
  }

  @Test
  void requestsAreSignedAndTheSecretKeyNeverLeavesTheSignature() throws Exception {
    collect(live());
    assertThat(iam.authorizationHeaders)
        .allSatisfy(
            h -> {
              assertThat(h).startsWith("AWS4-HMAC-SHA256 Credential=" + IamEmulator.ACCESS_KEY_ID);
              assertThat(h).doesNotContain(IamEmulator.SECRET_KEY);
            });
  }

  @Test
  void aRefusedCredentialReportIsABlindSpotAndTheRestIsStillRead() throws Exception {
    iam.refuse("GenerateCredentialReport", 403);
    CollectContext context = collect(live());

    assertThat(context.graph().find("aws:123456789012#role/prod-deployer")).isPresent();
    assertThat(context.graph().get("aws:123456789012#user/omar.haddad").has(Attr.CONSOLE_ACCESS))
        .isFalse();
    assertThat(context.blindSpots())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.what()).contains("credential report");
              assertThat(b.reason()).isEqualTo("AccessDenied, HTTP 403");
              assertThat(b.remedy()).contains("iam:GenerateCredentialReport");
            });
    // Keys still come from ListAccessKeys, with their last use.
    assertThat(
            context.graph().get("aws:123456789012#access-key/backup-bot/1").isTrue(Attr.NEVER_USED))
        .isTrue();
  }

  @Test
  void refusedAuthorizationDetailsEndTheConnectionWithTheMissingPermission() {
    iam.refuse("GetAccountAuthorizationDetails", 403);
    assertThatThrownBy(() -> collect(live()))
        .isInstanceOf(ConnectorException.class)
        .hasMessage(
            "AWS refused to read the account's IAM authorization details (AccessDenied, HTTP 403):"
                + " allow iam:GetAccountAuthorizationDetails.");
  }

  @Test
  void wrongCredentialsAndUnreachableEndpointsGetOneSentence() throws Exception {
    AwsIamConnector wrongKey =
        AwsIamConnector.live(
            "test",
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAWRONGWRONGWRONG0", "x")),
            Region.AWS_GLOBAL,
            iam.endpoint().toString(),
            HttpPolicy.defaults());
    assertThatThrownBy(() -> collect(wrongKey))
        .isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith("AWS rejected the credentials (InvalidClientTokenId, HTTP 403)")
        .message()
        .doesNotContain("AKIAWRONG");
    iam.close();
    assertThatThrownBy(() -> collect(live()))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("could not be reached");
  }

  @Test
  void plainHttpEndpointsAreRefusedExceptOnLoopback() {
    assertThatThrownBy(
            () ->
                AwsIamConnector.live(
                    "test",
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
                    Region.AWS_GLOBAL,
                    "http://iam.example.com",
                    HttpPolicy.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTPS only");
  }

  private static Set<String> ids(CollectContext c, EntityKind kind) {
    return c.graph().entities(kind).stream().map(Entity::id).collect(Collectors.toSet());
  }
}
