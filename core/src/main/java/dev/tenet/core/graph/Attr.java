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

  /**
   * Boolean: single sign-on through an identity provider is set up (whether it is also enforced may
   * not be visible).
   */
  public static final String SSO_CONFIGURED = "ssoConfigured";

  /** Boolean: the member list with each member's role was read in full. */
  public static final String MEMBERS_LISTED = "membersListed";

  /**
   * Boolean, on organizations and teams: who has direct access to which repository was read in full
   * (collaborators of every repository, or every repository of a team).
   */
  public static final String ACCESS_LISTED = "accessListed";

  /** Text: the billing plan or tier, where it decides which features exist. */
  public static final String PLAN = "plan";

  // People and principals
  /** Boolean: the account has two-factor authentication enabled. */
  public static final String MFA_ENABLED = "mfaEnabled";

  /** Text, on member-of relations: owner, admin, maintainer, member, outside-collaborator... */
  public static final String ROLE = "role";

  /** Instant: the last activity seen for the account or token. */
  public static final String LAST_ACTIVE_AT = "lastActiveAt";

  /**
   * Instant: the activity record (audit log) covers the account since this instant and shows
   * nothing: the account has been inactive at least since then.
   */
  public static final String NO_ACTIVITY_SINCE = "noActivitySince";

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

  /**
   * List: actors that may bypass the protection, as "kind:name (mode)", e.g. "team:release
   * (always)"; an empty list means nobody may, a missing one that it is not known.
   */
  public static final String BYPASS_ACTORS = "bypassActors";

  public static final String FORCE_PUSH_ALLOWED = "forcePushAllowed";
  public static final String DELETION_ALLOWED = "deletionAllowed";

  /** List: status checks required before merging. */
  public static final String REQUIRED_CHECKS = "requiredChecks";

  public static final String SIGNED_COMMITS_REQUIRED = "signedCommitsRequired";

  /** Boolean: a merge needs the approval of code owners. */
  public static final String CODE_OWNER_REVIEWS = "codeOwnerReviews";

  /** Boolean: approvals are dismissed when new commits are pushed. */
  public static final String DISMISS_STALE_REVIEWS = "dismissStaleReviews";

  // Access on relations (CAN_READ / CAN_WRITE / CAN_ADMIN)
  /**
   * Text, on access relations: the platform's own permission name (read, triage, write, maintain,
   * admin; guest, reporter, developer, maintainer, owner).
   */
  public static final String PERMISSION = "permission";

  /** Text, on access relations: how the access is granted (direct, team, base, installation). */
  public static final String VIA = "via";

  // Policies (rulesets, push rules, protection policies)
  /** Text: active, evaluate (audit only) or disabled. */
  public static final String ENFORCEMENT = "enforcement";

  /** Text: what a policy targets: branch, tag, push, repository. */
  public static final String TARGET = "target";

  /** Text: where a policy or setting is defined: organization, repository, enterprise. */
  public static final String DEFINED_AT = "definedAt";

  // Credentials: tokens, keys, installed integrations, secrets
  /** Text: the kind of credential, e.g. classic-pat, fine-grained-pat, app-installation. */
  public static final String TOKEN_TYPE = "tokenType";

  /** List: OAuth scopes of a token (e.g. "repo", "read:org"). */
  public static final String SCOPES = "scopes";

  /** List: fine-grained permissions as "name:level" (e.g. "contents:write", "members:read"). */
  public static final String PERMISSIONS = "permissions";

  /** Text: which repositories a grant covers: all or selected. */
  public static final String REPOSITORY_SELECTION = "repositorySelection";

  /** Boolean: the credential has an expiry date (false: it never expires). */
  public static final String HAS_EXPIRY = "hasExpiry";

  /** Instant: when the credential expires. */
  public static final String EXPIRES_AT = "expiresAt";

  /** Instant: when the credential or resource was created. */
  public static final String CREATED_AT = "createdAt";

  /** Instant: when the credential or setting was last changed (a secret's last rotation). */
  public static final String UPDATED_AT = "updatedAt";

  /** Text: the login of the account that owns or added the credential. */
  public static final String OWNER = "owner";

  /** Boolean: a key or token can only read (a deploy key without push access). */
  public static final String READ_ONLY = "readOnly";

  /**
   * Text, on organization-level secrets: which repositories can read it: all, private (every
   * private and internal repository) or selected.
   */
  public static final String SHARED_WITH = "sharedWith";

  // Webhooks
  /** Text: scheme, host and port a webhook delivers to; never the path (it may hold a token). */
  public static final String ENDPOINT = "endpoint";

  /** Boolean: deliveries verify the receiver's TLS certificate. */
  public static final String TLS_VERIFIED = "tlsVerified";

  /** Boolean: deliveries are signed with a shared secret the receiver can check. */
  public static final String SECRET_CONFIGURED = "secretConfigured";

  /** Boolean: the webhook, workflow or integration is active. */
  public static final String ACTIVE = "active";

  /** List: events a webhook or integration subscribes to. */
  public static final String EVENTS = "events";

  // Pipelines (organization, repository or project level)
  /** Boolean: pipelines (GitHub Actions, GitLab CI) may run at all. */
  public static final String PIPELINES_ENABLED = "pipelinesEnabled";

  /** Text: which actions or templates may run: all, local_only, selected. */
  public static final String ALLOWED_ACTIONS = "allowedActions";

  /** List: patterns of actions allowed besides the platform's own (owner/repo@ref globs). */
  public static final String ALLOWED_ACTION_PATTERNS = "allowedActionPatterns";

  /** Boolean: actions made by the platform itself are allowed. */
  public static final String PLATFORM_ACTIONS_ALLOWED = "platformActionsAllowed";

  /** Boolean: actions from verified creators are allowed. */
  public static final String VERIFIED_ACTIONS_ALLOWED = "verifiedActionsAllowed";

  /** Boolean: actions must be pinned to a full commit SHA. */
  public static final String ACTION_PINNING_REQUIRED = "actionPinningRequired";

  /** Text: default permissions of the pipeline token (GITHUB_TOKEN, CI_JOB_TOKEN): read, write. */
  public static final String CI_TOKEN_PERMISSIONS = "ciTokenPermissions";

  /** Boolean: the pipeline token may approve (or merge) pull requests. */
  public static final String CI_TOKEN_CAN_APPROVE = "ciTokenCanApprove";

  /**
   * Text: which outside contributors' fork pipelines need approval before they run, in the
   * platform's terms (GitHub: first_time_contributors_new_to_github, first_time_contributors,
   * all_external_contributors).
   */
  public static final String FORK_APPROVAL_POLICY = "forkApprovalPolicy";

  /** Boolean: pipelines run for pull requests from forks of private repositories. */
  public static final String PRIVATE_FORK_PIPELINES = "privateForkPipelines";

  /** Boolean: those fork pipelines wait for approval first. */
  public static final String PRIVATE_FORK_APPROVAL_REQUIRED = "privateForkApprovalRequired";

  /** Boolean: fork pipelines of private repositories get a write token. */
  public static final String PRIVATE_FORK_WRITE_TOKEN = "privateForkWriteToken";

  /** Boolean: fork pipelines of private repositories receive secrets. */
  public static final String PRIVATE_FORK_SECRETS = "privateForkSecrets";

  /** Text: which repositories may register their own self-hosted runners: all, selected or none. */
  public static final String REPOSITORY_RUNNERS_ALLOWED = "repositoryRunnersAllowed";

  // Runners
  /** Boolean: the runner takes one job and is then replaced (false: it persists across jobs). */
  public static final String EPHEMERAL = "ephemeral";

  /** List: runner labels. */
  public static final String LABELS = "labels";

  /** Text: online, offline. */
  public static final String STATUS = "status";

  /** Text, on runner groups: which repositories may use it: all, selected, private. */
  public static final String RUNNER_ACCESS = "runnerAccess";

  /** Boolean, on runner groups: public repositories may use its runners. */
  public static final String PUBLIC_REPOSITORIES_ALLOWED = "publicRepositoriesAllowed";

  /** Boolean, on runner groups: only selected workflows may use its runners. */
  public static final String RESTRICTED_TO_WORKFLOWS = "restrictedToWorkflows";

  /** Number: runners in a group. */
  public static final String RUNNER_COUNT = "runnerCount";

  // Deployment environments
  /** List: reviewers who must approve a deployment ("user:alice", "team:sre"). */
  public static final String REQUIRED_REVIEWERS = "requiredReviewers";

  /** Number: minutes a deployment waits before it proceeds. */
  public static final String WAIT_TIMER_MINUTES = "waitTimerMinutes";

  /** List: other deployment gates (custom protection rules, e.g. an app's check). */
  public static final String CUSTOM_GATES = "customGates";

  /** Boolean: the person who triggered a deployment may not approve it. */
  public static final String PREVENT_SELF_REVIEW = "preventSelfReview";

  /** Text: which branches may deploy: any, protected or selected. */
  public static final String DEPLOYMENT_BRANCHES = "deploymentBranches";

  /** List: branch (or tag) patterns allowed to deploy when deployment branches are selected. */
  public static final String DEPLOYMENT_BRANCH_PATTERNS = "deploymentBranchPatterns";

  // Security features
  /** Boolean: secret scanning runs on the repository. */
  public static final String SECRET_SCANNING = "secretScanning";

  /** Boolean: pushes containing detected secrets are blocked. */
  public static final String PUSH_PROTECTION = "pushProtection";

  /** Boolean: dependency vulnerability alerts are raised. */
  public static final String VULNERABILITY_ALERTS = "vulnerabilityAlerts";

  /** Boolean: static analysis (code scanning) reports on the repository. */
  public static final String CODE_SCANNING = "codeScanning";

  /** List: the code scanning tools seen (e.g. CodeQL). */
  public static final String CODE_SCANNING_TOOLS = "codeScanningTools";

  // Files
  /** Text: a file's path in its repository. */
  public static final String PATH = "path";
}
