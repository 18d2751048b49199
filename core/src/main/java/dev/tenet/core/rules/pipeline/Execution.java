package dev.tenet.core.rules.pipeline;

import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.shell.ShellScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises steps that run code from the working tree: build tools and package managers (whose
 * scripts, build files and hooks come from the checkout), local scripts and local actions, and
 * linters or builders known to execute configuration. Commands are read as commands: {@code echo
 * "npm install"} prints text, it does not install.
 */
final class Execution {
  private Execution() {}

  /** Actions that build or lint the checked-out code and so run it (from poutine's list). */
  static final Set<String> BUILD_ACTIONS =
      Set.of(
          "ruby/setup-ruby",
          "actions-rs/cargo",
          "bridgecrewio/checkov-action",
          "docker/build-push-action",
          "reviewdog/action-eslint",
          "stefanoeb/eslint-action",
          "tj-actions/eslint-changed-files",
          "sibiraj-s/action-eslint",
          "tinovyatkin/action-eslint",
          "bradennapier/eslint-plus-action",
          "catchen/eslint-suggestion-action",
          "icrawl/action-eslint",
          "ninosaurus/eslint-check",
          "golangci/golangci-lint-action",
          "goreleaser/goreleaser-action",
          "gradle/gradle-build-action",
          "gradle/actions/setup-gradle",
          "qcastel/github-actions-maven-release",
          "samuelmeuli/action-maven-publish",
          "lucafeger/action-maven-cli",
          "oxsecurity/megalinter",
          "mhausenblas/mkdocs-deploy-gh-pages",
          "athackst/mkdocs-simple-plugin",
          "mvs-telecom/publish-nuget",
          "ricardochaves/python-lint",
          "jpetrucciani/mypy-check",
          "sunnysid3up/python-linter",
          "tsuyoshicho/action-mypy",
          "js-devtools/npm-publish",
          "php-actions/phpstan",
          "brettcannon/pip-secure-install",
          "bsfishy/pip-action",
          "dbt-checkpoint/dbt-checkpoint",
          "pre-commit/action",
          "pre-commit-ci/lite-action",
          "browniebroke/pre-commit-autoupdate-action",
          "cloudposse/github-action-pre-commit",
          "hynek/build-and-inspect-python-package",
          "magefile/mage-action",
          "reviewdog/action-rubocop",
          "andrewmcodes-archive/rubocop-linter-action",
          "gimenete/rubocop-action",
          "r7kamura/rubocop-todo-corrector",
          "sonarsource/sonarqube-scan-action",
          "actions-hub/stylelint",
          "op5dev/tf-via-pr",
          "dflook/terraform-plan",
          "dflook/terraform-apply",
          "reviewdog/action-tflint",
          "devops-infra/action-tflint",
          "dflook/tofu-plan",
          "dflook/tofu-apply",
          "gaurav-nelson/github-action-vale-lint",
          "errata-ai/vale-action");

