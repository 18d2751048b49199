package dev.tenet.app.demo;

import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.GitLabEmulator;
import dev.tenet.connectors.emulator.SampleGroup;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.gitlab.GitLabConnector;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Connector;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The bundled sample organization, served on loopback ports by the platform emulators (GitHub and
 * GitLab) for as long as this is open, with the real connectors pointed at them. No user token, no
 * network.
 */
public final class DemoEnvironment implements AutoCloseable {
  private final GitHubEmulator github;
  private final GitLabEmulator gitlab;
  private final Secret githubToken;
  private final Secret gitlabToken;

  private DemoEnvironment(
      GitHubEmulator github, GitLabEmulator gitlab, Secret githubToken, Secret gitlabToken) {
    this.github = github;
    this.gitlab = gitlab;
    this.githubToken = githubToken;
    this.gitlabToken = gitlabToken;
  }

  public static DemoEnvironment start() {
    // Throwaway tokens shaped like the platforms', accepted only by these emulator instances.
    Secret githubToken = Secret.of("ghp_demo" + random());
    Secret gitlabToken = Secret.of("glpat-demo" + random());
    GitHubEmulator github = GitHubEmulator.start(SampleOrganization.demo(), githubToken.reveal());
    try {
      GitLabEmulator gitlab = GitLabEmulator.start(SampleGroup.demo(), gitlabToken.reveal());
      return new DemoEnvironment(github, gitlab, githubToken, gitlabToken);
    } catch (RuntimeException e) {
      github.close();
      throw e;
    }
  }

  private static String random() {
    byte[] random = new byte[20];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  public List<Connector> connectors() {
    SampleOrganization org = github.organization();
    return List.of(
        new GitHubConnector(
            github.apiUrl().toString(),
            org.login(),
            githubToken,
            HttpPolicy.defaults(),
            ResponseCache.NONE),
        new GitLabConnector(
            gitlab.url().toString(),
            gitlab.sample().path(),
            gitlabToken,
            HttpPolicy.defaults(),
            ResponseCache.NONE));
  }

  @Override
  public void close() {
    github.close();
    gitlab.close();
    githubToken.destroy();
    gitlabToken.destroy();
  }
}
