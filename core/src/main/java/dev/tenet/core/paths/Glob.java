package dev.tenet.core.paths;

import java.util.Locale;
import java.util.regex.Pattern;

/** A case-insensitive name pattern: {@code *} matches any run of characters, {@code ?} one. */
record Glob(String text, Pattern pattern) {

  static Glob of(String text) {
    StringBuilder regex = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new Glob(
        text, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
  }

  boolean matches(String value) {
    return value != null && pattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return text.toLowerCase(Locale.ROOT);
  }
}
