package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Include;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A GitLab configuration includes configuration it does not control by content: a remote URL
 * without an integrity hash, another project's file at a branch or tag (or its default branch), or
 * a CI/CD component at {@code ~latest} or a version tag. Whoever can change that file changes this
 * pipeline, with its variables and deploy rights. GitLab's own templates and local files are not
 * reported.
 */
final class RemoteInclude extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-INCLUDE-001",
          "remote-include-unpinned",
          Severity.HIGH,
          "Pipeline includes configuration by a mutable reference",
          "Included configuration runs with this project's CI/CD variables and deploy rights;"
              + " if it is fetched by a URL or a moving ref, whoever controls that source controls"
              + " this pipeline.",
          List.of(
              "Include other projects' files at a full commit SHA (`ref: <sha>`), and components"
                  + " at a SHA (`component: .../name@<sha>`).",
              "Give remote includes an `integrity: sha256-...` hash, or copy the file into the"
                  + " repository and include it locally."),
          List.of(
              "https://docs.gitlab.com/ee/ci/yaml/includes.html#security-considerations",
              "https://docs.gitlab.com/ee/ci/yaml/#includeintegrity"));

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.kind() == PipelineKind.GITLAB_CI;
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    for (Include i : p.includes()) {
      switch (i.kind()) {
        case "remote" -> {
          if (i.integrity().startsWith("sha256-")) {
            continue;
          }
          report
              .fail(
                  i.at(),
                  i.node(),
                  "The pipeline includes `"
                      + i.location()
                      + "` from a remote URL without an integrity hash: whoever controls that server"
                      + " controls this pipeline.")
              .with("include", i.location());
        }
        case "project" -> {
          if (SHA.matcher(i.ref()).matches()) {
            continue;
          }
          report
              .fail(
                  i.at(),
                  i.node(),
                  "The pipeline includes "
                      + (i.files().isEmpty() ? "a file" : String.join(", ", i.files()))
                      + " from project "
                      + i.location()
                      + (i.ref().isEmpty()
                          ? " at its default branch"
                          : " at '" + i.ref() + "', a branch or tag")
                      + ": anyone who can push there changes this pipeline.")
              .severity(
                  i.ref().isEmpty() || !i.ref().matches("v?\\d.*")
                      ? Severity.HIGH
                      : Severity.MEDIUM)
              .with("include", i.location())
              .with("ref", i.ref().isEmpty() ? null : i.ref());
        }
        case "component" -> {
          if (SHA.matcher(i.ref()).matches()) {
            continue;
          }
          boolean latest =
              i.ref().isEmpty() || i.ref().startsWith("~") || !i.ref().matches("v?\\d.*");
          report
              .fail(
                  i.at(),
                  i.node(),
                  "The pipeline uses the component `"
                      + i.location()
                      + "` at "
                      + (latest ? "a moving version" : "the tag '" + i.ref() + "'")
                      + " rather than a commit SHA: its maintainers can change what runs here.")
              .severity(latest ? Severity.HIGH : Severity.MEDIUM)
              .with("include", i.location());
        }
        default -> {
          // local files and GitLab's own templates
        }
      }
    }
  }
}