  /** Programs whose (sub)commands run code from the working tree; null means any subcommand. */
  private static final Map<String, Set<String>> TOOLS =
      Map.ofEntries(
          Map.entry(
              "npm",
              Set.of(
                  "install",
                  "i",
                  "in",
                  "ins",
                  "inst",
                  "insta",
                  "instal",
                  "isnt",
                  "isnta",
                  "isntal",
                  "isntall",
                  "add",
                  "ci",
                  "run",
                  "run-script",
                  "rum",
                  "urn",
                  "test",
                  "t",
                  "tst",
                  "start",
                  "stop",
                  "restart",
                  "exec",
                  "x",
                  "rebuild",
                  "rb",
                  "version",
                  "pack",
                  "publish",
                  "diff",
                  "install-test",
                  "it",
                  "cit")),
          Map.entry("yarn", Set.of()),
          Map.entry("pnpm", Set.of()),
          Map.entry("bun", Set.of("install", "i", "run", "test", "x", "build")),
          Map.entry("npx", Set.of()),
          Map.entry("make", Set.of()),
          Map.entry("gmake", Set.of()),
          Map.entry("cmake", Set.of()),
          Map.entry("mvn", Set.of()),
          Map.entry("gradle", Set.of()),
          Map.entry("ant", Set.of()),
          Map.entry("sbt", Set.of()),
          Map.entry("bazel", Set.of()),
          Map.entry("bazelisk", Set.of()),
          Map.entry("go", Set.of("generate", "test", "run")),
          Map.entry(
              "cargo",
              Set.of(
                  "build", "b", "run", "r", "test", "t", "bench", "check", "c", "clippy", "doc")),
          Map.entry("pip", Set.of("install", "wheel", "download")),
          Map.entry("pip3", Set.of("install", "wheel", "download")),
          Map.entry("pipenv", Set.of("install", "run", "sync")),
          Map.entry("poetry", Set.of("install", "run", "build")),
          Map.entry("uv", Set.of("sync", "run", "build", "pip")),
          Map.entry("tox", Set.of()),
          Map.entry("nox", Set.of()),
          Map.entry("pytest", Set.of()),
          Map.entry("bundle", Set.of("install", "exec")),
          Map.entry("rake", Set.of()),
          Map.entry("rails", Set.of()),
          Map.entry("composer", Set.of("install", "update", "run-script", "run", "exec")),
          Map.entry("dotnet", Set.of("build", "test", "run", "pack", "publish", "msbuild")),
          Map.entry("msbuild", Set.of()),
          Map.entry("terraform", Set.of("plan", "apply")),
          Map.entry("tofu", Set.of("plan", "apply")),
          Map.entry("terragrunt", Set.of()),
          Map.entry("pre-commit", Set.of("run", "install")),
          Map.entry("docker", Set.of("build", "buildx")),
          Map.entry("podman", Set.of("build")),
          Map.entry("buildah", Set.of("bud", "build")),
          Map.entry("checkov", Set.of()),
          Map.entry("eslint", Set.of()),
          Map.entry("tflint", Set.of()),
          Map.entry("mypy", Set.of()),
          Map.entry("rubocop", Set.of()),
          Map.entry("stylelint", Set.of()),
          Map.entry("phpstan", Set.of()),
          Map.entry("vale", Set.of()),
          Map.entry("mkdocs", Set.of("build", "serve", "gh-deploy")),
          Map.entry("sonar-scanner", Set.of()),
          Map.entry("webpack", Set.of()),
          Map.entry("gomplate", Set.of()),
          Map.entry("goreleaser", Set.of("build", "release")),
          Map.entry("jest", Set.of()),
          Map.entry("mocha", Set.of()),
          Map.entry("vitest", Set.of()),
          Map.entry("lerna", Set.of()),
          Map.entry("nx", Set.of()),
          Map.entry("turbo", Set.of()));

  private static final Set<String> INTERPRETERS =
      Set.of(
          "bash",
          "sh",
          "zsh",
          "dash",
          "source",
          ".",
          "python",
          "python3",
          "node",
          "ruby",
          "perl",
          "php",
          "pwsh",
          "powershell",
          "deno",
          "tsx",
          "ts-node");

  private static final Pattern CHMOD_EXEC =
      Pattern.compile("^(?:.*\\+x.*|[0-7]?[0-7][0-7][1357])$");

  /** What a run step executes from the working tree, as command texts; empty when nothing. */
  static List<String> commands(Step step) {
    List<String> out = new ArrayList<>();
    if (step.run() == null) {
      return out;
    }
    for (ShellScript.Command c : ShellScript.parse(step.run().value())) {
      List<String> words = unwrap(c);
      if (words.isEmpty()) {
        continue;
      }
      if (runsWorkingTree(words)) {
        out.add(c.text());
      }
    }
    return out;
  }

