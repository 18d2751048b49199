package dev.tenet.core.pipeline.expr;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who controls the {@code github} context's values. The event payload is the interesting part:
 * titles, bodies, commit messages, head branch names and anything describing a fork come from
 * whoever opened the pull request, issue or comment; numbers, ids, hashes, flags, timestamps and
 * GitHub-validated names (logins, repository names) carry no shell syntax.
 */
public final class GitHubContexts {
  private GitHubContexts() {}

  /** github.* values that are constants of the run or GitHub-validated. */
  private static final Set<String> FIXED_TOP =
      Set.of(
          "action",
          "action_path",
          "action_ref",
          "action_repository",
          "action_status",
          "actor",
          "actor_id",
          "api_url",
          "env",
          "event_name",
          "event_path",
          "graphql_url",
          "job",
          "job_workflow_sha",
          "output",
          "path",
          "ref_protected",
          "ref_type",
          "repository",
          "repository_id",
          "repository_owner",
          "repository_owner_id",
          "repositoryurl",
          "retention_days",
          "run_attempt",
          "run_id",
          "run_number",
          "secret_source",
          "server_url",
          "sha",
          "state",
          "step_summary",
          "token",
          "triggering_actor",
          "workflow",
          "workflow_sha",
          "workspace");

  /** Branch and tag names: chosen by whoever can push them (collaborators). */
  private static final Set<String> REF_TOP = Set.of("ref", "ref_name", "base_ref", "workflow_ref");

  private static final Set<String> FIXED_LEAVES =
      Set.of(
          "id",
          "number",
          "sha",
          "before",
          "after",
          "action",
          "login",
          "type",
          "state",
          "state_reason",
          "status",
          "conclusion",
          "author_association",
          "merge_method",
          "privacy",
          "permission",
          "visibility",
          "site_admin",
          "deleted",
          "private",
          "public",
          "fork",
          "locked",
          "draft",
          "merged",
          "mergeable",
          "rebaseable",
          "default",
          "protected",
          "archived",
          "disabled",
          "additions",
          "deletions",
          "changed_files",
          "commits",
          "comments",
          "review_comments",
          "size",
          "forks",
          "watchers",
          "stargazers",
          "open_issues",
          "closed_issues",
          "run_attempt",
          "run_number",
          "duration",
          "forced",
          "created",
          "distinct",
          "maintainer_can_modify",
          "node_id",
          "gravatar_id",
          "language",
          "license",
          "key",
          "spdx_id",
          "color",
          "event",
          "path",
          "prerelease",
          "immutable",
          "ref_type",
          "pusher_type",
          "master_branch",
          "head_sha",
          "merge_commit_sha",
          "check_suite_id",
          "workflow_id");

  private static final Pattern FIXED_LEAF_PATTERN =
      Pattern.compile(".*(_id|_count|_at|_url|_sha|_on)$|^(is|has|allow|use|web)_.*|^url$|^href$");

  /** Leaves an event's author writes freely. */
  private static final Set<String> AUTHORED_LEAVES =
      Set.of(
          "title",
          "body",
          "message",
          "display_title",
          "page_name",
          "summary",
          "head_branch",
          "head_ref",
          "label",
          "name",
          "email",
          "description",
          "homepage",
          "full_name",
          "default_branch",
          "ref",
          "text",
          "username",
          "from",
          "topics");

  /** Objects whose string content comes from the event's (possibly outside) author. */
  private static final List<String> AUTHORED_OBJECTS =
      List.of(
          "issue",
          "pull_request",
          "comment",
          "review",
          "review_comment",
          "discussion",
          "answer",
          "head_commit",
          "commits",
          "pages",
          "workflow_run",
          "check_run",
          "check_suite",
          "changes",
          "sender",
          "forkee",
          "head");

