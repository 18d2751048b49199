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

  /** Boolean: the credential or resource is enabled (an access key's Active status). */
  public static final String ACTIVE = "active";

  /** Instant: when the credential or resource was created (an access key's last rotation). */
  public static final String CREATED_AT = "createdAt";

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

  /** Text, on access relations: how the access is granted (direct, team, aws-auth mapping...). */
  public static final String VIA = "via";

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
}
