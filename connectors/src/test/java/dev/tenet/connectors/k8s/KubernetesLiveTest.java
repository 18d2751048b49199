package dev.tenet.connectors.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.emulator.DemoExports;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.scan.ScanListener;
import dev.tenet.core.testing.RuleHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live Kubernetes RBAC through the real Fabric8 client, against a local API server. */
class KubernetesLiveTest {
  private static final String TOKEN = "k8s-aws-v1.aHR0cHM6Ly9zdHMuZXhhbXBsZQ";
  @TempDir Path dir;
  private KubeApiServer api;

  @BeforeEach
  void start() throws Exception {
    api =
        new KubeApiServer(
            KubeApiServer.read(DemoExports.cluster(RuleHarness.NOW).get(0).content()), TOKEN);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Path kubeconfig(String extra) throws Exception {
    return Files.writeString(dir.resolve("kubeconfig"), api.kubeconfig(extra));
  }

  private static CollectContext collect(KubernetesConnector connector) throws Exception {
    CollectContext context =
        new CollectContext(ScanListener.NONE, new Cancellation(), RuleHarness.NOW);
    connector.collect(context);
    return context;
  }

  private static HttpPolicy fast() {
    return HttpPolicy.defaults().withBackoff(Duration.ofMillis(5));
  }

  @Test
  void liveReadMapsLikeTheExportOfTheSameCluster() throws Exception {
    KubernetesConnector live = KubernetesConnector.live(kubeconfig(""), null, null, fast());
    assertThat(live.scope().target()).isEqualTo("acme-prod-eks");
    CollectContext online = collect(live);
    CollectContext offline =
        collect(
            KubernetesConnector.fromExports("acme-prod-eks", DemoExports.cluster(RuleHarness.NOW)));

    assertThat(api.authorizations).allMatch(("Bearer " + TOKEN)::equals);
    assertThat(online.requests()).isEqualTo(api.requests.size());
    assertThat(api.requests).noneMatch(p -> p.contains("secrets"));
    for (EntityKind kind :
        new EntityKind[] {EntityKind.CLOUD_ROLE, EntityKind.USER, EntityKind.TEAM}) {
      assertThat(ids(online, kind)).as(kind.id()).isEqualTo(ids(offline, kind));
    }
    Entity cluster = online.graph().get("k8s:acme-prod-eks");
    assertThat(cluster.isTrue(Attr.ADMISSION_READ)).isTrue();
    assertThat(cluster.text(Attr.IMAGE_VERIFICATION)).hasValue("audit");
    assertThat(cluster.asMap()).isEqualTo(offline.graph().get("k8s:acme-prod-eks").asMap());
    Relation deployer =
        online
            .graph()
            .outgoing(
                online.graph().get("k8s:acme-prod-eks#user/github-actions-deployer"),
                RelationKind.HAS_ROLE)
            .get(0);
    assertThat(deployer.list(Attr.BINDINGS))
        .containsExactly("k8s:acme-prod-eks#clusterrolebinding/github-actions-deployer");
    assertThat(
            online
                .graph()
                .get("k8s:acme-prod-eks#user/github-actions-deployer")
                .text(Attr.MAPPED_FROM_ARN))
        .hasValue("arn:aws:iam::123456789012:role/prod-deployer");
    // Secrets are never listed live: whether a token secret exists stays unknown.
    assertThat(
            online
                .graph()
                .get("k8s:acme-prod-eks/payments#serviceaccount/payments-deployer")
                .has(Attr.LONG_LIVED_TOKEN))
        .isFalse();
    assertThat(online.blindSpots()).isEmpty();
  }

  @Test
  void aRefusedAdmissionListMakesAdmissionUnknownAndABlindSpot() throws Exception {
    api.refuse("/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations", 403);
    CollectContext context =
        collect(KubernetesConnector.live(kubeconfig(""), "prod", null, fast()));

    assertThat(context.graph().get("k8s:acme-prod-eks").has(Attr.ADMISSION_READ)).isFalse();
    assertThat(context.blindSpots())
        .anySatisfy(
            b -> {
              assertThat(b.what()).isEqualTo("the mutating admission webhooks");
              assertThat(b.reason()).startsWith("HTTP 403");
            });
  }

  @Test
  void refusedRbacEndsTheConnectionWithOneSentence() throws Exception {
    api.refuse("/apis/rbac.authorization.k8s.io/v1/clusterroles", 403);
    assertThatThrownBy(() -> collect(KubernetesConnector.live(kubeconfig(""), null, null, fast())))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("refused to list RBAC objects (403)");
  }

  @Test
  void insecureContextsAndPlainHttpElsewhereAreRefused() throws Exception {
    Path insecure = kubeconfig("    insecure-skip-tls-verify: true".replace("    ", "  "));
    // The extra line belongs to the cluster entry.
    Files.writeString(
        insecure,
        Files.readString(insecure)
            .replace(
                "    server: " + api.url(),
                "    server: " + api.url() + "\n    insecure-skip-tls-verify: true"));
    assertThatThrownBy(() -> KubernetesConnector.live(insecure, null, null, fast()))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("insecure-skip-tls-verify");
    Path remote = kubeconfig("");
    Files.writeString(
        remote, Files.readString(remote).replace(api.url(), "http://k8s.example.com"));
    assertThatThrownBy(() -> KubernetesConnector.live(remote, null, null, fast()))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("HTTPS only");
    assertThatThrownBy(() -> KubernetesConnector.live(dir.resolve("nope"), null, null, fast()))
        .hasMessageContaining("Cannot read the kubeconfig");
  }

  private static Set<String> ids(CollectContext c, EntityKind kind) {
    return c.graph().entities(kind).stream().map(Entity::id).collect(Collectors.toSet());
  }
}
