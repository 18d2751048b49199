package dev.tenet.app.demo;

import dev.tenet.connectors.aws.AwsIamConnector;
import dev.tenet.connectors.emulator.DemoExports;
import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.GitLabEmulator;
import dev.tenet.connectors.emulator.RegistryEmulator;
import dev.tenet.connectors.emulator.SampleGroup;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.connectors.emulator.SampleRegistry;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.github.GitHubCredentials;
import dev.tenet.connectors.gitlab.GitLabConnector;
import dev.tenet.connectors.http.BearerChallenges;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.k8s.KubernetesConnector;
import dev.tenet.connectors.registry.ImageSelection;
import dev.tenet.connectors.registry.RegistryOptions;
import dev.tenet.connectors.registry.TagHistory;
import dev.tenet.connectors.registry.integrity.SigstoreKeyless;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import dev.tenet.connectors.registry.integrity.TrustedRoot;
import dev.tenet.connectors.registry.oci.OciRegistryConnector;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Connector;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The bundled sample organization, served on loopback ports by the platform emulators (GitHub,
 * GitLab and a container registry) for as long as this is open, with the real connectors pointed at
 * them, and its AWS account and Kubernetes cluster as offline exports. No user token, no network:
 * Tenet signs in to GitHub as the sample's read-only App with a key made for this run only, and to
 * GitLab and the registry with throwaway tokens.
 */
public final class DemoEnvironment implements AutoCloseable {
  /** The app id of the sample's "tenet-scanner" installation (see acme-corp.yaml). */
  static final String DEMO_APP_ID = "77100";

  private final GitHubEmulator github;
  private final GitHubCredentials githubCredentials;
  private final GitLabEmulator gitlab;
  private final RegistryEmulator registry;
  private final Secret gitlabToken;
  private final Secret registryToken;

  private DemoEnvironment(
      GitHubEmulator github,
      GitHubCredentials githubCredentials,
      GitLabEmulator gitlab,
      RegistryEmulator registry,
      Secret gitlabToken,
      Secret registryToken) {
    this.github = github;
    this.githubCredentials = githubCredentials;
    this.gitlab = gitlab;
    this.registry = registry;
    this.gitlabToken = gitlabToken;
    this.registryToken = registryToken;
  }

  public static DemoEnvironment start() {
    KeyPair key = keyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    // Personal tokens are refused: only the app's JWT and its installation tokens get in.
    GitHubEmulator github =
        GitHubEmulator.start(SampleOrganization.demo(), "ghp_demo" + random())
            .app(DEMO_APP_ID, key.getPublic(), Duration.ofHours(1));
    Secret gitlabToken = Secret.of("glpat-demo" + random());
    Secret registryToken = Secret.of("demo-registry-" + random());
    GitLabEmulator gitlab = null;
    try {
      gitlab = GitLabEmulator.start(SampleGroup.demo(), gitlabToken.reveal());
      RegistryEmulator registry =
          RegistryEmulator.start(SampleRegistry.demo(), registryToken.reveal());
      return new DemoEnvironment(
          github,
          new GitHubCredentials.App(DEMO_APP_ID, Secret.of(pem)),
          gitlab,
          registry,
          gitlabToken,
          registryToken);
    } catch (RuntimeException e) {
      github.close();
      if (gitlab != null) {
        gitlab.close();
      }
      throw e;
    }
  }

  private static String random() {
    byte[] random = new byte[20];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The demo's connectors, the registry last (its provenance links to the workflows the others
   * report).
   */
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
            githubCredentials,
            HttpPolicy.defaults(),
            ResponseCache.NONE,
            Clock.systemUTC()),
        new GitLabConnector(
            gitlab.url().toString(),
            gitlab.sample().path(),
            gitlabToken,
            HttpPolicy.defaults(),
            ResponseCache.NONE),
        AwsIamConnector.fromExports(DemoExports.AWS_ACCOUNT, DemoExports.awsAccount(now)),
        KubernetesConnector.fromExports(DemoExports.CLUSTER, DemoExports.cluster(now)),
        registryConnector());
  }

  private Connector registryConnector() {
    SampleRegistry sample = registry.sample();
    // The sample's own earlier assessment stands for the registry's past, so that the unchanged
    // demo scans the same every time (its stored assessments would shift what is judged).
    Map<String, TagHistory.Seen> declared = new HashMap<>();
    for (RegistryEmulator.Earlier e : registry.earlier()) {
      declared.put(
          "oci:" + sample.host() + "/" + e.repository() + "#tag/" + e.tag(),
          new TagHistory.Seen(e.digest(), e.seenAt()));
    }
    TagHistory history = TagHistory.of(declared);
    RegistryOptions options =
        new RegistryOptions(
            ImageSelection.defaults(),
            new TrustedKeys(List.of(TrustedKeys.key("acme-release.pub", registry.releaseKey()))),
            new SigstoreKeyless(TrustedRoot.publicGood()),
            sample.trustedSources(),
            history,
            Clock.systemUTC());
    return new OciRegistryConnector(
        registry.url().toString(),
        sample.host(),
        new BearerChallenges.Credentials(sample.user(), registryToken),
        options,
        HttpPolicy.defaults(),
        ResponseCache.NONE);
  }

  @Override
  public void close() {
    github.close();
    gitlab.close();
    if (githubCredentials instanceof GitHubCredentials.App app) {
      app.privateKeyPem().destroy();
    }
    registry.close();
    gitlabToken.destroy();
    registryToken.destroy();
  }
}
