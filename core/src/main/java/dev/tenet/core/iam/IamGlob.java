package dev.tenet.core.iam;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * IAM's wildcard matching: {@code *} matches any run of characters (also none, also across {@code
 * :} and {@code /}), {@code ?} exactly one. Used by the *Like condition operators and by action and
 * resource patterns.
 */
public final class IamGlob {
  private IamGlob() {}

  public static boolean matches(String pattern, String value) {
    return matches(pattern, value, false);
  }

  public static boolean matchesIgnoreCase(String pattern, String value) {
    return matches(pattern, value, true);
  }

  private static boolean matches(String pattern, String value, boolean ignoreCase) {
    String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
    String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
    // Iterative matching with backtracking to the last star: linear in practice, no recursion.
    int pi = 0;
    int vi = 0;
    int star = -1;
    int resume = 0;
    while (vi < v.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
        pi++;
        vi++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        resume = vi;
      } else if (star >= 0) {
        pi = star + 1;
        vi = ++resume;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }

  public static boolean hasWildcard(String pattern) {
    return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
  }

  /**
   * What is left of a pattern once a literal prefix has been consumed: for each way the pattern can
   * match a string starting with {@code prefix}, the rest of the pattern that the remainder of that
   * string must match. Empty when no string with that prefix matches.
   */
  public static List<String> completions(String pattern, String prefix) {
    TreeSet<Integer> states = closure(pattern, Set.of(0));
    for (int k = 0; k < prefix.length() && !states.isEmpty(); k++) {
      char c = prefix.charAt(k);
      Set<Integer> next = new HashSet<>();
      for (int i : states) {
        if (i >= pattern.length()) {
          continue;
        }
        char p = pattern.charAt(i);
        if (p == '*') {
          next.add(i);
        } else if (p == '?' || p == c) {
          next.add(i + 1);
        }
      }
      states = closure(pattern, next);
    }
    List<String> out = new ArrayList<>();
    for (int i : states) {
      out.add(pattern.substring(i));
    }
    return out;
  }

  private static TreeSet<Integer> closure(String pattern, Set<Integer> states) {
    TreeSet<Integer> out = new TreeSet<>(states);
    Deque<Integer> work = new ArrayDeque<>(states);
    while (!work.isEmpty()) {
      int i = work.pop();
      if (i < pattern.length() && pattern.charAt(i) == '*' && out.add(i + 1)) {
        work.push(i + 1);
      }
    }
    return out;
  }
}
