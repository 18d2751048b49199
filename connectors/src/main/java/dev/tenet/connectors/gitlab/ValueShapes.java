package dev.tenet.connectors.gitlab;

import java.util.regex.Pattern;

/**
 * What a CI/CD variable's value looks like, so rules can judge it without the value ever leaving
 * the connector: the shape is recorded, the value is dropped. Known credential formats are
 * recognised by their fixed prefixes; anything else long and random-looking is "high-entropy".
 */
final class ValueShapes {
  private ValueShapes() {}

  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----");
  private static final Pattern GITLAB_TOKEN =
      Pattern.compile(
          "^(glpat|gldt|glrt|glptt|glcbt|glft|glimt|glagent|gloas|glsoat|glffct|glwt)-[0-9A-Za-z_.-]{16,}$"
              + "|^GR1348941[0-9A-Za-z_-]{20,}$");
  private static final Pattern GITHUB_TOKEN =
      Pattern.compile("^(gh[pousr]_[0-9A-Za-z]{30,}|github_pat_[0-9A-Za-z_]{40,})$");
  private static final Pattern AWS_KEY = Pattern.compile("^(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}$");
  private static final Pattern SLACK_TOKEN = Pattern.compile("^xox[abposr]-[0-9A-Za-z-]{10,}$");
  private static final Pattern JWT =
      Pattern.compile("^eyJ[0-9A-Za-z_-]{5,}\\.eyJ[0-9A-Za-z_-]{5,}\\.[0-9A-Za-z_-]*$");
  private static final Pattern URL_WITH_CREDENTIALS =
      Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@");

  /** The shape of a value; null for a value the API did not reveal (hidden variables). */
  static String of(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.isEmpty()) {
      return "empty";
    }
    if (PRIVATE_KEY.matcher(v).find()) {
      return "private-key";
    }
    if (GITLAB_TOKEN.matcher(v).matches()) {
      return "gitlab-token";
    }
    if (GITHUB_TOKEN.matcher(v).matches()) {
      return "github-token";
    }
    if (AWS_KEY.matcher(v).matches()) {
      return "aws-access-key";
    }
    if (SLACK_TOKEN.matcher(v).matches()) {
      return "slack-token";
    }
    if (JWT.matcher(v).matches()) {
      return "jwt";
    }
    if (URL_WITH_CREDENTIALS.matcher(v).find()) {
      return "url-with-credentials";
    }
    return looksRandom(v) ? "high-entropy" : "text";
  }

  /**
   * Long, without spaces, and spread over many symbols: 16+ characters with at least 3.5 bits of
   * entropy per character and mixed character classes (or 32+ hex digits).
   */
  static boolean looksRandom(String v) {
    if (v.length() < 16 || v.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    if (v.length() >= 32 && v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return true;
    }
    int classes = 0;
    classes += v.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += v.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += v.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += v.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    return classes >= 3 && entropy(v) >= 3.5;
  }

  static double entropy(String v) {
    int[] counts = new int[128];
    int other = 0;
    for (char c : v.toCharArray()) {
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double bits = 0;
    for (int n : counts) {
      if (n > 0) {
        double p = (double) n / v.length();
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = (double) other / v.length();
      bits -= p * Math.log(p) / Math.log(2);
    }
    return bits;
  }
}
