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

  // Attack paths: facts the path engine reads (docs/ARCHITECTURE.md, "Attack paths")
  /**
   * List, on workflows: the events that start it (pull_request_target, issue_comment, push...). On
   * a public repository, an event in the path policy's untrusted triggers lets anyone on the
   * internet run it.
   */
  public static final String TRIGGERS = "triggers";

  /**
   * Boolean, on actions and apps: made by someone other than the organization and the platform
   * itself.
   */
  public static final String THIRD_PARTY = "thirdParty";

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

  // Groups and memberships (added with GitLab; neutral wherever another platform has the fact)
  /** Number: hours a new member may work before two-factor authentication is enforced. */
  public static final String MFA_GRACE_PERIOD_HOURS = "mfaGracePeriodHours";

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

  /** List: fine-grained permissions as "name:level" (e.g. "contents:write", "members:read"). */
  public static final String PERMISSIONS = "permissions";

  /** Text: which repositories a grant covers: all or selected. */
  public static final String REPOSITORY_SELECTION = "repositorySelection";

  /** Boolean: the credential has an expiry date (false: it never expires). */
  public static final String HAS_EXPIRY = "hasExpiry";

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

  // Cloud and cluster identities (AWS IAM, Kubernetes RBAC)
  /** Text: the cloud's own identifier of the resource, e.g. an AWS ARN. */
  public static final String ARN = "arn";

  /**
   * Text (JSON): the role's trust policy, the document that says who may assume it. Kept whole
   * because judging it needs the policy language (core.iam, core.trust).
   */
  public static final String TRUST_POLICY = "trustPolicy";

  /**
   * Boolean: the identity or role holds every permission on every resource (AWS {@code "Action":
   * "*"} on {@code "Resource": "*"}; Kubernetes {@code *} verbs on {@code *} resources).
   */
  public static final String ADMIN_ACCESS = "adminAccess";

  /** List: the policies or roles that grant administrator access. */
  public static final String ADMIN_VIA = "adminVia";

  /**
   * List: permissions that let the identity raise its own rights (attach policies, create access
   * keys for others, write RBAC bindings, impersonate...), each with where it comes from.
   */
  public static final String PRIVILEGE_ESCALATION = "privilegeEscalation";

  /** List: grants with a wildcard over a whole service or resource type, e.g. "s3:* on *". */
  public static final String WILDCARD_GRANTS = "wildcardGrants";

  /** Boolean: the identity can read every secret in its scope (Kubernetes get/list secrets). */
  public static final String READS_SECRETS = "readsSecrets";

  /** Text: the permissions boundary that caps an AWS identity's policies. */
  public static final String PERMISSIONS_BOUNDARY = "permissionsBoundary";

  /** Boolean: the user can sign in to the web console with a password. */
  public static final String CONSOLE_ACCESS = "consoleAccess";

  /** Boolean: the resource was created by the platform itself (Kubernetes default RBAC...). */
  public static final String SYSTEM_DEFAULT = "systemDefault";

  /** Boolean: the credential has never been used (its last use is then unknown by nature). */
  public static final String NEVER_USED = "neverUsed";

  /** List, on identity providers: the audiences (client ids) it accepts tokens for. */
  public static final String AUDIENCES = "audiences";

  /** Text, on identity providers: the issuer URL, without scheme. */
  public static final String ISSUER = "issuer";

  /** Text: the Kubernetes namespace of a namespaced resource. */
  public static final String NAMESPACE = "namespace";

  /** List, on Kubernetes roles: their rules, one per line ("get,list on secrets in core"). */
  public static final String RBAC_RULES = "rbacRules";

  /**
   * List, on has-role relations: the bindings someone created that grant it, as resource ids
   * (k8s:CLUSTER#clusterrolebinding/NAME, k8s:CLUSTER/NS#rolebinding/NAME).
   */
  public static final String BINDINGS = "bindings";

  /**
   * List, on has-role relations: the bindings Kubernetes (or its distribution) created by itself,
   * kept apart from {@link #BINDINGS} so that rules judge only the ones someone chose to make.
   */
  public static final String DEFAULT_BINDINGS = "defaultBindings";

  /** List, on has-role relations: where the role applies: namespaces, or "*" cluster-wide. */
  public static final String NAMESPACES = "namespaces";

  /**
   * Text: the cloud principal (ARN) that acts as this cluster identity, e.g. an IAM role mapped to
   * a Kubernetes user by EKS's aws-auth.
   */
  public static final String MAPPED_FROM_ARN = "mappedFromArn";

  /**
   * Text: the cloud role (ARN) this workload identity can assume, e.g. a service account's EKS IRSA
   * annotation.
   */
  public static final String ASSUMES_ROLE_ARN = "assumesRoleArn";

  /** Boolean: a long-lived token (a service-account-token Secret) exists for the account. */
  public static final String LONG_LIVED_TOKEN = "longLivedToken";

  /** Boolean, on clusters: the admission configuration (webhooks, policies) was read. */
  public static final String ADMISSION_READ = "admissionRead";

  /** List, on clusters: admission controllers seen (kyverno, gatekeeper, ...). */
  public static final String ADMISSION_CONTROLLERS = "admissionControllers";

  /**
   * Text, on clusters: whether admission verifies image signatures: enforce (unsigned images are
   * refused everywhere), partial (only in some namespaces), audit (only reported) or none.
   */
  public static final String IMAGE_VERIFICATION = "imageVerification";

  /** List, on clusters: the image signature policies seen, with their mode. */
  public static final String IMAGE_POLICIES = "imagePolicies";

  // Federation: who may assume a cloud role with an OIDC token (on assumes-role relations)
  /** List: the subject claims (sub) that match the role's trust policy, one per context. */
  public static final String SUBJECTS = "subjects";

  /** List: the kinds of runs that match: branch, new-branch, tag, environment, pull-request. */
  public static final String CLAIM_CONTEXTS = "claimContexts";

  /** Text: the resource id of the cloud's identity provider the token goes through. */
  public static final String PROVIDER = "provider";

  /**
   * Boolean: the trust policy has conditions Tenet cannot judge (source IP, tags): the relation is
   * possible rather than certain.
   */
  public static final String CONDITIONAL = "conditional";

  // GitHub Actions settings of a repository or organization
  /**
   * Text: the GITHUB_TOKEN permissions a workflow gets when it sets no {@code permissions:}, "read"
   * or "write" (GitHub's default_workflow_permissions).
   */
  public static final String WORKFLOW_TOKEN_DEFAULT = "workflowTokenDefault";

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
