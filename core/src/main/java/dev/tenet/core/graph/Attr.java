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
  /**
   * Boolean: protection applies. On a branch: any protection (classic rules, an active ruleset, a
   * protected-branch entry). On a CI/CD variable or a runner: only pipelines of protected branches
   * and tags get it. On an environment: deployments to it are restricted.
   */
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

  // Groups and memberships (added with GitLab; neutral wherever another platform has the fact)
  /** Number: hours a new member may work before two-factor authentication is enforced. */
  public static final String MFA_GRACE_PERIOD_HOURS = "mfaGracePeriodHours";

  /** Boolean: an identity provider (SAML) is configured for the organization or group. */
  public static final String SSO_CONFIGURED = "ssoConfigured";

  /** Boolean, on a user: the account is linked to the organization's identity provider. */
  public static final String SSO_IDENTITY_LINKED = "ssoIdentityLinked";

  /**
   * Boolean, on member-of relations: the role comes from an ancestor group or an invited group, not
   * from a membership of this group itself.
   */
  public static final String INHERITED = "inherited";

  // Credentials: access tokens, deploy tokens, deploy keys
  /** List: the scopes a token holds, as the platform names them. */
  public static final String SCOPES = "scopes";

  /** Boolean: the credential has an expiry date (false: it never expires). */
  public static final String EXPIRY_SET = "expirySet";

  /** Instant: when the credential expires. */
  public static final String EXPIRES_AT = "expiresAt";

  /** Boolean: the credential or runner can be used now (not revoked, expired or paused). */
  public static final String ACTIVE = "active";

  /** Boolean, on a token: it is the token Tenet itself scans with. */
  public static final String SCANNER_TOKEN = "scannerToken";

  // CI/CD variables (judged by name and value shape; the value itself is never recorded)
  /** Boolean: the value is masked in job logs. */
  public static final String MASKED = "masked";

  /** Text: env_var or file. */
  public static final String VARIABLE_TYPE = "variableType";

  /** Text: the environments that receive the variable; "*" for all. */
  public static final String ENVIRONMENT_SCOPE = "environmentScope";

  /**
   * Text: what the value looks like, never the value: private-key, gitlab-token, github-token,
   * aws-access-key, slack-token, jwt, url-with-credentials, high-entropy, text, empty.
   */
  public static final String VALUE_SHAPE = "valueShape";

  /** Boolean: references to other variables inside the value are expanded (not raw). */
  public static final String EXPANDED = "expanded";

  // Merge requests and pushes
  /** List: who may push to a protected branch: roles, "no one", user:, group:, deploy-key:. */
  public static final String PUSH_ACCESS = "pushAccess";

  /** List: who may merge into a protected branch, as for {@link #PUSH_ACCESS}. */
  public static final String MERGE_ACCESS = "mergeAccess";

  public static final String CODE_OWNER_REVIEW_REQUIRED = "codeOwnerReviewRequired";

  /** Boolean: merging requires the pipeline (status checks) to succeed. */
  public static final String STATUS_CHECKS_REQUIRED = "statusChecksRequired";

  /** Boolean: a skipped pipeline counts as a successful one for merging. */
  public static final String SKIPPED_PIPELINE_ALLOWED = "skippedPipelineAllowed";

  /** Boolean: the author of a change may approve it. */
  public static final String AUTHOR_CAN_APPROVE = "authorCanApprove";

  /** Boolean: people who committed to a change may approve it. */
  public static final String COMMITTERS_CAN_APPROVE = "committersCanApprove";

  /** Boolean: approvals are dropped when new commits are pushed. */
  public static final String APPROVALS_RESET_ON_PUSH = "approvalsResetOnPush";

  /** Boolean: the approval rules can be edited in each merge request. */
  public static final String APPROVERS_OVERRIDABLE = "approversOverridable";

  /** Boolean: pushes that contain secrets are rejected (push protection, push rules). */
  public static final String SECRET_PUSH_PROTECTION = "secretPushProtection";

  // Webhooks (the URL itself is not recorded: its path or query may hold a secret)
  /** Text: http or https. */
  public static final String URL_SCHEME = "urlScheme";

  public static final String TARGET_HOST = "targetHost";

  /** Boolean: the TLS certificate of the receiver is verified. */
  public static final String TLS_VERIFIED = "tlsVerified";

  /** Boolean: deliveries carry a secret (token, signature or auth header) the receiver checks. */
  public static final String SECRET_CONFIGURED = "secretConfigured";

  // Runners
  /** Text: instance, group or project: who may send jobs to the runner. */
  public static final String RUNNER_SCOPE = "runnerScope";

  /** Boolean: the runner takes jobs that carry no tag. */
  public static final String RUN_UNTAGGED = "runUntagged";

  /** Boolean: the runner cannot be assigned to other projects. */
  public static final String LOCKED = "locked";

  /** Boolean, on a project: the runners that may take its jobs were listed in full. */
  public static final String RUNNERS_LISTED = "runnersListed";

  /** Boolean: the platform runs it (fresh machine per job), not the customer. */
  public static final String HOSTED = "hosted";

  /** List: the runner's tags. */
  public static final String TAGS = "tags";

  // Environments and pipelines
  /** Text: production, staging, testing, development or other. */
  public static final String TIER = "tier";

  /** List: who may deploy to a protected environment, as for {@link #PUSH_ACCESS}. */
  public static final String DEPLOY_ACCESS = "deployAccess";

  /** Boolean: job logs and artifacts are shown to everyone who can see the project. */
  public static final String JOB_LOGS_PUBLIC = "jobLogsPublic";

  /** Boolean: other projects' pipeline tokens may reach this one only when allow-listed. */
  public static final String CI_TOKEN_SCOPE_LIMITED = "ciTokenScopeLimited";

  /** Boolean: pipelines of merge requests from forks may run in this project. */
  public static final String FORK_PIPELINES_IN_PARENT = "forkPipelinesInParent";

  // Registries and artifacts (container images). An image repository is an IMAGE entity
  // (oci:HOST/PATH), each tag Tenet inspected an IMAGE part of it (oci:HOST/PATH#tag/TAG).
  /** Text, on a tagged image: the digest (sha256:…) of the manifest or index the tag points to. */
  public static final String DIGEST = "digest";

  /** Text, on a tagged image: the tag. */
  public static final String TAG = "tag";

  /** Instant, on a tagged image: when the tag was last pushed, as the registry reports it. */
  public static final String PUSHED_AT = "pushedAt";

  /**
   * Text, on a tagged image: what its signature check found: verified (by a trusted key or
   * identity), invalid (a signature is there but fails: altered, another image's, or an untrusted
   * signer), unverifiable (signed, but nothing Tenet may trust can check it), absent.
   */
  public static final String SIGNATURE = "signature";

  /** Text: how the signature was checked, or what failed and why. */
  public static final String SIGNATURE_DETAIL = "signatureDetail";

  /** Text: who signed: the trusted key (name and fingerprint) or the certificate identity. */
  public static final String SIGNER = "signer";

  /** Text: where the signature was found: referrers API, or the tag sha256-….sig. */
  public static final String SIGNATURE_SOURCE = "signatureSource";

  /**
   * Text, on a tagged image: its build provenance (SLSA / in-toto): verified (signed by a trusted
   * key or identity), invalid (signature fails, or it describes another artifact), unsigned,
   * unverifiable (signed, but nothing trusted can check it), absent.
   */
  public static final String PROVENANCE = "provenance";

  /** Text: how the provenance was checked, or what failed and why. */
  public static final String PROVENANCE_DETAIL = "provenanceDetail";

  /** Text: the builder id the provenance names. */
  public static final String PROVENANCE_BUILDER = "provenanceBuilder";

  /** Text: the source repository the provenance names, as host/path (github.com/acme/api). */
  public static final String PROVENANCE_SOURCE = "provenanceSource";

  /** Text: the workflow or pipeline file the provenance names, with its ref when given. */
  public static final String PROVENANCE_WORKFLOW = "provenanceWorkflow";

  /**
   * Text: the resource id the provenance's source repository has in Tenet (github:acme/api), when
   * its host is a known platform: it is the organization's own when the scan saw it.
   */
  public static final String PROVENANCE_SOURCE_ID = "provenanceSourceId";

  /** Boolean, on an image repository: the registry refuses to move or overwrite existing tags. */
  public static final String TAGS_IMMUTABLE = "tagsImmutable";

  /** Text, on a tagged image: the digest the previous assessment saw under this tag. */
  public static final String PREVIOUS_DIGEST = "previousDigest";

  /** Instant, on a tagged image: when the previous assessment saw {@link #PREVIOUS_DIGEST}. */
  public static final String PREVIOUS_SEEN_AT = "previousSeenAt";

  /** Boolean, on a registry or image repository: anyone may pull without credentials. */
  public static final String ANONYMOUS_PULL = "anonymousPull";

  /** Boolean, on a registry or image repository: anyone may push without credentials. */
  public static final String ANONYMOUS_PUSH = "anonymousPush";

  /** Boolean, on a registry: it asks for credentials at all (false: it serves anyone). */
  public static final String AUTH_REQUIRED = "authRequired";

  /**
   * List, on a registry: source locations (host/path prefixes such as github.com/acme) whose builds
   * count as the organization's own when judging provenance.
   */
  public static final String TRUSTED_SOURCES = "trustedSources";

  /** List, on a registry token: what it may do, normalized: pull, push, delete, admin. */
  public static final String GRANTS = "grants";

  /** List, on a registry token: the repositories it is limited to; "*" for all. */
  public static final String RESOURCES = "resources";
}
