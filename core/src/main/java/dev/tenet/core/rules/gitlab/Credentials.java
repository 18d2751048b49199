package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a CI/CD variable holds a credential, judged by its name and by the shape the connector
 * saw in its value (never the value itself). A value shaped like a known credential format decides
 * on its own; otherwise the name does, so that {@code LOG_LEVEL=debug} stays harmless while {@code
 * DEPLOY_TOKEN} does not.
 */
final class Credentials {
  private Credentials() {}

  /** Value shapes that are credentials whatever the variable is called. */
  private static final Set<String> CREDENTIAL_SHAPES =
      Set.of(
          "private-key",
          "gitlab-token",
          "github-token",
          "aws-access-key",
          "slack-token",
          "jwt",
          "url-with-credentials");

  /** Words that name a secret on their own. */
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "TOKEN",
          "SECRET",
          "SECRETS",
          "PASSWORD",
          "PASSWD",
          "PASS",
          "PWD",
          "APIKEY",
          "CREDENTIAL",
          "CREDENTIALS",
          "CREDS",
          "AUTH",
          "DSN",
          "KUBECONFIG",
          "PAT",
          "NPMRC",
          "PYPIRC",
          "NETRC",
          "PASSPHRASE");

  /** Words that, before KEY, make it a secret key rather than e.g. a cache key. */
  private static final Set<String> KEY_QUALIFIERS =
      Set.of(
          "API",
          "ACCESS",
          "SECRET",
          "PRIVATE",
          "SIGNING",
          "ENCRYPTION",
          "SSH",
          "DEPLOY",
          "GPG",
          "PGP",
          "LICENSE",
          "MASTER",
          "ACCOUNT",
          "SERVICE",
          "CLIENT",
          "APP",
          "AWS",
          "GCP",
          "AZURE");

  /** A last word that says the variable names where or what, not the secret itself. */
  private static final Set<String> NON_SECRET_ENDINGS =
      Set.of(
          "URL",
          "URI",
          "HOST",
          "HOSTNAME",
          "PATH",
          "DIR",
          "NAME",
          "USER",
          "USERNAME",
          "LOGIN",
          "ENDPOINT",
          "REGION",
          "PORT",
          "ENABLED",
          "DISABLED",
          "TYPE",
          "LENGTH",
          "TTL",
          "EXPIRY",
          "EXPIRES",
          "ID",
          "SHA",
          "HASH",
          "CHECKSUM",
          "DIGEST",
          "VERSION",
          "LEVEL",
          "MODE",
          "FORMAT",
          "HEADER",
          "SCOPE",
          "SCOPES",
          "POLICY",
          "PROVIDER",
          "ISSUER",
          "AUDIENCE");

  /** Whether the variable holds a credential; empty when neither name nor shape can tell. */
  static boolean holdsCredential(Entity variable) {
    Optional<String> shape = variable.text(Attr.VALUE_SHAPE);
    if (shape.isPresent() && CREDENTIAL_SHAPES.contains(shape.get())) {
      return true;
    }
    if (shape.isPresent() && shape.get().equals("empty")) {
      return false;
    }
    boolean named = nameSuggestsSecret(variable.name());
    if (named) {
      return true;
    }
    // A random-looking value under a neutral name (not an id, hash or version) is a secret too.
    return shape.isPresent() && shape.get().equals("high-entropy") && !namedAsNonSecret(variable);
  }

  static boolean nameSuggestsSecret(String name) {
    List<String> words = words(name);
    if (words.isEmpty() || NON_SECRET_ENDINGS.contains(words.get(words.size() - 1))) {
      return false;
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (SECRET_WORDS.contains(w)) {
        return true;
      }
      if (w.equals("KEY") && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
        return true;
      }
      if (w.endsWith("TOKEN") || w.endsWith("PASSWORD") || w.endsWith("SECRET")) {
        return true; // GITLABTOKEN, DBPASSWORD
      }
    }
    // GOOGLE_APPLICATION_CREDENTIALS, DOCKER_AUTH_CONFIG and their like.
    return name.toUpperCase(Locale.ROOT).contains("AUTH_CONFIG");
  }

  private static boolean namedAsNonSecret(Entity variable) {
    List<String> words = words(variable.name());
    return !words.isEmpty() && NON_SECRET_ENDINGS.contains(words.get(words.size() - 1));
  }

  private static List<String> words(String name) {
    // CamelCase and separators both split words: apiKey, API_KEY, api-key, api.key.
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    return List.of(spaced.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+")).stream()
        .filter(w -> !w.isEmpty())
        .toList();
  }
}
