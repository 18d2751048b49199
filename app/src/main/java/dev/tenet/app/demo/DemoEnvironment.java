package dev.tenet.app.demo;

import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Connector;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The bundled sample organization, served on a loopback port by the platform emulators for as long
 * as this is open, with the real connectors pointed at it. No user token, no network.
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
    SampleOrganization org = github.organization();
    return List.of(
        new GitHubConnector(
            github.apiUrl().toString(),
            org.login(),
            token,
            HttpPolicy.defaults(),
            ResponseCache.NONE));
  }

  @Override
  public void close() {
    github.close();
    token.destroy();
  }
}
