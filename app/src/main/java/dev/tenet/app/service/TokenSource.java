package dev.tenet.app.service;

import dev.tenet.core.credentials.Secret;
import java.net.URI;

/**
 * Where {@link ConnectorFactory} gets a connection's token: the seam between connections (which
 * name a credential) and the credential store (which holds it).
 */
@FunctionalInterface
public interface TokenSource {
  /**
   * @param credential the connection's credential reference ({@code keychain:NAME}, {@code
   *     vault:NAME}, {@code env:VAR}, a stored credential's name, or an environment variable's
   *     name)
   * @param target the API base URL the token is for; a credential bound to another host is refused
   * @throws UserError with one sentence when there is no usable token
   */
  Secret token(String credential, URI target, String platformName);

  /** Environment variables only ({@code env:VAR} or a bare variable name), for headless runs. */
  static TokenSource environment(java.util.Map<String, String> environment) {
    return (credential, target, platformName) -> {
      String variable =
          credential != null && credential.startsWith("env:")
              ? credential.substring(4)
              : credential;
      String value = variable == null ? null : environment.get(variable);
      if (value == null || value.isBlank()) {
        throw missingVariable(platformName, variable);
      }
      return Secret.of(value);
    };
  }

  /** The sentence for a token variable that is not set. */
  static UserError missingVariable(String platformName, String variable) {
    return new UserError(
        "No "
            + platformName
            + " token: set the environment variable "
            + variable
            + " to a read-only token (see docs/PERMISSIONS.md), name another with --token-env,"
            + " or use a stored one with --credential NAME.");
  }
}
