package dev.tenet.core.graph;

/**
 * The attribute vocabulary shared by connectors (which set them) and rules (which read them). One
 * name per fact, whatever the platform, so that a GitHub organization and a GitLab group say "two
 * factor required" the same way.
 */
public final class Attr {
  private Attr() {}

  // Organizations and groups
  /** Boolean: the organization requires two-factor authentication of every member. */
  public static final String MFA_REQUIRED = "mfaRequired";

  /** Text: the permission every member has on every repository: none, read, write or admin. */
  public static final String BASE_PERMISSION = "basePermission";

  /** Boolean: sign-in through the identity provider (SAML/OIDC SSO) is enforced. */
  public static final String SSO_ENFORCED = "ssoEnforced";

  /** Boolean: the member list with each member's role was read in full. */
  public static final String MEMBERS_LISTED = "membersListed";

  /** Text: the billing plan or tier, where it decides which features exist. */
  public static final String PLAN = "plan";

  // People and principals
  /** Boolean: the account has two-factor authentication enabled. */
  public static final String MFA_ENABLED = "mfaEnabled";

  /** Text, on member-of relations: owner, admin, maintainer, member, outside-collaborator... */
  public static final String ROLE = "role";

  /** Instant: the last activity seen for the account or token. */
  public static final String LAST_ACTIVE_AT = "lastActiveAt";

  /** Boolean: the user is not a member of the organization but a collaborator on repositories. */
  public static final String OUTSIDE_COLLABORATOR = "outsideCollaborator";

  // Repositories and projects
  /** Text: public, private or internal. */
  public static final String VISIBILITY = "visibility";

  public static final String DEFAULT_BRANCH = "defaultBranch";
  public static final String ARCHIVED = "archived";
  public static final String FORK = "fork";

  /** Text: the platform's web page of the resource, for "open in browser". */
  public static final String WEB_URL = "webUrl";

  // Branch protection, as far as the platform reveals it (classic protection and rulesets merged)
  /** Boolean: any protection (classic rules or an active ruleset) applies to the branch. */
  public static final String PROTECTED = "protected";

  /** List: where protection comes from, e.g. "branch-protection", "ruleset:Default branch". */
  public static final String PROTECTION_SOURCES = "protectionSources";

  /** Number: approving reviews required before merging; 0 when reviews are not required. */
  public static final String REQUIRED_APPROVALS = "requiredApprovals";

  /** Boolean: protection also binds administrators. */
  public static final String ENFORCE_ADMINS = "enforceAdmins";

  /** List: actors that may bypass the protection. */
  public static final String BYPASS_ACTORS = "bypassActors";

  public static final String FORCE_PUSH_ALLOWED = "forcePushAllowed";
  public static final String DELETION_ALLOWED = "deletionAllowed";

  /** List: status checks required before merging. */
  public static final String REQUIRED_CHECKS = "requiredChecks";

  public static final String SIGNED_COMMITS_REQUIRED = "signedCommitsRequired";

  // GitHub Actions settings of a repository or organization
  /**
   * Text: the GITHUB_TOKEN permissions a workflow gets when it sets no {@code permissions:}, "read"
   * or "write" (GitHub's default_workflow_permissions).
   */
  public static final String WORKFLOW_TOKEN_DEFAULT = "workflowTokenDefault";
}
