package dev.tenet.app.demo;

import dev.tenet.connectors.aws.AwsIamConnector;
import dev.tenet.connectors.emulator.DemoExports;
import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.k8s.KubernetesConnector;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Connector;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The bundled sample organization, served on a loopback port by the platform emulators for as long
 * as this is open, with the real connectors pointed at it, and its AWS account and Kubernetes
 * cluster as offline exports. No user token, no network.
 */
public final class DemoEnvironment implements AutoCloseable {
  private final GitHubEmulator github;
  private final Secret token;

  private DemoEnvironment(GitHubEmulator github, Secret token) {
    this.github = github;
    this.token = token;
  }

  public static DemoEnvironment start() {
    byte[] random = new byte[20];
    new SecureRandom().nextBytes(random);
    // A throwaway token shaped like GitHub's, accepted only by this emulator instance.
    Secret token = Secret.of("ghp_demo" + HexFormat.of().formatHex(random));
    return new DemoEnvironment(
        GitHubEmulator.start(SampleOrganization.demo(), token.reveal()), token);
  }

  public List<Connector> connectors() {
    return connectors(Instant.now());
  }

  /**
   * @param now the scan time: the demo's recent activity (key use, sign-ins) is dated before it
   */
  public List<Connector> connectors(Instant now) {
    SampleOrganization org = github.organization();
    // Acme's production AWS account and EKS cluster come as the exports a user would give Tenet.
    return List.of(
        new GitHubConnector(
            github.apiUrl().toString(),
            org.login(),
            token,
            HttpPolicy.defaults(),
            ResponseCache.NONE),
        AwsIamConnector.fromExports(DemoExports.AWS_ACCOUNT, DemoExports.awsAccount(now)),
        KubernetesConnector.fromExports(DemoExports.CLUSTER, DemoExports.cluster(now)));
  }

  @Override
  public void close() {
    github.close();
    token.destroy();
  }
}
