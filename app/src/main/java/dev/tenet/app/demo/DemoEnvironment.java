package dev.tenet.app.demo;

import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.github.GitHubCredentials;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Connector;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The bundled sample organization, served on a loopback port by the platform emulators for as long
 * as this is open, with the real connectors pointed at it. No user token, no network: Tenet signs
 * in as the sample's read-only GitHub App with a key made for this run only.
 */
public final class DemoEnvironment implements AutoCloseable {
  /** The app id of the sample's "tenet-scanner" installation (see acme-corp.yaml). */
  static final String DEMO_APP_ID = "77100";

  private final GitHubEmulator github;
  private final GitHubCredentials credentials;

  private DemoEnvironment(GitHubEmulator github, GitHubCredentials credentials) {
    this.github = github;
    this.credentials = credentials;
  }

  public static DemoEnvironment start() {
    byte[] random = new byte[20];
    new SecureRandom().nextBytes(random);
    KeyPair key = keyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    // Personal tokens are refused: only the app's JWT and its installation tokens get in.
    GitHubEmulator emulator =
        GitHubEmulator.start(
                SampleOrganization.demo(), "ghp_demo" + HexFormat.of().formatHex(random))
            .app(DEMO_APP_ID, key.getPublic(), Duration.ofHours(1));
    return new DemoEnvironment(emulator, new GitHubCredentials.App(DEMO_APP_ID, Secret.of(pem)));
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

  public List<Connector> connectors() {
    SampleOrganization org = github.organization();
    return List.of(
        new GitHubConnector(
            github.apiUrl().toString(),
            org.login(),
            credentials,
            HttpPolicy.defaults(),
            ResponseCache.NONE,
            Clock.systemUTC()));
  }

  @Override
  public void close() {
    github.close();
    if (credentials instanceof GitHubCredentials.App app) {
      app.privateKeyPem().destroy();
    }
  }
}
