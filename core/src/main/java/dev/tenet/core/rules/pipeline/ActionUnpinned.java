package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.Uses;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A third-party action or reusable workflow referenced by a tag or branch instead of a full commit
 * SHA: whoever controls that repository (or steals its maintainer's token) can move the tag and run
 * new code in every workflow that uses it, as happened with tj-actions/changed-files. Owners listed
 * as trusted in the settings (first-party policy) may be referenced by tag.
 */
final class ActionUnpinned extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-PIN-001",
          "action-unpinned",
          Severity.MEDIUM,
          "Action or reusable workflow not pinned to a commit SHA",
          "Tags and branches are mutable: a compromised or malicious action maintainer can"
              + " repoint them, and the next run executes the new code with this workflow's token"
              + " and secrets.",
          List.of(
              "Pin each third-party action and reusable workflow to the full 40-character commit"
                  + " SHA of a reviewed release, with the version in a comment:"
                  + " `uses: actions/checkout@<sha> # v4.2.2`.",
              "Let Dependabot or Renovate propose updates to the pinned SHAs.",
              "For owners you trust as first party, list them in Tenet's trusted action owners."),
          List.of(
              "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions",
              "https://github.com/advisories/GHSA-mrrh-fwg8-r2c3"));

  private static final Set<String> BRANCH_LIKE =
      Set.of("main", "master", "develop", "dev", "trunk", "latest", "stable", "head");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("unpinned-uses");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.kind().isGitHub();
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    Set<String> trusted =
        Set.copyOf(
            context.settings().trustedActionOwners().stream()
                .map(o -> o.toLowerCase(Locale.ROOT))
                .toList());
    for (Job job : p.jobs()) {
      if (job.calls() != null) {
        flag(job.calls(), job.node(), "job " + job.label() + " calls", trusted, report);
      }
      for (Step step : job.steps()) {
        if (step.uses() != null) {
          flag(step.uses(), step.node(), "step " + step.label() + " uses", trusted, report);
        }
      }
    }
  }

  private static void flag(
      Uses uses,
      dev.tenet.core.pipeline.yaml.YamlNode scope,
      String who,
      Set<String> trusted,
      Report report) {
    if (uses.kind() == Uses.Kind.DOCKER) {
      dev.tenet.core.pipeline.ImageRef image =
          dev.tenet.core.pipeline.ImageRef.parse(uses.raw(), uses.node());
      if (image.tag().isEmpty() && !image.pinnedByDigest() && !uses.raw().contains("${{")) {
        report
            .fail(
                uses.node(),
                scope,
                capitalize(who)
                    + " `"
                    + uses.raw()
                    + "`, a Docker image with neither a tag nor a digest: whatever the registry"
                    + " serves as latest runs.")
            .with("uses", uses.raw());
      }
      return;
    }
    if (uses.kind() != Uses.Kind.REPOSITORY
        || uses.pinnedToSha()
        || !uses.owner().matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
      return;
    }
    if (uses.raw().contains("${{")) {
      return;
    }
    if (trusted.contains(uses.owner().toLowerCase(Locale.ROOT))) {
      return;
    }
    String ref = uses.ref();
    boolean branch =
        ref.isEmpty()
            || BRANCH_LIKE.contains(ref.toLowerCase(Locale.ROOT))
            || ref.startsWith("release/")
            || ref.startsWith("releases/")
            || ref.startsWith("feature/");
    report
        .fail(
            uses.node(),
            scope,
            capitalize(who)
                + " `"
                + uses.raw()
                + "`, "
                + (ref.isEmpty()
                    ? "with no ref at all (the default branch)"
                    : branch
                        ? "pinned to the branch '" + ref + "'"
                        : "pinned to the tag '" + ref + "'")
                + ", which its owner can move to new code at any time.")
        .severity(branch ? Severity.HIGH : Severity.MEDIUM)
        .with("uses", uses.raw())
        .with("ref", ref.isEmpty() ? null : ref);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
