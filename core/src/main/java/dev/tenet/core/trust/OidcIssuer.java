package dev.tenet.core.trust;

import java.util.Locale;
import java.util.Optional;

/**
 * An OIDC token issuer as a cloud names it: AWS identifies an OIDC provider by its URL without the
 * scheme (host and optional path), and prefixes the claims' condition keys with it ({@code
 * token.actions.githubusercontent.com:sub}).
 *
 * @param url host and path, without scheme or trailing slash
 * @param platform the CI platform it belongs to, when recognised
 */
public record OidcIssuer(String url, Optional<CiPlatform> platform) {
  public static final String GITHUB_ACTIONS = "token.actions.githubusercontent.com";
  public static final String GITLAB_COM = "gitlab.com";

  public static OidcIssuer fromUrl(String url) {
    String u = url.strip();
    int scheme = u.indexOf("://");
    if (scheme >= 0) {
      u = u.substring(scheme + 3);
    }
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return new OidcIssuer(u, recognise(u));
  }

  /** The issuer of an AWS OIDC provider ARN ({@code arn:aws:iam::ACCOUNT:oidc-provider/URL}). */
  public static Optional<OidcIssuer> fromProviderArn(String arn) {
    int at = arn.indexOf(":oidc-provider/");
    if (!arn.startsWith("arn:") || at < 0) {
      return Optional.empty();
    }
    return Optional.of(fromUrl(arn.substring(at + ":oidc-provider/".length())));
  }

  private static Optional<CiPlatform> recognise(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    // github.com, GitHub Enterprise Cloud with a unique issuer (…/ENTERPRISE), and GitHub
    // Enterprise Server (HOST/_services/token).
    if (lower.equals(GITHUB_ACTIONS)
        || lower.startsWith(GITHUB_ACTIONS + "/")
        || lower.endsWith("/_services/token")) {
      return Optional.of(CiPlatform.GITHUB);
    }
    if (lower.equals(GITLAB_COM)) {
      return Optional.of(CiPlatform.GITLAB);
    }
    return Optional.empty();
  }

  public String host() {
    int slash = url.indexOf('/');
    return (slash < 0 ? url : url.substring(0, slash)).toLowerCase(Locale.ROOT);
  }

  /**
   * The web host of the platform whose pipelines get tokens from this issuer: github.com for the
   * public GitHub issuer, the server's host otherwise.
   */
  public String platformHost() {
    return host().equals(GITHUB_ACTIONS) ? "github.com" : host();
  }

  /** The condition key of a claim, e.g. {@code token.actions.githubusercontent.com:sub}. */
  public String conditionKey(String claim) {
    return url + ":" + claim;
  }
}