  /** True when a {@code uses:} step runs code from the checkout (a local or build action). */
  static boolean runsWorkingTree(dev.tenet.core.pipeline.Uses uses) {
    if (uses == null) {
      return false;
    }
    if (uses.kind() == dev.tenet.core.pipeline.Uses.Kind.LOCAL) {
      return true;
    }
    return BUILD_ACTIONS.contains(uses.slug()) || BUILD_ACTIONS.contains(uses.repository());
  }

  /** The command without wrappers such as sudo, env, time, xargs. */
  private static List<String> unwrap(ShellScript.Command c) {
    List<String> w = new ArrayList<>();
    for (ShellScript.Word word : c.words()) {
      w.add(word.value());
    }
    int k = 0;
    while (k < w.size()) {
      String p = base(w.get(k));
      if (p.equals("sudo")
          || p.equals("time")
          || p.equals("nohup")
          || p.equals("exec")
          || p.equals("command")
          || p.equals("xvfb-run")) {
        k++;
        while (k < w.size() && w.get(k).startsWith("-")) {
          k++;
        }
      } else if (p.equals("env")) {
        k++;
        while (k < w.size() && (w.get(k).contains("=") || w.get(k).startsWith("-"))) {
          k++;
        }
      } else {
        break;
      }
    }
    return w.subList(Math.min(k, w.size()), w.size());
  }

  private static String base(String program) {
    int slash = program.lastIndexOf('/');
    return (slash >= 0 ? program.substring(slash + 1) : program).toLowerCase(Locale.ROOT);
  }

  private static boolean runsWorkingTree(List<String> words) {
    String program = words.get(0);
    String name = base(program);
    List<String> args = words.subList(1, words.size());
    if (isLocalPath(program)) {
      return true;
    }
    if (name.equals("chmod")) {
      return args.stream().anyMatch(a -> CHMOD_EXEC.matcher(a).matches());
    }
    if (name.equals("tar")) {
      return args.stream().anyMatch(a -> a.startsWith("-") && a.contains("P") && a.contains("x"));
    }
    if (INTERPRETERS.contains(name)) {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.equals("-c") || a.equals("-e") || a.equals("--eval") || a.equals("-")) {
          return false;
        }
        if (a.equals("-m") && i + 1 < args.size()) {
          return runsWorkingTree(args.subList(i + 1, args.size()));
        }
        if (a.startsWith("-")) {
          continue;
        }
        return isScriptFile(a);
      }
      return false;
    }
    if (name.matches("python\\d(\\.\\d+)?")) {
      return runsWorkingTree(prepend("python", args));
    }
    Set<String> subcommands = TOOLS.get(name);
    if (subcommands == null) {
      return false;
    }
    if (subcommands.isEmpty()) {
      return args.stream()
          .noneMatch(a -> a.equals("--version") || a.equals("-v") || a.equals("--help"));
    }
    for (String a : args) {
      if (a.startsWith("-")) {
        continue;
      }
      return subcommands.contains(a.toLowerCase(Locale.ROOT));
    }
    return false;
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> l = new ArrayList<>();
    l.add(first);
    l.addAll(rest);
    return l;
  }

  /** ./x, ../x, scripts/x.sh: a program from the working tree (not /usr/bin/x, not a URL). */
  private static boolean isLocalPath(String program) {
    if (program.startsWith("./") || program.startsWith("../")) {
      return !program.equals("./");
    }
    if (program.startsWith("/")
        || program.startsWith("~")
        || program.startsWith("$")
        || program.contains("://")) {
      return false;
    }
    return program.contains("/") && !program.endsWith("/");
  }

  private static boolean isScriptFile(String arg) {
    if (arg.contains("://") || arg.startsWith("$") || arg.startsWith("<(") || arg.startsWith("/")) {
      return false;
    }
    return arg.startsWith("./")
        || arg.startsWith("../")
        || arg.contains("/")
        || arg.matches(".*\\.(sh|bash|py|js|mjs|cjs|ts|rb|pl|php|ps1)$");
  }
}
