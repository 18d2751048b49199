package dev.tenet.core.rules.pipeline;

import dev.tenet.core.pipeline.Pipeline;
import java.util.Set;

/** GitHub events grouped by who can cause them and with what privileges the workflow runs. */
final class Triggers {
  private Triggers() {}

  /**
   * Events an outsider can cause while the workflow runs with the base repository's token and
   * secrets: what makes injected input or untrusted code dangerous.
   */
  static final Set<String> PRIVILEGED_OUTSIDER =
      Set.of(
          "pull_request_target",
          "workflow_run",
          "issues",
          "issue_comment",
          "discussion",
          "discussion_comment");

  /** Events carrying pull requests, including forks'. */
  static final Set<String> PULL_REQUEST =
      Set.of(
          "pull_request",
          "pull_request_target",
          "pull_request_review",
          "pull_request_review_comment");

  static boolean privileged(Pipeline p) {
    return p.events().stream().anyMatch(PRIVILEGED_OUTSIDER::contains);
  }

  static String privilegedEvent(Pipeline p) {
    return p.events().stream().filter(PRIVILEGED_OUTSIDER::contains).findFirst().orElse("");
  }
}
