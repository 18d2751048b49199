package dev.tenet.core.credentials;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a token lives, named without the token: {@code keychain:NAME} (the OS keychain), {@code
 * vault:NAME} (the encrypted vault file) or {@code env:VAR} (an environment variable, for headless
 * runs). Connections and configuration files hold references, never tokens.
 */
public record CredentialReference(Kind kind, String name) {
  /** A stored credential's name: letters, digits, dot, dash, underscore; up to 64. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  /** The places a credential can live. */
  public enum Kind {
    KEYCHAIN,
    VAULT,
    ENV;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public CredentialReference {
    if (kind == null || name == null) {
      throw new CredentialException("A credential reference needs a kind and a name.");
    }
    if (!(kind == Kind.ENV ? VARIABLE : NAME).matcher(name).matches()) {
      throw new CredentialException(
          kind == Kind.ENV
              ? "'" + shown(name) + "' is not an environment variable name."
              : "'"
                  + shown(name)
                  + "' is not a valid credential name: use letters, digits, '.', '-' or '_'"
                  + " (up to 64, starting with a letter or digit).");
    }
  }

  public static CredentialReference env(String variable) {
    return new CredentialReference(Kind.ENV, variable);
  }

  public static CredentialReference keychain(String name) {
    return new CredentialReference(Kind.KEYCHAIN, name);
  }

  public static CredentialReference vault(String name) {
    return new CredentialReference(Kind.VAULT, name);
  }

  /** Whether text has the {@code kind:name} form (whatever the kind). */
  public static boolean isQualified(String text) {
    if (text == null) {
      return false;
    }
    int colon = text.indexOf(':');
    return colon > 0 && kindOf(text.substring(0, colon)) != null;
  }

  /**
   * Parses {@code keychain:NAME}, {@code vault:NAME} or {@code env:VAR}.
   *
   * @throws CredentialException for anything else, with a sentence saying what is expected (and
   *     never echoing text that looks like a token)
   */
  public static CredentialReference parse(String text) {
    if (text == null || text.isBlank()) {
      throw new CredentialException(
          "A credential reference is empty: use keychain:NAME, vault:NAME or env:VAR.");
    }
    String t = text.strip();
    if (Redactor.looksLikeToken(t)) {
      throw tokenGiven();
    }
    int colon = t.indexOf(':');
    Kind kind = colon > 0 ? kindOf(t.substring(0, colon)) : null;
    if (kind == null) {
      throw new CredentialException(
          "'"
              + shown(t)
              + "' is not a credential reference: use keychain:NAME, vault:NAME or env:VAR.");
    }
    return new CredentialReference(kind, t.substring(colon + 1));
  }

  /** The error for a token given where a reference belongs (e.g. on the command line). */
  public static CredentialException tokenGiven() {
    return new CredentialException(
        "That looks like a token itself, not a reference to one. Tenet never takes tokens as"
            + " arguments (they stay in shell history and the process list): revoke it, then store"
            + " a new one with 'tenet credentials add NAME' and refer to it by name.");
  }

  private static Kind kindOf(String prefix) {
    for (Kind k : Kind.values()) {
      if (k.id().equalsIgnoreCase(prefix)) {
        return k;
      }
    }
    return null;
  }

  /** Untrusted text quoted in a message: one line, short, credential shapes masked. */
  private static String shown(String text) {
    String oneLine = Redactor.redact(text).replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
  }

  @Override
  public String toString() {
    return kind.id() + ":" + name;
  }
}
