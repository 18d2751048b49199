package dev.tenet.core.rules.pipeline;

import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Permissions;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GITHUB_TOKEN gets more than the workflow needs: no {@code permissions:} at all (the
 * repository's default, write for many organizations), {@code write-all} or {@code read-all}, or
 * write scopes granted to every job of a multi-job workflow (including {@code id-token: write},
 * which lets every job mint cloud credentials) instead of to the one job that needs them.
 */
final class ExcessivePermissions extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-PERM-001",
          "workflow-excessive-permissions",
          Severity.MEDIUM,
          "Workflow token has more permissions than the jobs need",
          "Every step, action and compromised dependency in a job can use the job's"
              + " GITHUB_TOKEN; broad or default permissions turn one poisoned step into pushed"
              + " code, tampered releases or minted cloud credentials.",
          List.of(
              "Add `permissions: {}` (or `contents: read`) at the top of the workflow.",
              "Grant write scopes, and `id-token: write`, only in the jobs that need them.",
              "Set the organization's and repository's default workflow permissions to read."),
          List.of(
              "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token",
              "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect"));

  /** How much a write scope matters (from zizmor's mapping, reviewed). */
  private static final Map<String, Severity> WRITE_SEVERITY =
      Map.ofEntries(
          Map.entry("actions", Severity.HIGH),
          Map.entry("attestations", Severity.HIGH),
          Map.entry("checks", Severity.MEDIUM),
          Map.entry("contents", Severity.HIGH),
          Map.entry("deployments", Severity.HIGH),
          Map.entry("discussions", Severity.MEDIUM),
          Map.entry("id-token", Severity.HIGH),
          Map.entry("issues", Severity.HIGH),
          Map.entry("packages", Severity.HIGH),
          Map.entry("pages", Severity.HIGH),
          Map.entry("pull-requests", Severity.HIGH),
          Map.entry("repository-projects", Severity.MEDIUM),
          Map.entry("security-events", Severity.MEDIUM),
          Map.entry("statuses", Severity.LOW));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("excessive-permissions");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.kind() == PipelineKind.GITHUB_WORKFLOW;
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    Optional<String> repoDefault = repositoryDefault(context, p);
    boolean defaultIsRead = repoDefault.map(d -> d.equals("read")).orElse(false);
    boolean allJobsExplicit = p.jobs().stream().noneMatch(j -> j.permissions().isUnset());
    // A workflow-level block matters when several jobs inherit it; reusable workflows get
    // their permissions from the caller.
    boolean workflowLevelMatters = p.jobs().size() > 1 && !allJobsExplicit && !p.reusableOnly();
    Permissions wf = p.permissions();
    boolean privileged = Triggers.privileged(p);
    if (workflowLevelMatters) {
      switch (wf.base()) {
        case UNSET -> {
          if (!defaultIsRead) {
            report
                .fail(
                    p.root(),
                    p.root(),
                    "The workflow sets no `permissions:`, so its "
                        + p.jobs().size()
                        + " jobs get the repository's default token"
                        + defaultText(repoDefault)
                        + ".")
                .severity(privileged ? Severity.HIGH : Severity.MEDIUM)
                .with("repositoryDefault", repoDefault.orElse(null));
          }
        }
        case WRITE_ALL ->
            report
                .fail(
                    wf.node(),
                    wf.node(),
                    "The workflow grants `permissions: write-all` to all its "
                        + p.jobs().size()
                        + " jobs: every step can push code, publish packages and change releases.")
                .severity(Severity.HIGH);
        case READ_ALL ->
            report.fail(
                wf.node(),
                wf.node(),
                "The workflow grants `permissions: read-all` to all"
                    + " its jobs, including scopes none of them needs.");
        case EXPLICIT -> {
          for (Permissions.Scope s : wf.writeScopes()) {
            report
                .fail(
                    s.key(),
                    s.key(),
                    "`"
                        + s.name()
                        + ": write` is granted at the workflow level, so all "
                        + p.jobs().size()
                        + " jobs get it"
                        + (s.name().equals("id-token")
                            ? " and can mint OIDC tokens for cloud logins"
                            : "")
                        + "; grant it only in the job that needs it.")
                .severity(WRITE_SEVERITY.getOrDefault(s.name(), Severity.MEDIUM))
                .with("scope", s.name());
          }
        }
        default -> {
          // an expression: not judged
        }
      }
    }
    for (Job job : p.jobs()) {
      boolean jobMatters = job.isReusableCall() || !p.reusableOnly();
      if (!jobMatters) {
        continue;
      }
      Permissions jp = job.permissions();
      switch (jp.base()) {
        case UNSET -> {
          if (wf.isUnset() && !defaultIsRead) {
            report
                .fail(
                    job.key(),
                    job.node(),
                    "Job "
                        + job.label()
                        + " sets no `permissions:` and neither does the workflow, so it gets the"
                        + " repository's default token"
                        + defaultText(repoDefault)
                        + (job.isReusableCall() ? ", and passes it to the workflow it calls" : "")
                        + ".")
                .severity(privileged ? Severity.HIGH : Severity.MEDIUM)
                .with("repositoryDefault", repoDefault.orElse(null));
          }
        }
        case WRITE_ALL ->
            report
                .fail(
                    jp.node(),
                    job.node(),
                    "Job "
                        + job.label()
                        + " grants `permissions: write-all`: every step can push code, publish"
                        + " packages and change releases.")
                .severity(Severity.HIGH);
        case READ_ALL ->
            report.fail(
                jp.node(),
                job.node(),
                "Job "
                    + job.label()
                    + " grants `permissions: read-all`, including scopes it does not need.");
        default -> {
          // explicit scopes at job level are the recommended form
        }
      }
    }
  }

  private static String defaultText(Optional<String> repoDefault) {
    return repoDefault
        .map(d -> " (" + d + ")")
        .orElse(
            ", which is write to contents, packages and more unless the repository or"
                + " organization restricts it to read");
  }

  /** The repository's default token permissions (read or write), when the connector read them. */
  private static Optional<String> repositoryDefault(RuleContext context, Pipeline p) {
    Optional<Entity> repo = context.graph().find(p.resource());
    return repo.flatMap(r -> r.text(dev.tenet.core.graph.Attr.WORKFLOW_TOKEN_DEFAULT));
  }
}
