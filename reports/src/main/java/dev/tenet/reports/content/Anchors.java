package dev.tenet.reports.content;

/** Fragment ids for links inside a report; made only of characters safe in ids and URLs. */
public final class Anchors {
  private Anchors() {}

  /** Keeps ASCII letters, digits, '-' and '_'; everything else becomes '-'. */
  public static String safe(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      out.append(ok ? c : '-');
    }
    return out.toString();
  }

  public static String finding(String findingId) {
    return "f-" + safe(findingId);
  }
}
