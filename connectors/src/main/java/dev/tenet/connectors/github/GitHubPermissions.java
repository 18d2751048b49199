package dev.tenet.connectors.github;

/**
 * What reveals each part of an organization, for blind spots: the classic scope, the fine-grained
 * (and GitHub App) permission, and the role where one is needed. docs/PERMISSIONS.md lists the
 * same.
 */
final class GitHubPermissions {
  private GitHubPermissions() {}

  static final String OWNER_MEMBERS =
      "a token of an organization owner: classic read:org, or fine-grained/App organization"
          + " permission Members: read";
  static final String OWNER_SETTINGS =
      "a token of an organization owner: classic read:org, or fine-grained/App organization"
          + " permission Administration: read";
  static final String AUDIT_LOG =
      "an organization owner's classic token with read:audit_log, or App organization"
          + " permission Administration: read (the audit log API needs GitHub Enterprise Cloud)";
  static final String SSO =
      "an organization owner's classic token with read:org (SAML single sign-on needs GitHub"
          + " Enterprise Cloud)";
  static final String ORG_HOOKS =
      "classic admin:org_hook, or fine-grained/App organization permission Webhooks: read";
  static final String INSTALLATIONS =
      "a token of an organization owner: classic read:org, or fine-grained/App organization"
          + " permission Administration: read";
  static final String PAT_GRANTS =
      "a GitHub App with the organization permission Personal access tokens: read (GitHub"
          + " shows fine-grained token grants to apps only)";
  static final String ORG_RULESETS =
      "an organization owner's token: classic read:org, or fine-grained/App organization"
          + " permission Administration: read";
  static final String ORG_ACTIONS =
      "an organization owner's token: classic read:org (admin:org on GitHub Enterprise Server),"
          + " or fine-grained/App organization permission Administration: read";
  static final String ORG_RUNNERS =
      "an organization owner's token: classic admin:org, or fine-grained/App organization"
          + " permission Self-hosted runners: read";
  static final String ORG_SECRETS =
      "an organization owner's token: classic admin:org, or fine-grained/App organization"
          + " permission Secrets: read";
  static final String TEAMS =
      "classic read:org, or fine-grained/App organization permission Members: read";

  static final String REPO_ADMIN =
      "repository admin access: classic repo, or fine-grained/App repository permission"
          + " Administration: read";
  static final String REPO_METADATA =
      "fine-grained/App repository permission Metadata: read (classic: repo for private"
          + " repositories)";
  static final String REPO_HOOKS =
      "repository admin access: classic repo (or read:repo_hook), or fine-grained/App"
          + " repository permission Webhooks: read";
  static final String REPO_SECRETS =
      "repository admin access: classic repo, or fine-grained/App repository permission"
          + " Secrets: read";
  static final String ENVIRONMENTS =
      "classic repo, or fine-grained/App repository permissions Environments: read (and"
          + " Secrets: read for environment secrets)";
  static final String REPO_ACTIONS =
      "repository admin access: classic repo, or fine-grained/App repository permission"
          + " Administration: read";
  static final String REPO_RUNNERS =
      "repository admin access: classic repo, or fine-grained/App repository permission"
          + " Administration: read";
  static final String SECURITY =
      "repository admin access (or the security manager role): classic repo, or"
          + " fine-grained/App repository permission Administration: read";
  static final String CODE_SCANNING =
      "classic security_events (public_repo for public repositories), or fine-grained/App"
          + " repository permission Code scanning alerts: read";
  static final String CONTENTS =
      "classic repo, or fine-grained/App repository permissions Contents: read and Actions:"
          + " read";
}
