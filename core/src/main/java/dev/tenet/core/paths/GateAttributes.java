package dev.tenet.core.paths;

/**
 * Attribute names the path engine reads to decide whether a step is open. They are the names of the
 * shared vocabulary the GitHub connector records (deployment environments, runners, apps,
 * credentials); kept here until that vocabulary is in {@code Attr} on every branch.
 */
final class GateAttributes {
  private GateAttributes() {}

  /** List, on environments: reviewers a deployment needs; empty: none. */
  static final String REQUIRED_REVIEWERS = "requiredReviewers";

  /** Text, on environments: which branches may deploy: any, protected or selected. */
  static final String DEPLOYMENT_BRANCHES = "deploymentBranches";

  /** List, on environments: the branch patterns allowed when deployment branches are selected. */
  static final String DEPLOYMENT_BRANCH_PATTERNS = "deploymentBranchPatterns";

  /** Boolean, on runners and runner groups: one job per runner, then it is replaced. */
  static final String EPHEMERAL = "ephemeral";

  /** List, on apps, tokens and their grants: fine-grained permissions as "name:level". */
  static final String PERMISSIONS = "permissions";

  /** Text, on workflows and files: the path of the file in its repository. */
  static final String PATH = "path";

  /** Text, on app installations: all or selected repositories. */
  static final String REPOSITORY_SELECTION = "repositorySelection";
}