  /** Who controls {@code github.<path>}; {@code path} starts after "github". */
  public static Taint classify(ContextRef ref) {
    List<String> p = ref.path();
    String text = ref.dotted();
    if (p.size() == 1) {
      return outsider(text, "the whole github context, which includes the event payload");
    }
    String top = p.get(1);
    if (top.equals("head_ref")) {
      return outsider(text, "the author of the pull request (the head branch name)");
    }
    if (REF_TOP.contains(top)) {
      return new Taint(Control.COLLABORATOR, text, "whoever can push the branch or tag", List.of());
    }
    if (FIXED_TOP.contains(top)) {
      return Taint.NONE;
    }
    if (!top.equals("event")) {
      return Taint.unknown(text, "a github context Tenet does not know");
    }
    return event(ref, p.subList(2, p.size()));
  }

  private static Taint event(ContextRef ref, List<String> e) {
    String text = ref.dotted();
    if (e.isEmpty()) {
      return outsider(
          text, "the whole event payload, which includes titles, bodies and branch names");
    }
    String first = e.get(0);
    String leaf = e.get(e.size() - 1);
    if (first.equals("inputs")) {
      return new Taint(Control.COLLABORATOR, text, "whoever runs the workflow manually", List.of());
    }
    if (first.equals("client_payload")) {
      return new Taint(
          Control.COLLABORATOR, text, "whoever sends the repository_dispatch event", List.of());
    }
    if (leaf.equals("*") && e.size() > 1) {
      leaf = e.get(e.size() - 2);
    }
    if (isFixedLeaf(leaf, e)) {
      return Taint.NONE;
    }
    boolean authoredObject = false;
    for (String s : e) {
      if (AUTHORED_OBJECTS.contains(s)) {
        authoredObject = true;
        break;
      }
    }
    if (e.contains("labels")) {
      return new Taint(Control.COLLABORATOR, text, "the maintainers who manage labels", List.of());
    }
    boolean baseSide = e.contains("base") || e.contains("repository") || e.contains("organization");
    if (authoredObject && !baseSide) {
      if (AUTHORED_LEAVES.contains(leaf) || e.size() == 1 || isObject(leaf)) {
        return outsider(text, authorOf(e));
      }
    }
    if (authoredObject && baseSide) {
      return new Taint(
          Control.COLLABORATOR, text, "the maintainers of the base repository", List.of());
    }
    if (first.equals("release") || first.equals("deployment") || first.equals("inputs")) {
      return new Taint(Control.COLLABORATOR, text, "whoever publishes the release", List.of());
    }
    return new Taint(Control.COLLABORATOR, text, "whoever triggered the event", List.of());
  }

  private static boolean isObject(String leaf) {
    return AUTHORED_OBJECTS.contains(leaf) || leaf.equals("user") || leaf.equals("author");
  }

  private static boolean isFixedLeaf(String leaf, List<String> path) {
    if (leaf.equals("ref") && !path.contains("head")) {
      return false;
    }
    if (leaf.equals("name") || leaf.equals("email") || leaf.equals("label")) {
      return false;
    }
    return FIXED_LEAVES.contains(leaf) || FIXED_LEAF_PATTERN.matcher(leaf).matches();
  }

  private static String authorOf(List<String> e) {
    if (e.contains("pull_request") || e.contains("head") || e.contains("head_ref")) {
      return "the author of the pull request";
    }
    if (e.contains("comment") || e.contains("review") || e.contains("review_comment")) {
      return "anyone who can comment";
    }
    if (e.contains("issue")) {
      return "anyone who can open or edit an issue";
    }
    if (e.contains("discussion") || e.contains("answer")) {
      return "anyone who can post in discussions";
    }
    if (e.contains("head_commit") || e.contains("commits")) {
      return "the author of the commit (outside contributors' commits land with merges)";
    }
    if (e.contains("workflow_run")) {
      return "the author of the pull request that ran the triggering workflow";
    }
    return "the author of the event";
  }

  private static Taint outsider(String origin, String who) {
    return new Taint(Control.OUTSIDER, origin, who, List.of());
  }
}
