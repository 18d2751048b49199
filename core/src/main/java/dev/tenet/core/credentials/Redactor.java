package dev.tenet.core.credentials;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction layer: everything Tenet logs, every error it shows and every finding's evidence
 * passes through here before anyone sees it.
 *
 * <p>It masks two kinds of things: the exact value of every {@link Secret} this process has held
 * (whatever surrounds it), and text that looks like a credential by its shape (token prefixes of
 * the platforms Tenet reads, private-key blocks, JWTs, credentials in URLs, authentication headers,
 * {@code PASSWORD=...} assignments). Every pattern is linear in the length of the text, because the
 * text often comes from an API and is untrusted.
 */
public final class Redactor {
  private Redactor() {}

  /** What a masked value is replaced by. */
  public static final String MASK = "[redacted]";

  /** Shorter secrets are not masked by value: they would mask ordinary words. */
  private static final int MIN_KNOWN_LENGTH = 8;

  private static final Set<Secret> KNOWN =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /** Headers whose value is a credential: never shown, in any log. */
  private static final Set<String> SENSITIVE_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "private-token",
          "job-token",
          "deploy-token",
          "cookie",
          "set-cookie",
          "x-api-key",
          "x-auth-token",
          "x-gitlab-token",
          "x-hub-signature",
          "x-hub-signature-256",
          "x-amz-security-token",
          "x-vault-token");

  /**
   * Evidence keys whose value is a credential itself (normalized: lower case, letters and digits
   * only). Deliberately not "secret" or "token" alone: those usually hold the name of a secret,
   * which is the useful fact.
   */
  private static final Set<String> SENSITIVE_KEY_ENDINGS =
      Set.of(
          "password",
          "passwd",
          "passphrase",
          "privatekey",
          "clientsecret",
          "secretvalue",
          "tokenvalue",
          "accesstoken",
          "refreshtoken",
          "apikey",
          "authorization",
          "cookie",
          "secretaccesskey");

  private record Rule(Pattern pattern, Function<Matcher, String> replacement) {}

  private static final List<Rule> RULES =
      List.of(
          // Platform tokens: the prefix says what kind of token it was, and is not secret.
          prefixed("\\b(gh[pousr]_)[A-Za-z0-9]{20,255}"),
          prefixed("\\b(github_pat_)[A-Za-z0-9_]{20,255}"),
          prefixed(
              "\\b(glpat-|gldt-|glrt-|glptt-|glcbt-|gloas-|glimt-|glsoat-|glft-|glagent-)"
                  + "[A-Za-z0-9_.\\-]{20,255}"),
          prefixed("\\b(GR1348941)[A-Za-z0-9_\\-]{20,255}"),
          prefixed("\\b(xox[abposr]-)[A-Za-z0-9\\-]{10,255}"),
          prefixed("\\b(npm_)[A-Za-z0-9]{36}"),
          prefixed("\\b(pypi-)[A-Za-z0-9_\\-]{40,255}"),
          prefixed("\\b(dckr_pat_)[A-Za-z0-9_\\-]{20,255}"),
          prefixed("\\b(AIza)[A-Za-z0-9_\\-]{35}"),
          prefixed("\\b(sk_live_|rk_live_)[A-Za-z0-9]{20,255}"),
          // AWS access key ids: the last four characters identify the key to rotate, as in AWS.
          new Rule(
              Pattern.compile(
                  "\\b((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{12})([A-Z0-9]{4})\\b"),
              m -> m.group(1).substring(0, 4) + "…" + m.group(2)),
          // JSON Web Tokens (OIDC tokens, GitHub App JWTs).
          new Rule(
              Pattern.compile(
                  "\\beyJ[A-Za-z0-9_\\-]{8,4096}\\.eyJ[A-Za-z0-9_\\-]{8,8192}\\.[A-Za-z0-9_\\-]{8,4096}"),
              m -> "eyJ" + MASK),
          // Authentication headers as they appear in dumps: keep the scheme, mask the value.
          new Rule(
              Pattern.compile(
                  "(?i)\\b((?:proxy-)?authorization\\s*[:=]\\s*[\"']?(?:(?:bearer|basic|token|bot|digest|negotiate)\\s+)?)"
                      + "[^\\s\"',;]{1,4096}"),
              m -> m.group(1) + MASK),
          new Rule(
              Pattern.compile(
                  "(?i)\\b((?:private-token|job-token|deploy-token|x-api-key|x-auth-token|x-gitlab-token"
                      + "|x-vault-token|x-amz-security-token|set-cookie|cookie)\\s*[:=]\\s*)"
                      + "[^\\r\\n]{1,8192}"),
              m -> m.group(1) + MASK),
          // Credentials inside URLs: https://user:password@host, ?access_token=...
          new Rule(
              Pattern.compile(
                  "(?i)\\b([a-z][a-z0-9+.\\-]{0,20}://[^/\\s:@]{0,256}:)[^/\\s@]{1,1024}@"),
              m -> m.group(1) + MASK + "@"),
          new Rule(
              Pattern.compile(
                  "(?i)([?&](?:access_token|private_token|job_token|token|api_key|apikey|password"
                      + "|passwd|secret|client_secret|sig|signature|x-amz-signature"
                      + "|x-amz-credential|x-amz-security-token)=)[^&\\s#\"']{1,4096}"),
              m -> m.group(1) + MASK),
          // AWS secret access keys next to their name.
          new Rule(
              Pattern.compile(
                  "(?i)\\b((?:aws_)?secret_access_key[\"']?\\s*[:=]\\s*[\"']?)[A-Za-z0-9/+=]{40}"),
              m -> m.group(1) + MASK),
          // NAME_PASSWORD=value, token: value ... (not references like ${{ secrets.X }} or $VAR).
          new Rule(
              Pattern.compile(
                  "(?i)\\b([A-Z0-9_.\\-]{0,64}(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY"
                      + "|PRIVATE_?KEY|ACCESS_?KEY)[A-Z0-9_]{0,32}[\"']?\\s{0,4}[:=]\\s{0,4}[\"']?)"
                      + "(?![$%{<\\[(*])([^\\s\"',;]{8,4096})"),
              m -> isHarmlessValue(m.group(2)) ? m.group() : m.group(1) + MASK));

  private static Rule prefixed(String regex) {
    return new Rule(Pattern.compile(regex), m -> m.group(1) + MASK);
  }

  /**
   * Values after a secret-like name that are settings, not secrets (e.g. {@code id-token: write}).
   */
  private static boolean isHarmlessValue(String value) {
    if (value.matches("[A-Z][A-Z0-9_]*")) {
      return true; // An UPPER_SNAKE name: the name of a secret or variable, not its value.
    }
    String v = value.toLowerCase(Locale.ROOT);
    return v.equals("required")
        || v.equals("read-all")
        || v.equals("write-all")
        || v.equals("optional")
        || v.equals("disabled")
        || v.equals("enabled")
        || v.equals("inherit")
        || v.startsWith("secrets.")
        || v.startsWith("env.")
        || v.startsWith("vars.")
        || v.startsWith("keychain:")
        || v.startsWith("vault:")
        || v.startsWith("env:");
  }

  /** Remembers a secret so its exact value is masked wherever it shows up. */
  static void remember(Secret secret) {
    KNOWN.add(secret);
  }

  /** Text with every known secret and every credential-shaped value masked. Null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = maskKnownSecrets(text);
    out = maskPrivateKeys(out);
    for (Rule rule : RULES) {
      out = apply(rule, out);
    }
    return out;
  }

  private static String maskKnownSecrets(String text) {
    List<char[]> values = new ArrayList<>();
    synchronized (KNOWN) {
      for (Secret s : KNOWN) {
        char[] v = s.valueForRedaction();
        if (v != null && v.length >= MIN_KNOWN_LENGTH) {
          values.add(v);
        }
      }
    }
    String out = text;
    for (char[] v : values) {
      String value = new String(v);
      if (out.contains(value)) {
        out = out.replace(value, MASK);
      }
    }
    return out;
  }

  /** PEM private-key blocks, found without a regex so an unterminated block costs linear time. */
  private static String maskPrivateKeys(String text) {
    int begin = text.indexOf("-----BEGIN ");
    if (begin < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (begin >= 0) {
      int labelEnd = text.indexOf("-----", begin + 11);
      if (labelEnd < 0) {
        break;
      }
      String label = text.substring(begin + 11, labelEnd);
      if (!label.endsWith("PRIVATE KEY") || label.length() > 64) {
        begin = text.indexOf("-----BEGIN ", labelEnd);
        continue;
      }
      String endMarker = "-----END " + label + "-----";
      int end = text.indexOf(endMarker, labelEnd + 5);
      int stop = end < 0 ? text.length() : end + endMarker.length();
      out.append(text, from, begin).append("-----BEGIN ").append(label).append("----- ");
      out.append(MASK);
      if (end >= 0) {
        out.append(" ").append(endMarker);
      }
      from = stop;
      begin = text.indexOf("-----BEGIN ", stop);
    }
    out.append(text, from, text.length());
    return out.toString();
  }

  private static String apply(Rule rule, String text) {
    Matcher m = rule.pattern().matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(rule.replacement().apply(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  /** Whether a header carries a credential (and so is never shown). */
  public static boolean isSensitiveHeader(String name) {
    return name != null && SENSITIVE_HEADERS.contains(name.strip().toLowerCase(Locale.ROOT));
  }

  /** A header's value as it may be logged: masked entirely when the header is a credential. */
  public static String header(String name, String value) {
    return isSensitiveHeader(name) ? MASK : redact(value);
  }

  /** Request or response headers as they may be logged. */
  public static Map<String, List<String>> headers(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> out.put(name, values.stream().map(v -> header(name, v)).toList()));
    return out;
  }

  /**
   * Finding evidence with secret-like values masked: string values by shape, and the whole value of
   * keys that name a credential itself ({@code password}, {@code client_secret}...). Maps and lists
   * are walked; other values are kept.
   */
  public static Map<String, Object> evidence(Map<String, Object> evidence) {
    Map<String, Object> out = new LinkedHashMap<>();
    evidence.forEach((key, value) -> out.put(key, evidenceValue(key, value)));
    return out;
  }

  private static Object evidenceValue(String key, Object value) {
    if (value instanceof String s) {
      return isSensitiveKey(key) && !isReference(s) ? MASK : redact(s);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), evidenceValue(String.valueOf(k), v)));
      return out;
    }
    if (value instanceof Collection<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(evidenceValue(key, v)));
      return out;
    }
    return value;
  }

  private static boolean isSensitiveKey(String key) {
    if (key == null) {
      return false;
    }
    String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    for (String ending : SENSITIVE_KEY_ENDINGS) {
      if (k.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  /** A reference to a secret ({@code ${{ secrets.X }}}, {@code $VAR}) names it; it is no secret. */
  private static boolean isReference(String value) {
    String v = value.strip();
    return v.isEmpty()
        || v.startsWith("$")
        || v.startsWith("%")
        || v.startsWith("{{")
        || v.startsWith("<")
        || isHarmlessValue(v);
  }

  /**
   * Whether text looks like a credential itself rather than a name or a reference: a known token
   * format, or a long run of letters and digits with no spaces (high entropy).
   */
  public static boolean looksLikeToken(String text) {
    if (text == null) {
      return false;
    }
    String t = text.strip();
    if (!redact(t).equals(t)) {
      return true;
    }
    if (t.length() < 32 || !t.matches("[A-Za-z0-9_+/=.\\-]+")) {
      return false;
    }
    boolean upper = t.chars().anyMatch(Character::isUpperCase);
    boolean lower = t.chars().anyMatch(Character::isLowerCase);
    boolean digit = t.chars().anyMatch(Character::isDigit);
    return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) >= 2;
  }
}
