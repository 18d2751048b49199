package dev.tenet.connectors.github;

import dev.tenet.core.credentials.Secret;
import java.util.Locale;

/**
 * How Tenet signs in to GitHub: a personal access token (classic or fine-grained) or a GitHub App
 * installation. This is the seam where credentials come in (today from environment variables, later
 * from the credential store); the connector never reads them from anywhere itself.
 */
public sealed interface GitHubCredentials {

  /** A personal access token, classic ({@code ghp_…}) or fine-grained ({@code github_pat_…}). */
  record PersonalToken(Secret token) implements GitHubCredentials {
    @Override
    public Secret cacheIdentity() {
      return token;
    }

    /** The kind of token, from its prefix (GitHub's documented token formats). */
    public String kind() {
      String value = token.reveal();
      if (value.startsWith("github_pat_")) {
        return "fine-grained-pat";
      }
      if (value.startsWith("ghp_") || value.matches("[0-9a-f]{40}")) {
        return "classic-pat";
      }
      if (value.startsWith("gho_") || value.startsWith("ghu_")) {
        return "oauth";
      }
      if (value.startsWith("ghs_")) {
        return "app-installation";
      }
      return "token";
    }
  }

  /**
   * A GitHub App, signing in as its installation on the organization.
   *
   * @param appId the app's id or client id (the JWT issuer)
   * @param privateKeyPem the app's private key as GitHub issues it (PEM, PKCS#1 or PKCS#8)
   */
  record App(String appId, Secret privateKeyPem) implements GitHubCredentials {
    public App {
      if (appId == null || !appId.strip().matches("[A-Za-z0-9.]+")) {
        throw new IllegalArgumentException(
            "A GitHub App id is a number (or the app's client id, Iv1.…).");
      }
      appId = appId.strip();
    }

    @Override
    public Secret cacheIdentity() {
      // Installation tokens change every hour; the app is what stays the same.
      return Secret.of("github-app:" + appId.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * What the response cache is keyed by (an HMAC of it, never the value): stable across scans for
   * the same identity, different for identities that see different things.
   */
  Secret cacheIdentity();
}
