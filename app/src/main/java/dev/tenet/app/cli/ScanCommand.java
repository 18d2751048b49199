package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.app.service.ConnectionSpec;
import dev.tenet.app.service.RegistrySettings;
import dev.tenet.app.service.RegistrySpec;
import dev.tenet.app.service.ScanConfig;
import dev.tenet.app.service.ScanPlan;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.gitlab.GitLabConnector;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Severity;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.ScanListener;
import dev.tenet.reports.sign.SigningKey;
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

  /** Credential references of the connections (env:VAR, keychain:NAME, vault:NAME or a name). */
  private String githubCredential;

  private String gitlabCredential;
  private String lastConnection;
  private final List<RegistryDraft> registries = new ArrayList<>();

  /** A --registry and the options given after it, until the next connection. */
  private static final class RegistryDraft {
    final String url;
    String kind;

    /** The token's reference (env:VAR, keychain:NAME, vault:NAME or a stored name), or null. */
    String credential;

    String user;

    RegistryDraft(String url) {
      this.url = url;
    }

    RegistrySpec spec() {
      return new RegistrySpec(url, kind, credential, user);
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
    credentialOfLastConnection("--token-env", "env:" + variables.get(variables.size() - 1));
  }

  /** Sets the credential of the connection named last; one per connection. */
  private void credentialOfLastConnection(String option, String reference) {
    if (lastConnection == null) {
      throw new ParameterException(
          spec.commandLine(),
          option
              + " names the token of the connection before it: give it after --github ORG,"
              + " --gitlab GROUP or --registry URL.");
    }
    if (lastConnection.equals(REGISTRY)) {
      RegistryDraft registry = lastRegistry(option);
      if (registry.credential != null) {
        throw new ParameterException(
            spec.commandLine(), "Give one of --token-env or --credential per registry, not both.");
      }
      registry.credential = reference;
      return;
    }
    boolean gitlabConnection = lastConnection.equals(GitLabConnector.PLATFORM);
    if ((gitlabConnection ? gitlabCredential : githubCredential) != null) {
      throw new ParameterException(
          spec.commandLine(), "Give one of --token-env or --credential per connection, not both.");
    }
    if (gitlabConnection) {
      gitlabCredential = reference;
    } else {
      githubCredential = reference;
    }
  }

  @Option(
      names = "--credential",
      paramLabel = "REF",
      description =
          "The stored credential of the connection named before it: a name from 'tenet"
              + " credentials list', or keychain:NAME, vault:NAME, env:VAR.")
  void credential(List<String> references) {
    if (!references.isEmpty()) {
      credentialOfLastConnection("--credential", references.get(references.size() - 1));
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
      names = "--aws-iam-file",
      paramLabel = "FILE",
      description =
          "Offline AWS IAM of one account: the output of aws iam"
              + " get-account-authorization-details, plus optionally the credential report and"
              + " the OIDC providers (files or a folder; repeatable).")
  List<Path> awsIamFiles = new ArrayList<>();

  @Option(
      names = "--aws-profile",
      paramLabel = "NAME",
      description =
          "Live AWS IAM with this profile of the standard AWS configuration (SSO and"
              + " assumed-role profiles included). Read-only IAM calls only.")
  String awsProfile;

  @Option(
      names = "--aws-endpoint",
      paramLabel = "URL",
      description = "IAM endpoint for --aws-profile instead of AWS's (a VPC endpoint).")
  String awsEndpoint;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Live Kubernetes RBAC and admission, read-only, through this kubeconfig.")
  Path kubeconfig;

  @Option(
      names = "--k8s-context",
      paramLabel = "NAME",
      description = "The kubeconfig context to use (default: its current context).")
  String k8sContext;

  @Option(
      names = "--k8s-file",
      paramLabel = "FILE",
      description =
          "Offline Kubernetes RBAC: kubectl get clusterroles,clusterrolebindings,roles,"
              + "rolebindings,serviceaccounts,namespaces,validatingwebhookconfigurations,"
              + "mutatingwebhookconfigurations -A -o json (files or a folder; repeatable).")
  List<Path> k8sFiles = new ArrayList<>();

  @Option(
      names = "--k8s-cluster",
      paramLabel = "NAME",
      description = "The cluster's name in findings, for --k8s-file (default: the file's name).")
  String k8sCluster;

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

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A tenet.yaml listing connections (platform, url, target, token reference; see"
              + " docs/CLI.md), scanned with those given as flags.")
  Path config;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here.")
  Path json;

  @Option(
      names = "--sarif",
      paramLabel = "FILE",
      description = "Write the SARIF 2.1.0 report here (for code-scanning views).")
  Path sarif;

  @Option(names = "--pdf", paramLabel = "FILE", description = "Write the PDF report here.")
  Path pdf;

  @Mixin SigningOptions signing;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Write the HTML report here (one self-contained file).")
  Path html;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "Write the CSV report here (one row per finding).")
  Path csv;

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
    Severity gateSeverity = failOn == null ? null : parseSeverity(spec.commandLine(), failOn);
    if (failUnder != null && (failUnder < 0 || failUnder > 100)) {
      throw new ParameterException(spec.commandLine(), "--fail-under takes a score from 0 to 100.");
    }
    ScanConfig fromFile = config == null ? null : ScanConfig.read(config);
    if (fromFile == null
        && github == null
        && gitlab == null
        && registries.isEmpty()
        && !demo
        && awsIamFiles.isEmpty()
        && awsProfile == null
        && kubeconfig == null
        && k8sFiles.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "Nothing to scan: give --github ORG, --gitlab GROUP, --registry URL, --aws-iam-file"
              + " FILE, --aws-profile NAME, --k8s-file FILE, --kubeconfig FILE or --config FILE,"
              + " or --demo for the bundled sample organization.");
    }
    if (registryTags < 1) {
      throw new ParameterException(spec.commandLine(), "--registry-tags takes a number from 1.");
    }
    if (awsEndpoint != null && awsProfile == null) {
      throw new ParameterException(spec.commandLine(), "--aws-endpoint goes with --aws-profile.");
    }
    if (k8sContext != null && kubeconfig == null) {
      throw new ParameterException(spec.commandLine(), "--k8s-context goes with --kubeconfig.");
    }
    if (k8sCluster != null && k8sFiles.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--k8s-cluster goes with --k8s-file.");
    }
    List<ConnectionSpec> connections = new ArrayList<>();
    if (github != null) {
      connections.add(
          new ConnectionSpec(
              GitHubConnector.PLATFORM,
              githubUrl,
              github,
              githubCredential == null ? "env:GITHUB_TOKEN" : githubCredential));
    }
    if (gitlab != null) {
      connections.add(
          new ConnectionSpec(
              GitLabConnector.PLATFORM,
              gitlabUrl,
              gitlab,
              gitlabCredential == null ? "env:GITLAB_TOKEN" : gitlabCredential));
    }
    if (!awsIamFiles.isEmpty()) {
      connections.add(new ConnectionSpec(ConnectionSpec.AWS_EXPORT, null, null, null, awsIamFiles));
    }
    if (awsProfile != null) {
      connections.add(new ConnectionSpec(ConnectionSpec.AWS, awsEndpoint, awsProfile, null));
    }
    if (!k8sFiles.isEmpty()) {
      connections.add(
          new ConnectionSpec(ConnectionSpec.K8S_EXPORT, null, k8sCluster, null, k8sFiles));
    }
    if (kubeconfig != null) {
      connections.add(
          new ConnectionSpec(ConnectionSpec.K8S, null, k8sContext, null, List.of(kubeconfig)));
    }
    List<RegistrySpec> registrySpecs =
        new ArrayList<>(registries.stream().map(RegistryDraft::spec).toList());
    if (fromFile != null) {
      connections.addAll(fromFile.connections());
      registrySpecs.addAll(fromFile.registries());
    }
    AppContext context = root.context(common);
    if (signing.signs() && pdf == null) {
      throw new ParameterException(
          spec.commandLine(), "--sign signs the PDF report: give --pdf FILE with it.");
    }
    SigningKey signingKey = signing.open(context);
    ScanListener progress =
        root.options(common).quiet
            ? ScanListener.NONE
            : new ConsoleProgress(err, root.options(common).verbose);
    RegistrySettings registrySettings =
        new RegistrySettings(registryKeys, registryTags, registryTrust, registryRepos);
    ScanPlan plan = new ScanPlan(demo, connections, registrySpecs, registrySettings);
    Assessment a = context.scans().run(plan, progress, new Cancellation());

    Map<String, Path> reports = new LinkedHashMap<>();
    putIfSet(reports, "json", json);
    putIfSet(reports, "sarif", sarif);
    putIfSet(reports, "csv", csv);
    putIfSet(reports, "html", html);
    putIfSet(reports, "pdf", pdf);
    if (!reports.isEmpty()) {
      // Reports read the assessment as stored, so each carries the fingerprint verify checks.
      Assessment stored = context.workspace().load(a.id());
      reports.forEach(
          (format, file) ->
              context
                  .reports()
                  .write(stored, format, file, format.equals("pdf") ? signingKey : null));
    }
    if (!root.options(common).quiet) {
      Summaries.print(out, a, context.workspace().database().toString());
      reports.forEach((format, file) -> out.println("  report    " + file));
      out.flush();
    }
    return gate(a, gateSeverity, err);
  }

  private static void putIfSet(Map<String, Path> reports, String format, Path file) {
    if (file != null) {
      reports.put(format, file);
    }
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

  /** A severity given on the command line; a wrong one is a usage error (exit 2). */
  static Severity parseSeverity(picocli.CommandLine commandLine, String value) {
    try {
      return Severity.fromId(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, e.getMessage() + ".");
    }
  }
}
