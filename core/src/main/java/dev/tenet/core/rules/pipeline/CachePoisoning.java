package dev.tenet.core.rules.pipeline;

import static dev.tenet.core.rules.pipeline.Coordinate.Toggle.OPT_IN;
import static dev.tenet.core.rules.pipeline.Coordinate.Toggle.OPT_OUT;
import static dev.tenet.core.rules.pipeline.Coordinate.action;
import static dev.tenet.core.rules.pipeline.Coordinate.all;
import static dev.tenet.core.rules.pipeline.Coordinate.always;
import static dev.tenet.core.rules.pipeline.Coordinate.any;
import static dev.tenet.core.rules.pipeline.Coordinate.bool;
import static dev.tenet.core.rules.pipeline.Coordinate.oneOf;
import static dev.tenet.core.rules.pipeline.Coordinate.present;
import static dev.tenet.core.rules.pipeline.Coordinate.versionBelow;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.Trigger;
import dev.tenet.core.pipeline.expr.Dataflow;
import dev.tenet.core.pipeline.expr.Expr;
import dev.tenet.core.pipeline.expr.ExprOccurrence;
import dev.tenet.core.pipeline.expr.Expressions;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A workflow that publishes (release events, tag pushes, pushes to release branches, or a job with
 * a well-known publishing action) restores a build cache. GitHub's cache is shared with every
 * branch of the repository, including pull request runs: anyone who gets code to run in any
 * workflow can plant a poisoned cache entry that the release build then restores and ships.
 */
