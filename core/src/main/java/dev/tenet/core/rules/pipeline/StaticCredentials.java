package dev.tenet.core.rules.pipeline;

import static dev.tenet.core.rules.pipeline.Coordinate.Toggle.OPT_IN;
import static dev.tenet.core.rules.pipeline.Coordinate.action;
import static dev.tenet.core.rules.pipeline.Coordinate.all;
import static dev.tenet.core.rules.pipeline.Coordinate.bool;
import static dev.tenet.core.rules.pipeline.Coordinate.not;
import static dev.tenet.core.rules.pipeline.Coordinate.oneOf;
import static dev.tenet.core.rules.pipeline.Coordinate.present;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Permissions;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.shell.ShellScript;
import dev.tenet.core.pipeline.yaml.Pos;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A pipeline authenticates with a long-lived credential where short-lived OIDC federation is
 * available: publishing to PyPI, npm, RubyGems or crates.io with an API token instead of trusted
 * publishing, or logging in to AWS, Google Cloud or Azure with stored keys instead of workload
 * identity federation.
 */
final class StaticCredentials extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-OIDC-001",
          "static-cloud-credentials",
          Severity.MEDIUM,
          "Long-lived credential used where OIDC federation is available",
          "A stored API token or cloud key works from anywhere until someone revokes it; one"
              + " leak (a log, a compromised action, a poisoned dependency) publishes packages or"
              + " opens the cloud account. OIDC tokens are minted per job and expire in minutes.",
          List.of(
              "Publish with trusted publishing: grant `id-token: write` to the publishing job and"
                  + " register the workflow with PyPI, npm, RubyGems or crates.io; then delete the"
                  + " API token.",
              "Log in to clouds with OIDC: aws-actions/configure-aws-credentials with"
                  + " `role-to-assume`, google-github-actions/auth with"
                  + " `workload_identity_provider`, azure/login with `client-id` and no secret."),
          List.of(
              "https://docs.pypi.org/trusted-publishers/",
              "https://docs.npmjs.com/trusted-publishers",
              "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect"));

  private static final Set<String> PYPI =
      Set.of("https://upload.pypi.org/legacy/", "https://test.pypi.org/legacy/");
  private static final Set<String> NPMJS =
      Set.of("https://registry.npmjs.org", "https://registry.npmjs.org/");

  /** Actions configured with a stored credential for a service that supports OIDC. */
  static final List<Coordinate.Action> ACTIONS =
      List.of(
          action(
              "pypa/gh-action-pypi-publish",
              all(
                  present(OPT_IN, "password", false),
                  all(
                      oneOf(OPT_IN, "repository-url", PYPI, true),
                      oneOf(OPT_IN, "repository_url", PYPI, true))),
              "password"),
          action(
              "rubygems/release-gem",
              not(bool(OPT_IN, "setup-trusted-publisher", true)),
              "setup-trusted-publisher"),
          action(
              "rubygems/configure-rubygems-credentials",
              all(
                  present(OPT_IN, "api-token", false),
                  oneOf(OPT_IN, "gem-server", Set.of("https://rubygems.org"), true)),
              "api-token"),
          action(
              "actions/setup-node",
              all(oneOf(OPT_IN, "registry-url", NPMJS, true), bool(OPT_IN, "always-auth", false)),
              "always-auth"),
          action(
              "aws-actions/configure-aws-credentials",
              present(OPT_IN, "aws-access-key-id", false),
              "aws-access-key-id"),
          action(
              "google-github-actions/auth",
              present(OPT_IN, "credentials_json", false),
              "credentials_json"),
          action("azure/login", present(OPT_IN, "creds", false), "creds"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("use-trusted-publishing");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return true;
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    for (Job job : p.jobs()) {
      boolean oidc = mintsOidc(p, job);
      for (Step step : job.steps()) {
        if (step.uses() != null) {
          for (Coordinate.Action a : ACTIONS) {
            if (a.usage(step).used()) {
              report
                  .fail(
                      step.uses().node(),
                      step.node(),
                      "Step "
                          + step.label()
                          + " configures "
                          + step.uses().slug()
                          + " with a stored credential (`"
                          + a.input()
                          + "`) instead of short-lived OIDC federation.")
                  .with("action", step.uses().slug())
                  .with("input", a.input());
              break;
            }
          }
        }
        if (step.run() != null && !oidc && !step.disabled()) {
          commands(p, job, step, report);
        }
      }
    }
  }

  /** A job that can mint OIDC tokens probably publishes with them already. */
  private static boolean mintsOidc(Pipeline p, Job job) {
    if (p.kind() == PipelineKind.GITLAB_CI) {
      return job.gitlab() != null && !job.gitlab().idTokens().isEmpty();
    }
    if (p.kind() == PipelineKind.GITHUB_ACTION) {
      return true;
    }
    Permissions jp = job.permissions();
    Permissions effective = jp.isUnset() ? p.permissions() : jp;
    return effective.grantsWrite("id-token");
  }

  private void commands(Pipeline p, Job job, Step step, Report report) {
    String shell = step.shell();
    if (!Shells.posix(shell) && !Shells.powershell(shell)) {
      return;
    }
    String script = step.run().value();
    if (!script.contains("publish") && !script.contains("upload") && !script.contains("push")) {
      return;
    }
    for (ShellScript.Command c : ShellScript.parse(script)) {
      List<String> words = unwrap(c);
      String registry = publishTarget(words);
      if (registry == null) {
        continue;
      }
      Pos pos = step.run().positionOfOffset(c.offset());
      YamlNode scope = step.node();
      report
          .fail(
              step.run().source(),
              pos,
              scope,
              "`"
                  + ScriptInjection.EvalSinks.abbreviate(c.text())
                  + "` in "
                  + (p.kind() == PipelineKind.GITLAB_CI
                      ? "job '" + job.id() + "'"
                      : "step " + step.label())
                  + " publishes to "
                  + registry
                  + " with a long-lived token, and the job cannot mint an OIDC token for trusted"
                  + " publishing.")
          .with("command", c.text())
          .with("registry", registry);
    }
  }

  /** The command's words without wrappers (sudo, env, bundle exec, python -m, pipx run...). */
  static List<String> unwrap(ShellScript.Command c) {
    List<String> w = new ArrayList<>();
    for (ShellScript.Word word : c.words()) {
      w.add(word.value());
    }
    int k = 0;
    while (k < w.size()) {
      String p = base(w.get(k));
      if (Set.of("sudo", "time", "exec", "command", "npx", "uvx").contains(p)) {
        k++;
      } else if (p.equals("env")) {
        k++;
        while (k < w.size() && (w.get(k).contains("=") || w.get(k).startsWith("-"))) {
          k++;
        }
      } else if ((p.equals("bundle")
              || p.equals("poetry")
              || p.equals("pipenv")
              || p.equals("uv")
              || p.equals("pipx")
              || p.equals("hatch") && k + 1 < w.size() && w.get(k + 1).equals("run"))
          && k + 1 < w.size()
          && (w.get(k + 1).equals("exec") || w.get(k + 1).equals("run"))) {
        k += 2;
      } else if (p.matches("python[0-9.]*") && k + 1 < w.size() && w.get(k + 1).equals("-m")) {
        k += 2;
      } else {
        break;
      }
    }
    List<String> out = new ArrayList<>(w.subList(Math.min(k, w.size()), w.size()));
    if (!out.isEmpty()) {
      String first = base(out.get(0));
      int eq = first.indexOf("==");
      int at = first.indexOf('@');
      if (eq > 0) {
        first = first.substring(0, eq);
      } else if (at > 0) {
        first = first.substring(0, at);
      }
      out.set(0, first);
    }
    return out;
  }

  private static String base(String program) {
    int slash = program.lastIndexOf('/');
    return (slash >= 0 ? program.substring(slash + 1) : program).toLowerCase(java.util.Locale.ROOT);
  }

  /** The registry a publishing command uploads to, or null when it is not one. */
  static String publishTarget(List<String> words) {
    if (words.isEmpty()) {
      return null;
    }
    Set<String> args = new HashSet<>(words.subList(1, words.size()));
    boolean dry = args.contains("--dry-run");
    return switch (words.get(0)) {
      case "cargo" -> args.contains("publish") && !dry && !args.contains("-n") ? "crates.io" : null;
      case "uv" -> args.contains("publish") && !dry ? "PyPI" : null;
      case "hatch", "pdm" -> args.contains("publish") ? "PyPI" : null;
      case "twine" -> args.contains("upload") ? "PyPI" : null;
      case "gem" -> args.contains("push") ? "RubyGems" : null;
      case "npm" -> args.contains("publish") && !dry ? "npm" : null;
      case "yarn" ->
          args.contains("npm") && args.contains("publish") && !dry && !args.contains("-n")
              ? "npm"
              : null;
      case "pnpm" -> args.contains("publish") && !dry ? "npm" : null;
      default -> null;
    };
  }
}
