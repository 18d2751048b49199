package dev.tenet.app.demo;

import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.GitLabEmulator;
import dev.tenet.connectors.emulator.RegistryEmulator;
import dev.tenet.connectors.emulator.SampleGroup;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.connectors.emulator.SampleRegistry;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.gitlab.GitLabConnector;
import dev.tenet.connectors.http.BearerChallenges;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.ImageSelection;
import dev.tenet.connectors.registry.RegistryOptions;
import dev.tenet.connectors.registry.TagHistory;
import dev.tenet.connectors.registry.integrity.SigstoreKeyless;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import dev.tenet.connectors.registry.integrity.TrustedRoot;
import dev.tenet.connectors.registry.oci.OciRegistryConnector;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Connector;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The bundled sample organization, served on loopback ports by the platform emulators (GitHub,
 * GitLab and its container registry) for as long as this is open, with the real connectors pointed
 * at them. No user token, no network.
 */
public final class DemoEnvironment implements AutoCloseable {
  private final GitHubEmulator github;
  private final GitLabEmulator gitlab;
  private final RegistryEmulator registry;
  private final Secret githubToken;
  private final Secret gitlabToken;
  private final Secret registryToken;

  private DemoEnvironment(
      GitHubEmulator github,
      GitLabEmulator gitlab,
      RegistryEmulator registry,
      Secret githubToken,
      Secret gitlabToken,
      Secret registryToken) {
    this.github = github;
    this.gitlab = gitlab;
    this.registry = registry;
    this.githubToken = githubToken;
    this.gitlabToken = gitlabToken;
    this.registryToken = registryToken;
  }

  public static DemoEnvironment start() {
    // Throwaway tokens shaped like the platforms', accepted only by these emulator instances.
    Secret githubToken = Secret.of("ghp_demo" + random());
    Secret gitlabToken = Secret.of("glpat-demo" + random());
    Secret registryToken = Secret.of("demo-registry-" + random());
    GitHubEmulator github = GitHubEmulator.start(SampleOrganization.demo(), githubToken.reveal());
    GitLabEmulator gitlab = null;
    try {
      gitlab = GitLabEmulator.start(SampleGroup.demo(), gitlabToken.reveal());
      RegistryEmulator registry =
          RegistryEmulator.start(SampleRegistry.demo(), registryToken.reveal());
      return new DemoEnvironment(github, gitlab, registry, githubToken, gitlabToken, registryToken);
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

  /**
   * The demo's connectors, the registry last (its provenance links to the workflows the others
   * report).
   */
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
            ResponseCache.NONE),
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
    registry.close();
    githubToken.destroy();
    gitlabToken.destroy();
    registryToken.destroy();
  }
}
