package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Container;
import dev.tenet.core.pipeline.ImageRef;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.Uses;
import dev.tenet.core.pipeline.expr.ContextRef;
import dev.tenet.core.pipeline.expr.Expr;
import dev.tenet.core.pipeline.expr.ExprOccurrence;
import dev.tenet.core.pipeline.expr.Expressions;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image taken by no tag or by {@code latest} (job containers, services, Docker steps
 * and actions, GitLab {@code image:} and {@code services:}): the job runs whatever the registry
 * serves that day. Matrix values are expanded; an image Tenet cannot resolve (computed from inputs
 * or outputs) is reported at low severity.
 */
final class ImageUnpinned extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-IMAGE-001",
          "image-mutable-reference",
          Severity.LOW,
          "Container image used without a tag or digest",
          "An image without a tag is `latest`, which changes whenever anyone with push rights to"
              + " that repository pushes; the pipeline then runs new code with its secrets, and"
              + " builds stop being reproducible.",
          List.of(
              "Reference images by digest: `image: python:3.13@sha256:<digest>`.",
              "At least use a specific version tag, and let Dependabot or Renovate update it."),
          List.of(
              "https://docs.docker.com/engine/reference/commandline/pull/#pull-an-image-by-digest-immutable-identifier",
              "https://docs.gitlab.com/ee/ci/yaml/#image"));

  private static final Pattern GITLAB_VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("unpinned-images");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return true;
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    if (p.actionImage() != null && p.actionImage().value().startsWith("docker://")) {
      judge(p, null, p.actionImage(), "The action's image", report);
    }
    for (Job job : p.jobs()) {
      List<Container> containers = new ArrayList<>();
      if (job.container() != null) {
        containers.add(job.container());
      }
      containers.addAll(job.services());
      for (Container c : containers) {
        if (c.image() != null) {
          String who =
              c.name().isEmpty() || c.name().equals("service")
                  ? (c.name().isEmpty() ? "The container" : "A service")
                      + " of job '"
                      + job.id()
                      + "'"
                  : "Service '" + c.name() + "' of job '" + job.id() + "'";
          judge(p, job, c.image(), who, report);
        }
      }
      for (Step step : job.steps()) {
        if (step.uses() != null && step.uses().kind() == Uses.Kind.DOCKER) {
          judge(p, job, step.uses().node(), "Step " + step.label(), report);
        }
      }
    }
  }

  private void judge(Pipeline p, Job job, YamlScalar image, String who, Report report) {
    String text = image.value().strip();
    if (text.isEmpty()) {
      return;
    }
    if (p.kind() == PipelineKind.GITLAB_CI && text.contains("$")) {
      text = expandGitLab(text, job);
      if (text == null) {
        return;
      }
    }
    if (!Expressions.contains(text)) {
      flagIfFloating(ImageRef.parse(text, image), image, who, report, "");
      return;
    }
    List<ExprOccurrence> all = p.expressions(image);
    boolean whole = Expressions.isWholly(text);
    for (ExprOccurrence o : all) {
      if (o.parsed() == null) {
        continue;
      }
      for (Expr leaf : leaves(o.parsed())) {
        if (leaf instanceof Expr.Literal lit && lit.value() instanceof String s) {
          if (!s.isEmpty() && whole) {
            flagIfFloating(ImageRef.parse(s, image), image, who, report, "");
          }
          continue;
        }
        List<String> path = dev.tenet.core.pipeline.expr.Dataflow.contextPath(leaf);
        if (path != null && path.get(0).equals("matrix") && job != null) {
          ContextRef ref = new ContextRef(path, false);
          for (YamlNode v : job.matrix().valuesOf(ref.segment(1))) {
            if (v instanceof YamlScalar s && !s.value().isBlank()) {
              if (Expressions.contains(s.value())) {
                opaque(image, who, report, "matrix value " + s.value());
              } else {
                flagIfFloating(
                    ImageRef.parse(s.value(), s),
                    image,
                    who,
                    report,
                    " (matrix value at line " + s.start().line() + ")");
              }
            }
          }
          if (job.matrix().dynamic() && job.matrix().valuesOf(ref.segment(1)).isEmpty()) {
            opaque(image, who, report, o.raw());
          }
        } else if (path != null && (path.get(0).equals("secrets") || path.get(0).equals("vars"))) {
          continue;
        } else {
          opaque(image, who, report, o.raw());
        }
      }
    }
  }

  private static List<Expr> leaves(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.Binary b && (b.op().equals("||") || b.op().equals("&&"))) {
      if (b.op().equals("&&")) {
        out.addAll(leaves(b.right()));
      } else {
        out.addAll(leaves(b.left()));
        out.addAll(leaves(b.right()));
      }
      return out;
    }
    out.add(e);
    return out;
  }

  private static void flagIfFloating(
      ImageRef ref, YamlScalar at, String who, Report report, String note) {
    if (!ref.floating() || ref.name().isEmpty()) {
      return;
    }
    report
        .fail(
            at,
            at,
            who
                + " uses the image `"
                + ref.raw()
                + "`"
                + note
                + (ref.tag().isEmpty() ? ", with no tag (so latest)" : "")
                + ": it runs whatever the registry serves at the time.")
        .with("image", ref.raw());
  }

  private static void opaque(YamlScalar at, String who, Report report, String from) {
    report
        .fail(
            at,
            at,
            who
                + " takes its image from `"
                + from
                + "`, which Tenet cannot resolve: it may be unpinned.")
        .with("image", at.value());
  }

  /** A GitLab image with variables replaced by their values, or null when unknown. */
  private static String expandGitLab(String text, Job job) {
    Matcher m = GITLAB_VAR.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      var v = job == null ? null : job.env().vars().get(m.group(1));
      String value = v == null || v.value() == null ? null : v.value().value();
      if (value == null || value.contains("$")) {
        if (m.end() < text.length()) {
          // an unknown registry or prefix: the tag after it still tells
          m.appendReplacement(sb, "unknown");
          continue;
        }
        return null;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
