package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.expr.Dataflow;
import dev.tenet.core.pipeline.expr.Expr;
import dev.tenet.core.pipeline.expr.ExprOccurrence;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/**
 * A job gets every secret instead of the ones it needs: {@code secrets: inherit} passes all of them
 * to a reusable workflow, and {@code toJSON(secrets)} or a computed {@code secrets[...]} index
 * makes the runner load them all into the job.
 */
final class SecretsInherited extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-SECRETS-001",
          "secrets-inherited",
          Severity.MEDIUM,
          "Job receives all secrets instead of those it needs",
          "The runner only hands a job the secrets it names; inheriting or serialising the whole"
              + " secrets context exposes every repository, organization and environment secret"
              + " to every step and action of that job.",
          List.of(
              "Pass reusable workflows only the secrets they declare: `secrets: { NPM_TOKEN: ${{"
                  + " secrets.NPM_TOKEN }} }` instead of `secrets: inherit`.",
              "Reference secrets by name (`secrets.NAME`); never `toJSON(secrets)` or a computed"
                  + " index."),
          List.of(
              "https://docs.github.com/en/actions/sharing-automations/reusing-workflows#passing-secrets-to-nested-workflows",
              "https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("secrets-inherit", "overprovisioned-secrets");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.kind().isGitHub();
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    java.util.Set<dev.tenet.core.pipeline.yaml.YamlNode> inJobs =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Job job : p.jobs()) {
      if (job.node() != null) {
        inJobs.addAll(p.scalarsUnder(job.node()));
      }
    }
    List<YamlScalar> outside = new java.util.ArrayList<>();
    for (YamlScalar s : p.scalarsUnder(p.root())) {
      if (!inJobs.contains(s)) {
        outside.add(s);
      }
    }
    scan(p, outside, null, "the workflow", report);
    for (Job job : p.jobs()) {
      if (job.secrets() instanceof YamlScalar s && s.value().strip().equals("inherit")) {
        report
            .fail(
                job.calls() != null ? job.calls().node() : s,
                job.node(),
                "Job "
                    + job.label()
                    + " passes `secrets: inherit` to "
                    + (job.calls() == null ? "the workflow it calls" : job.calls().raw())
                    + ", handing it every secret of the repository and organization.")
            .with("calls", job.calls() == null ? null : job.calls().raw());
      }
      if (job.node() != null) {
        scan(p, p.scalarsUnder(job.node()), job.node(), "job " + job.label(), report);
      }
    }
  }

  private static void scan(
      Pipeline p,
      List<YamlScalar> scalars,
      dev.tenet.core.pipeline.yaml.YamlNode scope,
      String where,
      Report report) {
    for (YamlScalar s : scalars) {
      if (!dev.tenet.core.pipeline.Nodes.mentions(s.value(), "secrets")) {
        continue;
      }
      for (ExprOccurrence o : p.expressions(s)) {
        if (o.parsed() == null) {
          continue;
        }
        String how = wholeSecrets(o.parsed());
        if (how != null) {
          report
              .fail(
                  s.source(),
                  s.positionOf("${{", o.ordinal()),
                  scope,
                  "`"
                      + o.raw()
                      + "` in "
                      + where
                      + " "
                      + how
                      + ", so the runner loads every secret into the job.")
              .with("expression", o.raw());
        }
      }
    }
  }

  /** How an expression reaches the whole secrets context, or null. */
  private static String wholeSecrets(Expr e) {
    switch (e) {
      case Expr.Call c -> {
        if (c.function().equals("tojson")
            && c.args().size() == 1
            && c.args().get(0) instanceof Expr.Identifier id
            && id.name().equals("secrets")) {
          return "serialises all secrets with toJSON(secrets)";
        }
        for (Expr a : c.args()) {
          String r = wholeSecrets(a);
          if (r != null) {
            return r;
          }
        }
        return null;
      }
      case Expr.Index ix -> {
        List<String> target = Dataflow.contextPath(ix.target());
        if (target != null
            && target.size() == 1
            && target.get(0).equals("secrets")
            && !(ix.index() instanceof Expr.Literal)) {
          return "picks a secret by a computed name (secrets[...])";
        }
        String r = wholeSecrets(ix.target());
        return r != null ? r : wholeSecrets(ix.index());
      }
      case Expr.Member m -> {
        return wholeSecrets(m.target());
      }
      case Expr.Not n -> {
        return wholeSecrets(n.operand());
      }
      case Expr.Binary b -> {
        String r = wholeSecrets(b.left());
        return r != null ? r : wholeSecrets(b.right());
      }
      default -> {
        return null;
      }
    }
  }
}