final class CachePoisoning extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-CACHE-001",
          "cache-poisoning",
          Severity.MEDIUM,
          "Release workflow restores a cache that other runs can write",
          "The Actions cache is scoped to the repository, not to the workflow: a pull request"
              + " run or any compromised job can save an entry under the key the release build"
              + " restores, and the release then ships the attacker's binaries or dependencies.",
          List.of(
              "Disable caching in workflows and jobs that build releases (e.g. `lookup-only:"
                  + " true`, `cache: false`, `enable-cache: false`).",
              "Build releases from a clean environment; keep caches for test workflows."),
          List.of(
              "https://adnanthekhan.com/2024/05/06/the-monsters-in-your-build-cache-github-actions-cache-poisoning/",
              "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/caching-dependencies-to-speed-up-workflows#restrictions-for-accessing-a-cache"));

  /** Actions that restore caches, and the input that controls it (after zizmor's list). */
  static final List<Coordinate.Action> CACHE_ACTIONS =
      List.of(
          action("actions/cache", bool(OPT_OUT, "lookup-only", true), "lookup-only"),
          action("actions/setup-java", present(OPT_IN, "cache", false), "cache"),
          action("actions/setup-go", bool(OPT_IN, "cache", true), "cache"),
          action(
              "actions/setup-node",
              any(
                  oneOf(OPT_IN, "cache", Set.of("npm", "yarn", "pnpm"), false),
                  bool(OPT_IN, "package-manager-cache", true)),
              "cache"),
          action("actions/setup-python", present(OPT_IN, "cache", false), "cache"),
          action("actions/setup-dotnet", bool(OPT_IN, "cache", false), "cache"),
          action(
              "astral-sh/setup-uv",
              any(
                  oneOf(OPT_IN, "enable-cache", Set.of("true"), false),
                  all(versionBelow(10), bool(OPT_IN, "enable-cache", true))),
              "enable-cache"),
          action("swatinem/rust-cache", bool(OPT_OUT, "lookup-only", true), "lookup-only"),
          action("ruby/setup-ruby", bool(OPT_IN, "bundler-cache", false), "bundler-cache"),
          action("pyo3/maturin-action", bool(OPT_IN, "sccache", false), "sccache"),
          action("mlugg/setup-zig", bool(OPT_IN, "use-cache", true), "use-cache"),
          action("oven-sh/setup-bun", bool(OPT_OUT, "no-cache", true), "no-cache"),
          action(
              "determinatesystems/magic-nix-cache-action",
              bool(OPT_IN, "use-gha-cache", true),
              "use-gha-cache"),
          action("graalvm/setup-graalvm", present(OPT_IN, "cache", false), "cache"),
          action(
              "gradle/actions/setup-gradle",
              bool(OPT_OUT, "cache-disabled", true),
              "cache-disabled"),
          action(
              "docker/setup-buildx-action",
              all(bool(OPT_IN, "cache-binary", true), present(OPT_IN, "version", false)),
              "cache-binary"),
          action("actions-rust-lang/setup-rust-toolchain", bool(OPT_IN, "cache", true), "cache"),
          action("mozilla-actions/sccache-action", always(), ""),
          action("nix-community/cache-nix-action", always(), ""),
          action("jdx/mise-action", bool(OPT_IN, "cache", true), "cache"),
          action(
              "ramsey/composer-install",
              oneOf(OPT_OUT, "ignore-cache", Set.of("yes", "true", "1"), true),
              "ignore-cache"),
          action("awalsh128/cache-apt-pkgs-action", always(), ""));

  /** Actions that publish what the job built (after zizmor's list). */
  static final List<Coordinate.Action> PUBLISHERS =
      List.of(
          action("pypa/gh-action-pypi-publish", always(), ""),
          action("rubygems/release-gem", always(), ""),
          action("jreleaser/release-action", always(), ""),
          action("goreleaser/goreleaser-action", always(), ""),
          action("softprops/action-gh-release", always(), ""),
          action("release-drafter/release-drafter", always(), ""),
          action("googleapis/release-please-action", always(), ""),
          action("docker/build-push-action", bool(OPT_IN, "push", true), "push"),
          action("redhat-actions/push-to-registry", always(), ""),
          action("aws-actions/amazon-ecs-deploy-task-definition", always(), ""),
          action("aws-actions/aws-cloudformation-github-deploy", always(), ""),
          action("azure/aci-deploy", always(), ""),
          action("azure/container-apps-deploy-action", always(), ""),
          action("azure/functions-action", always(), ""),
          action("azure/sql-action", always(), ""),
          action("cloudflare/wrangler-action", always(), ""),
          action("google-github-actions/deploy-appengine", always(), ""),
          action("google-github-actions/deploy-cloudrun", always(), ""),
          action("google-github-actions/deploy-cloud-functions", always(), ""));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("cache-poisoning");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.kind() == PipelineKind.GITHUB_WORKFLOW;
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    List<String> releaseTriggers = releaseTriggers(p);
    for (Job job : p.jobs()) {
      if (job.isReusableCall()) {
        continue;
      }
      Step publisher = null;
      if (releaseTriggers.isEmpty()) {
        for (Step s : job.steps()) {
          if (PUBLISHERS.stream().anyMatch(a -> a.usage(s).used())) {
            publisher = s;
            break;
          }
        }
        if (publisher == null) {
          continue;
        }
      }
      for (Step s : job.steps()) {
        for (Coordinate.Action a : CACHE_ACTIONS) {
          Coordinate.Usage u = a.usage(s);
          if (!u.used()) {
            continue;
          }
          if (u == Coordinate.Usage.CONDITIONAL && publisher == null) {
            Boolean onForTags = tagPushValue(p, s, a, releaseTriggers);
            if (Boolean.FALSE.equals(onForTags)) {
              continue;
            }
            if (Boolean.TRUE.equals(onForTags)) {
              u = Coordinate.Usage.ON;
            }
          }
          String why =
              publisher != null
                  ? "job "
                      + job.label()
                      + " publishes with "
                      + publisher.uses().raw()
                      + " (line "
                      + publisher.node().start().line()
                      + ")"
                  : "the workflow runs on " + String.join(", ", releaseTriggers);
          String how =
              switch (u) {
                case DEFAULT -> "caches by default";
                case ON -> a.input().isEmpty() ? "always caches" : "has caching switched on";
                default -> "may cache (" + a.input() + " is decided at run time)";
              };
          report
              .fail(
                  s.uses().node(),
                  s.node(),
                  "Step "
                      + s.label()
                      + " ("
                      + s.uses().raw()
                      + ") "
                      + how
                      + ", and "
                      + why
                      + ", so a cache entry planted by another run can end up in what it publishes.")
              .severity(u == Coordinate.Usage.CONDITIONAL ? Severity.LOW : Severity.MEDIUM)
              .with("action", s.uses().slug())
              .with(
                  "publishing",
                  publisher != null ? "publisher step" : String.join(", ", releaseTriggers));
          break;
        }
      }
    }
  }

  /** release, a tag push, a push to a release branch. */
  private static List<String> releaseTriggers(Pipeline p) {
    List<String> out = new ArrayList<>();
    for (Trigger t : p.triggers()) {
      if (t.event().equals("release")) {
        out.add("release");
      } else if (t.event().equals("push")) {
        if (t.hasFilter("tags")) {
          out.add("tag pushes");
        }
        if (t.filter("branches").stream()
            .anyMatch(b -> b.toLowerCase(Locale.ROOT).contains("release"))) {
          out.add("pushes to release branches");
        }
      }
    }
    return out;
  }

  /**
   * When a release workflow runs only for tags and releases, a cache switch written as {@code
   * startsWith(github.ref, 'refs/tags/')} or {@code github.event_name == 'push' && github.ref_type
   * == 'tag'} (or their negation) has a known value: true, false, or null when Tenet cannot tell.
   */
  private static Boolean tagPushValue(
      Pipeline p, Step s, Coordinate.Action a, List<String> releaseTriggers) {
    if (releaseTriggers.isEmpty()
        || releaseTriggers.contains("pushes to release branches")
        || a.input().isEmpty()) {
      return null;
    }
    YamlNode n = s.with().get(a.input());
    if (!(n instanceof YamlScalar v) || !Expressions.isWholly(v.value())) {
      return null;
    }
    List<ExprOccurrence> os = p.expressions(v);
    if (os.size() != 1 || os.get(0).parsed() == null) {
      return null;
    }
    Boolean value = evalForTagPush(os.get(0).parsed());
    if (value == null) {
      return null;
    }
    boolean optOut =
        a.input().equals("lookup-only")
            || a.input().equals("no-cache")
            || a.input().equals("cache-disabled")
            || a.input().equals("ignore-cache");
    return optOut ? !value : value;
  }

  private static Boolean evalForTagPush(Expr e) {
    switch (e) {
      case Expr.Literal l -> {
        return l.value() instanceof Boolean b ? b : null;
      }
      case Expr.Not n -> {
        Boolean inner = evalForTagPush(n.operand());
        return inner == null ? null : !inner;
      }
      case Expr.Call c -> {
        if (c.function().equals("startswith") && c.args().size() == 2) {
          List<String> ctx = Dataflow.contextPath(c.args().get(0));
          if (ctx != null
              && String.join(".", ctx).equals("github.ref")
              && c.args().get(1) instanceof Expr.Literal l
              && l.value() instanceof String prefix
              && prefix.equalsIgnoreCase("refs/tags/")) {
            return true;
          }
        }
        return null;
      }
      case Expr.Binary b -> {
        if (b.op().equals("&&") && isTagPushGuard(b.left(), b.right())) {
          return true;
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean isTagPushGuard(Expr a, Expr b) {
    return (eq(a, "github.event_name", "push") && eq(b, "github.ref_type", "tag"))
        || (eq(b, "github.event_name", "push") && eq(a, "github.ref_type", "tag"));
  }

  private static boolean eq(Expr e, String context, String literal) {
    if (!(e instanceof Expr.Binary b) || !b.op().equals("==")) {
      return false;
    }
    return (isContext(b.left(), context) && isLiteral(b.right(), literal))
        || (isContext(b.right(), context) && isLiteral(b.left(), literal));
  }

  private static boolean isContext(Expr e, String dotted) {
    List<String> p = Dataflow.contextPath(e);
    return p != null && String.join(".", p).equals(dotted);
  }

  private static boolean isLiteral(Expr e, String value) {
    return e instanceof Expr.Literal l
        && l.value() instanceof String s
        && s.equalsIgnoreCase(value);
  }
}
