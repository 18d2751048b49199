package dev.tenet.core.trust;

import java.util.Optional;

/**
 * The breadth of one subject pattern or of a statement's subject conditions.
 *
 * @param breadth how much it lets in; empty when the pattern is in a format Tenet does not know (a
 *     customized subject template)
 * @param pattern the pattern that decides it, or "(none)" when there is no subject condition
 * @param operator the condition operator it is used with, or empty
 * @param example a subject an attacker could present that the pattern admits, or empty
 */
public record SubjectScope(
    Optional<Breadth> breadth, String pattern, String operator, String example) {

  public static SubjectScope of(Breadth breadth, String pattern, String operator, String example) {
    return new SubjectScope(Optional.of(breadth), pattern, operator, example);
  }

  public static SubjectScope unrecognized(String pattern, String operator) {
    return new SubjectScope(Optional.empty(), pattern, operator, "");
  }
}
