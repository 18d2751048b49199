package dev.tenet.core.iam;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One test of a policy statement's {@code Condition} block: an operator applied to one key and its
 * values (several values are alternatives). A statement's conditions must all hold.
 *
 * @param operator the base operator, e.g. StringLike (without set qualifier or IfExists)
 * @param qualifier ForAnyValue / ForAllValues, for multi-valued keys
 * @param ifExists the operator ends in IfExists: an absent key satisfies it
 * @param key the condition key as written, e.g. token.actions.githubusercontent.com:sub
 * @param values the values to compare with
 */
public record Condition(
    String operator, Qualifier qualifier, boolean ifExists, String key, List<String> values) {

  /** Set operators for multi-valued keys. */
  public enum Qualifier {
    NONE,
    FOR_ANY_VALUE,
    FOR_ALL_VALUES
  }

  public Condition {
    values = List.copyOf(values);
  }

  /** Parses an operator as written in a policy, e.g. {@code ForAnyValue:StringLikeIfExists}. */
  public static Condition of(String operatorText, String key, List<String> values) {
    String op = operatorText.strip();
    Qualifier qualifier = Qualifier.NONE;
    String lower = op.toLowerCase(Locale.ROOT);
    if (lower.startsWith("foranyvalue:")) {
      qualifier = Qualifier.FOR_ANY_VALUE;
      op = op.substring("ForAnyValue:".length());
    } else if (lower.startsWith("forallvalues:")) {
      qualifier = Qualifier.FOR_ALL_VALUES;
      op = op.substring("ForAllValues:".length());
    }
    boolean ifExists = false;
    if (op.toLowerCase(Locale.ROOT).endsWith("ifexists")) {
      ifExists = true;
      op = op.substring(0, op.length() - "IfExists".length());
    }
    return new Condition(op, qualifier, ifExists, key, values);
  }

  /** The operator as written in the policy. */
  public String operatorText() {
    String prefix =
        switch (qualifier) {
          case NONE -> "";
          case FOR_ANY_VALUE -> "ForAnyValue:";
          case FOR_ALL_VALUES -> "ForAllValues:";
        };
    return prefix + operator + (ifExists ? "IfExists" : "");
  }

  private String op() {
    return operator.toLowerCase(Locale.ROOT);
  }

  /** StringLike, StringNotLike, ArnLike, ArnNotLike: {@code *} and {@code ?} are wildcards. */
  public boolean isLike() {
    return op().endsWith("like");
  }

  /** The operator succeeds when the value does NOT match (StringNotEquals, StringNotLike...). */
  public boolean isNegated() {
    String o = op();
    return o.startsWith("stringnot") || o.startsWith("arnnot") || o.equals("notipaddress");
  }

  /** A string or ARN comparison, whose values are names Tenet can reason about. */
  public boolean isStringComparison() {
    String o = op();
    return o.startsWith("string") || o.startsWith("arn");
  }

  /** Whether the key matches (condition keys are case-insensitive). */
  public boolean isKey(String otherKey) {
    return key.equalsIgnoreCase(otherKey);
  }

  /** Evaluates the condition against a request, with IAM's semantics. */
  public Ternary evaluate(RequestContext request) {
    Optional<List<String>> found = request.lookup(key);
    if (found.isEmpty()) {
      return Ternary.UNKNOWN;
    }
    List<String> present = found.get();
    String o = op();
    if (o.equals("null")) {
      boolean wantsAbsent = values.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
      return Ternary.of(wantsAbsent == present.isEmpty());
    }
    if (!isStringComparison() && !o.equals("bool")) {
      return Ternary.UNKNOWN; // Numeric, Date, IpAddress, Binary: not needed for trust analysis.
    }
    if (present.isEmpty()) {
      if (ifExists || qualifier == Qualifier.FOR_ALL_VALUES) {
        return Ternary.TRUE;
      }
      if (qualifier == Qualifier.FOR_ANY_VALUE) {
        return Ternary.FALSE;
      }
      return Ternary.of(isNegated());
    }
    boolean negated = isNegated();
    return switch (qualifier) {
      case FOR_ALL_VALUES -> Ternary.of(present.stream().allMatch(v -> matchesAny(v) != negated));
      case FOR_ANY_VALUE -> Ternary.of(present.stream().anyMatch(v -> matchesAny(v) != negated));
      case NONE ->
          negated
              ? Ternary.of(present.stream().noneMatch(this::matchesAny))
              : Ternary.of(present.stream().anyMatch(this::matchesAny));
    };
  }

  /** Whether a request value matches one of the condition's values, ignoring negation. */
  public boolean matchesAny(String requestValue) {
    String o = op();
    boolean ignoreCase = o.contains("ignorecase") || o.equals("bool");
    for (String v : values) {
      boolean match;
      if (isLike() || o.startsWith("arn")) {
        match = IamGlob.matches(v, requestValue);
      } else if (ignoreCase) {
        match = v.equalsIgnoreCase(requestValue);
      } else {
        match = v.equals(requestValue);
      }
      if (match) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return operatorText() + " " + key + " " + values;
  }
}
