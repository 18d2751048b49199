package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.expr.Expressions;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * actions/checkout writes the job's token into {@code .git/config} unless told {@code
 * persist-credentials: false}; every later step, and any artifact that uploads the working tree,
 * can then read it ("ArtiPACKED"). An explicit {@code persist-credentials: true} is taken as
 * intended and not reported.
 */
final class CredentialPersisted extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-CRED-001",
          "credential-persisted",
          Severity.MEDIUM,
          "Checkout leaves the job token in .git/config",
          "With persisted credentials, any later step or action can push with the job's token,"
              + " and uploading the working tree as an artifact publishes the token to anyone who"
              + " can download it.",
          List.of(
              "Add `persist-credentials: false` to the actions/checkout step.",
              "If a later step must push, give it the token explicitly for that command only."),
          List.of(
              "https://unit42.paloaltonetworks.com/github-repo-artifacts-leak-tokens/",
              "https://github.com/actions/checkout#usage"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("artipacked");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.kind().isGitHub();
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    for (Job job : p.jobs()) {
      List<Step> uploads = new ArrayList<>();
      for (Step s : job.steps()) {
        if (s.usesAction("actions/upload-artifact") && uploadsWorkingTree(s)) {
          uploads.add(s);
        }
      }
      for (Step s : job.steps()) {
        if (!s.usesAction("actions/checkout")) {
          continue;
        }
        Optional<YamlScalar> persist = s.input("persist-credentials");
        if (persist.isPresent()) {
          String v = persist.get().value().strip();
          if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("true")) {
            continue;
          }
        }
        Step leak = uploads.stream().filter(u -> u.index() > s.index()).findFirst().orElse(null);
        report
            .fail(
                s.node(),
                s.node(),
                "Step "
                    + s.label()
                    + " in job "
                    + job.label()
                    + " checks out with `"
                    + s.uses().raw()
                    + "` without `persist-credentials: false`, leaving the job's token in"
                    + " .git/config for every later step"
                    + (leak == null
                        ? ""
                        : ", and step " + leak.label() + " uploads the working tree as an artifact")
                    + ".")
            .severity(leak == null ? Severity.MEDIUM : Severity.HIGH)
            .with("upload", leak == null ? null : leak.node().start().line());
      }
    }
  }

  private static boolean uploadsWorkingTree(Step upload) {
    Optional<YamlScalar> path = upload.input("path");
    if (path.isEmpty()) {
      return false;
    }
    for (String line : path.get().value().split("\n")) {
      String l = line.strip();
      if (l.startsWith("!")) {
        continue;
      }
      if (l.equals(".")
          || l.equals("./")
          || l.equals("..")
          || l.equals("../")
          || (Expressions.contains(l) && l.contains("github.workspace"))) {
        return true;
      }
    }
    return false;
  }
}
