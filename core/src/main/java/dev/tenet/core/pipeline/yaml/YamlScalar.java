package dev.tenet.core.pipeline.yaml;

import java.util.Locale;
import java.util.Optional;

/** A scalar: its value as YAML reads it, its style, and where its text is. */
public final class YamlScalar implements YamlNode {
  /** How the scalar was written; decides how its value maps back onto the file. */
  public enum Style {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL,
    FOLDED
  }

  private final SourceText source;
  private final String value;
  private final Style style;
  private final int startOffset;
  private final int endOffset;
  private final Pos start;
  private final Pos end;
  private final String tag;

  public YamlScalar(
      SourceText source,
      String value,
      Style style,
      int startOffset,
      int endOffset,
      Pos start,
      Pos end,
      String tag) {
    this.source = source;
    this.value = value;
    this.style = style;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.start = start;
    this.end = end;
    this.tag = tag;
  }

  public String value() {
    return value;
  }

  public Style style() {
    return style;
  }

  public boolean isBlock() {
    return style == Style.LITERAL || style == Style.FOLDED;
  }

  public boolean isQuoted() {
    return style == Style.SINGLE_QUOTED || style == Style.DOUBLE_QUOTED;
  }

  /** A plain empty value, {@code ~} or {@code null}. */
  public boolean isNull() {
    return style == Style.PLAIN
        && (value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null"));
  }

  /**
   * The value as a YAML boolean, for settings documented as booleans: {@code true}/{@code false} in
   * any case, quoted or not (GitHub coerces action inputs to strings anyway).
   */
  public Optional<Boolean> bool() {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  @Override
  public SourceText source() {
    return source;
  }

  @Override
  public Pos start() {
    return start;
  }

  @Override
  public Pos end() {
    return end;
  }

  @Override
  public int startOffset() {
    return startOffset;
  }

  @Override
  public int endOffset() {
    return endOffset;
  }

  @Override
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  @Override
  public long weight() {
    return 1;
  }

  /**
   * Where the value's text begins: for a block scalar ({@code |} or {@code >}) the first line after
   * the indicator, otherwise the node's start (after an opening quote).
   */
  public Pos contentStart() {
    if (isBlock()) {
      String t = source.text();
      int nl = t.indexOf('\n', startOffset);
      if (nl < 0 || nl >= endOffset) {
        return start;
      }
      int i = nl + 1;
      while (i < endOffset) {
        int lineEnd = t.indexOf('\n', i);
        int stop = lineEnd < 0 || lineEnd > endOffset ? endOffset : lineEnd;
        int j = i;
        while (j < stop && (t.charAt(j) == ' ' || t.charAt(j) == '\t' || t.charAt(j) == '\r')) {
          j++;
        }
        if (j < stop) {
          return source.position(j);
        }
        if (lineEnd < 0) {
          break;
        }
        i = lineEnd + 1;
      }
      return source.position(Math.min(nl + 1, t.length()));
    }
    if (isQuoted()) {
      return source.position(Math.min(startOffset + 1, source.text().length()));
    }
    return start;
  }

  /**
   * Where the {@code occurrence}-th (0-based) appearance of {@code needle} in the value is written
   * in the file. Needles such as {@code ${{ ... }}} appear verbatim in every scalar style unless a
   * folded line break or an escape cuts through them; then the value's start is the best answer.
   */
  public Pos positionOf(String needle, int occurrence) {
    if (needle.isEmpty()) {
      return contentStart();
    }
    String t = source.text();
    int from = startOffset;
    int limit = Math.min(endOffset, t.length());
    int seen = 0;
    while (from <= limit) {
      int at = t.indexOf(needle, from);
      if (at < 0 || at + needle.length() > limit) {
        break;
      }
      if (seen == occurrence) {
        return source.position(at);
      }
      seen++;
      from = at + needle.length();
    }
    return contentStart();
  }

  /**
   * The position of a char offset into {@link #value()}, found through the text around it: the
   * offset's line of the value is looked up verbatim in the file. Falls back to the value's start.
   */
  public Pos positionOfOffset(int valueOffset) {
    int lineStart = value.lastIndexOf('\n', Math.max(0, valueOffset - 1)) + 1;
    if (valueOffset == 0) {
      lineStart = 0;
    }
    int lineEnd = value.indexOf('\n', valueOffset);
    String line = value.substring(lineStart, lineEnd < 0 ? value.length() : lineEnd);
    String needle = line.strip();
    if (needle.isEmpty()) {
      return contentStart();
    }
    int occurrence = 0;
    int idx = value.indexOf(needle);
    while (idx >= 0 && idx < lineStart) {
      occurrence++;
      idx = value.indexOf(needle, idx + 1);
    }
    Pos lineAt = positionOf(needle, occurrence);
    int lead = line.indexOf(needle);
    int col = lineAt.column() + Math.max(0, value.codePointCount(lineStart + lead, valueOffset));
    if (valueOffset < lineStart + lead) {
      col = lineAt.column();
    }
    return new Pos(lineAt.line(), col);
  }

  @Override
  public String toString() {
    return value;
  }
}
