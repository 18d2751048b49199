package dev.tenet.core.pipeline.yaml;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one file with a line index, so that any offset into it turns into a 1-based line and
 * column. Columns count code points, as editors and SARIF viewers do.
 */
public final class SourceText {
  private final String path;
  private final String text;
  private int[] lineStarts;
  private final boolean bmpOnly;
  private Map<Integer, Set<String>> ignores;

  /** {@code # tenet: ignore[a, b]}, and zizmor's own form, which Tenet honours too. */
  private static final Pattern IGNORE =
      Pattern.compile("#\\s*(tenet|zizmor)\\s*:\\s*ignore\\[([^\\]]*)\\]");

  public SourceText(String path, String text) {
    this.path = path;
    this.text = text;
    boolean bmp = true;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        bmp = false;
        break;
      }
    }
    this.bmpOnly = bmp;
  }

  /** True when no character needs two chars: code point indexes are char offsets. */
  public boolean bmpOnly() {
    return bmpOnly;
  }

  /** The path as the file was given (repository-relative in a scan, as typed in a lint). */
  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return starts().length;
  }

  /** The text of a 1-based line, without its line break; empty past the end. */
  public String line(int line) {
    int[] s = starts();
    if (line < 1 || line > s.length) {
      return "";
    }
    int start = s[line - 1];
    int end = line < s.length ? s[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The char offset where a 1-based line starts. */
  public int lineStart(int line) {
    int[] s = starts();
    if (line < 1) {
      return 0;
    }
    return line > s.length ? text.length() : s[line - 1];
  }

  /** The char offset of a 1-based line and code-point column. */
  public int offset(int line, int column) {
    int start = lineStart(line);
    int limit = line < starts().length ? starts()[line] : text.length();
    if (bmpOnly) {
      return Math.min(limit, start + Math.max(0, column - 1));
    }
    try {
      return Math.min(limit, text.offsetByCodePoints(start, Math.max(0, column - 1)));
    } catch (IndexOutOfBoundsException e) {
      return limit;
    }
  }

  /** The position of a char offset. */
  public Pos position(int offset) {
    int[] s = starts();
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int idx = Arrays.binarySearch(s, clamped);
    int lineIndex = idx >= 0 ? idx : -idx - 2;
    int start = s[Math.max(0, lineIndex)];
    int column = bmpOnly ? clamped - start : text.codePointCount(start, clamped);
    return new Pos(lineIndex + 1, column + 1);
  }

  private int[] starts() {
    if (lineStarts == null) {
      int[] s = new int[64];
      int n = 1;
      int at = text.indexOf('\n');
      while (at >= 0) {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
        }
        s[n++] = at + 1;
        at = text.indexOf('\n', at + 1);
      }
      lineStarts = Arrays.copyOf(s, n);
    }
    return lineStarts;
  }

  /**
   * The names listed in ignore comments ({@code # tenet: ignore[...]}, {@code # zizmor:
   * ignore[...]}) on a 1-based line, lower-case, each prefixed with its tool ({@code
   * tenet:script-injection}).
   */
  public Set<String> ignoresAt(int line) {
    if (ignores == null) {
      Map<Integer, Set<String>> found = new HashMap<>();
      if (text.contains("ignore[")) {
        Matcher m = IGNORE.matcher(text);
        while (m.find()) {
          int l = position(m.start()).line();
          Set<String> names = found.computeIfAbsent(l, k -> new TreeSet<>());
          for (String name : m.group(2).split(",")) {
            if (!name.isBlank()) {
              names.add(
                  m.group(1).toLowerCase(Locale.ROOT)
                      + ":"
                      + name.strip().toLowerCase(Locale.ROOT));
            }
          }
        }
      }
      ignores = found;
    }
    return ignores.getOrDefault(line, Set.of());
  }
}
