package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.app.service.ConnectionSpec;
import dev.tenet.app.service.RegistrySettings;
import dev.tenet.app.service.RegistrySpec;
import dev.tenet.app.service.ScanPlan;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.gitlab.GitLabConnector;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Severity;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.ScanListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tenet scan}: runs an assessment headless, stores it and prints a summary. */
@Command(
    name = "scan",
    description = "Runs an assessment headless, stores it, prints a summary and writes reports.")
final class ScanCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  private String github;
  private String gitlab;
  private String githubTokenEnv;
  private String gitlabTokenEnv;
  private String lastConnection;
  private final List<RegistryDraft> registries = new ArrayList<>();

  /** A --registry and the options given after it, until the next connection. */
  private static final class RegistryDraft {
    final String url;
    String kind;
    String tokenEnv;
    String user;

    RegistryDraft(String url) {
      this.url = url;
    }

    RegistrySpec spec() {
      return new RegistrySpec(url, kind, tokenEnv, user);
    }
  }

  private static final String REGISTRY = "registry";

  @Option(names = "--github", paramLabel = "ORG", description = "Scan this GitHub organization.")
  void github(String organization) {
    github = organization;
    lastConnection = GitHubConnector.PLATFORM;
  }

  @Option(
      names = "--github-url",
      paramLabel = "URL",
      description =
          "GitHub API base (default ${DEFAULT-VALUE}; GitHub Enterprise Server:"
              + " https://HOST/api/v3).",
      defaultValue = GitHubConnector.DEFAULT_URL)
  String githubUrl;

  @Option(
      names = "--gitlab",
      paramLabel = "GROUP",
      description = "Scan this GitLab group (full path, e.g. acme/platform) and its subgroups.")
  void gitlab(String group) {
    gitlab = group;
    lastConnection = GitLabConnector.PLATFORM;
  }

  @Option(
      names = "--gitlab-url",
      paramLabel = "URL",
      description = "GitLab address (default ${DEFAULT-VALUE}; self-managed: https://HOST).",
      defaultValue = GitLabConnector.DEFAULT_URL)
  String gitlabUrl;

  @Option(
      names = "--token-env",
      paramLabel = "VAR",
      description =
          "Environment variable holding the token of the connection named before it (defaults"
              + " GITHUB_TOKEN, GITLAB_TOKEN). Tokens are never accepted on the command line.")
  void tokenEnv(List<String> variables) {
    // Given once per connection: picocli hands over every value so far, the newest last (and
    // an empty list when it initialises the option).
    if (variables.isEmpty()) {
      return;
    }
    String variable = variables.get(variables.size() - 1);
    if (lastConnection == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--token-env names the token of the connection before it: give it after --github ORG,"
              + " --gitlab GROUP or --registry URL.");
    }
    if (lastConnection.equals(REGISTRY)) {
      lastRegistry("--token-env").tokenEnv = variable;
    } else if (lastConnection.equals(GitLabConnector.PLATFORM)) {
      gitlabTokenEnv = variable;
    } else {
      githubTokenEnv = variable;
    }
  }

  @Option(
      names = "--registry",
      paramLabel = "URL",
      description =
          "Assess this container registry (repeatable): any OCI registry (with a namespace path"
              + " to narrow it), Docker Hub (https://hub.docker.com/NAMESPACE), JFrog Artifactory,"
              + " ghcr.io/ORG or registry.gitlab.com/GROUP. Token: --token-env after it.")
  void registry(List<String> urls) {
    if (urls.isEmpty()) {
      return;
    }
    registries.add(new RegistryDraft(urls.get(urls.size() - 1)));
    lastConnection = REGISTRY;
  }

  @Option(
      names = "--registry-user",
      paramLabel = "NAME",
      description = "User name of the token of the registry named before it.")
  void registryUser(List<String> users) {
    if (!users.isEmpty()) {
      lastRegistry("--registry-user").user = users.get(users.size() - 1);
    }
  }

  @Option(
      names = "--registry-kind",
      paramLabel = "KIND",
      description =
          "Kind of the registry named before it, when its URL does not tell: oci, dockerhub,"
              + " artifactory, ghcr, gitlab.")
  void registryKind(List<String> kinds) {
    if (!kinds.isEmpty()) {
      lastRegistry("--registry-kind").kind = kinds.get(kinds.size() - 1);
    }
  }

  private RegistryDraft lastRegistry(String option) {
    if (!REGISTRY.equals(lastConnection) || registries.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), option + " belongs to a registry: give it after --registry URL.");
    }
    return registries.get(registries.size() - 1);
  }

  @Option(
      names = "--registry-key",
      paramLabel = "FILE",
      description =
          "Public key (PEM, e.g. cosign.pub) whose signatures count as the organization's"
              + " (repeatable). Without one, signatures cannot be verified.")
  List<Path> registryKeys = new ArrayList<>();

  @Option(
      names = "--registry-tags",
      paramLabel = "N",
      description = "Most recent tags inspected per repository (default ${DEFAULT-VALUE}).",
      defaultValue = "3")
  int registryTags;

  @Option(
      names = "--registry-trust",
      paramLabel = "SOURCE",
      description =
          "Source location whose builds are the organization's own, e.g. github.com/acme"
              + " (repeatable); scanned GitHub and GitLab repositories count too.")
  List<String> registryTrust = new ArrayList<>();

  @Option(
      names = "--registry-repo",
      paramLabel = "PATTERN",
      description =
          "Only inspect registry repositories matching this pattern (* within a path segment,"
              + " ** across; repeatable). Needed for registries that do not list their"
              + " repositories.")
  List<String> registryRepos = new ArrayList<>();

  @Option(names = "--demo", description = "Scan the bundled sample organization.")
  boolean demo;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here.")
  Path json;

  @Option(
      names = "--fail-under",
      paramLabel = "N",
      description = "Exit 3 when the overall score is below N (0-100).")
  Integer failUnder;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit 3 when a finding of this severity or worse is present.")
  String failOn;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Severity gateSeverity = failOn == null ? null : parseSeverity(failOn);
    if (failUnder != null && (failUnder < 0 || failUnder > 100)) {
      throw new ParameterException(spec.commandLine(), "--fail-under takes a score from 0 to 100.");
    }
    if (github == null && gitlab == null && registries.isEmpty() && !demo) {
      throw new ParameterException(
          spec.commandLine(),
          "Nothing to scan: give --github ORG, --gitlab GROUP, --registry URL, or --demo for the"
              + " bundled sample organization.");
    }
    if (registryTags < 1) {
      throw new ParameterException(spec.commandLine(), "--registry-tags takes a number from 1.");
    }
    List<ConnectionSpec> connections = new ArrayList<>();
    if (github != null) {
      connections.add(
          new ConnectionSpec(
              GitHubConnector.PLATFORM,
              githubUrl,
              github,
              githubTokenEnv == null ? "GITHUB_TOKEN" : githubTokenEnv));
    }
    if (gitlab != null) {
      connections.add(
          new ConnectionSpec(
              GitLabConnector.PLATFORM,
              gitlabUrl,
              gitlab,
              gitlabTokenEnv == null ? "GITLAB_TOKEN" : gitlabTokenEnv));
    }
    AppContext context = root.context(common);
    ScanListener progress =
        root.options(common).quiet
            ? ScanListener.NONE
            : new ConsoleProgress(err, root.options(common).verbose);
    RegistrySettings registrySettings =
        new RegistrySettings(registryKeys, registryTags, registryTrust, registryRepos);
    ScanPlan plan =
        new ScanPlan(
            demo,
            connections,
            registries.stream().map(RegistryDraft::spec).toList(),
            registrySettings);
    Assessment a = context.scans().run(plan, progress, new Cancellation());

    Map<String, Path> reports = new LinkedHashMap<>();
    if (json != null) {
      reports.put("json", json);
    }
    reports.forEach((format, file) -> context.reports().write(a, format, file));
    if (!root.options(common).quiet) {
      Summaries.print(out, a, context.workspace().database().toString());
      reports.forEach((format, file) -> out.println("  report    " + file));
      out.flush();
    }
    return gate(a, gateSeverity, err);
  }

  private int gate(Assessment a, Severity gateSeverity, PrintWriter err) {
    int code = ExitCodes.OK;
    if (failUnder != null) {
      Integer overall = a.score().overall();
      if (overall == null || overall < failUnder) {
        err.println(
            "Gate failed: overall score "
                + Summaries.score(overall)
                + " is below "
                + failUnder
                + ".");
        code = ExitCodes.GATE_FAILED;
      }
    }
    if (gateSeverity != null) {
      long worse = a.findings().stream().filter(f -> f.severity().atLeast(gateSeverity)).count();
      if (worse > 0) {
        err.println(
            "Gate failed: "
                + worse
                + " finding(s) of severity "
                + gateSeverity.id()
                + " or worse.");
        code = ExitCodes.GATE_FAILED;
      }
    }
    err.flush();
    return code;
  }

  private Severity parseSeverity(String value) {
    try {
      return Severity.fromId(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage() + ".");
    }
  }
}
