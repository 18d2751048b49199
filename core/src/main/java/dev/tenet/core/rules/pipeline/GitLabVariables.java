package dev.tenet.core.rules.pipeline;

import dev.tenet.core.pipeline.Env;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.expr.Control;
import dev.tenet.core.pipeline.expr.Taint;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who controls GitLab's predefined variables, and job variables built from them. */
final class GitLabVariables {
  private GitLabVariables() {}

  private static final String MR_AUTHOR = "the author of the merge request";
  private static final String COMMITTER =
      "the author of the commit (merged contributions included)";

  static final Map<String, String> OUTSIDER =
      Map.ofEntries(
          Map.entry("CI_MERGE_REQUEST_TITLE", MR_AUTHOR),
          Map.entry("CI_MERGE_REQUEST_DESCRIPTION", MR_AUTHOR),
          Map.entry("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", MR_AUTHOR),
          Map.entry("CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME", MR_AUTHOR),
          Map.entry("CI_COMMIT_MESSAGE", COMMITTER),
          Map.entry("CI_COMMIT_TITLE", COMMITTER),
          Map.entry("CI_COMMIT_DESCRIPTION", COMMITTER),
          Map.entry("CI_COMMIT_AUTHOR", COMMITTER),
          Map.entry("CI_COMMIT_TAG_MESSAGE", "whoever pushed the tag"),
          Map.entry(
              "CI_COMMIT_BRANCH",
              "whoever named the branch (a fork's author in merge request pipelines)"),
          Map.entry(
              "CI_COMMIT_REF_NAME",
              "whoever named the branch (a fork's author in merge request pipelines)"),
          Map.entry(
              "GITLAB_USER_NAME", "the user who started the pipeline (a free-form display name)"),
          Map.entry("TRIGGER_PAYLOAD", "whoever calls the pipeline trigger"));

  private static final Pattern REF = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

  static Taint taint(String name, Job job) {
    return taint(name, job, 0);
  }

  private static Taint taint(String name, Job job, int depth) {
    String who = OUTSIDER.get(name);
    if (who != null) {
      return new Taint(Control.OUTSIDER, "$" + name, who, List.of());
    }
    if (depth > 5) {
      return Taint.NONE;
    }
    Env.Var v = job.env().vars().get(name);
    if (v == null || v.value() == null || !v.expands()) {
      return Taint.NONE;
    }
    Taint worst = Taint.NONE;
    Matcher m = REF.matcher(v.value().value());
    while (m.find()) {
      worst = worst.max(taint(m.group(1), job, depth + 1));
    }
    return worst.control() == Control.NONE ? worst : worst.through("$" + name);
  }
}
