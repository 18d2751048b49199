package dev.tenet.reports.html;

/**
 * Writes XHTML with escaping by default: text and attribute values always go through {@link
 * #escape}, so text from platform APIs (a repository named {@code <script>}) stays text. Tag and
 * attribute names are constants of the report code, never data. Only {@link #raw} writes unescaped,
 * and only for markup and stylesheets the report code produced itself.
 *
 * <p>The output is well-formed XML (the PDF renderer parses it as XML) and valid HTML5: characters
 * XML 1.0 forbids (most control characters, lone surrogates) and bidirectional overrides become
 * U+FFFD.
 */
public final class Html {
  private final StringBuilder out;

  public Html(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  /** Opens an element; attributes come in name, value pairs, and a null value omits the pair. */
  public Html open(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append('>');
    return this;
  }

  public Html close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** A void element such as meta or br, written self-closed. */
  public Html empty(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append("/>");
    return this;
  }

  /** An element holding only text. */
  public Html el(String tag, Object text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /**
   * A link; its text is also its title, which PDF/UA requires of every link and which screen
   * readers announce.
   */
  public Html link(Object text, String href, String... attributes) {
    String[] all = new String[attributes.length + 4];
    all[0] = "href";
    all[1] = href;
    all[2] = "title";
    all[3] = text == null ? "" : String.valueOf(text);
    System.arraycopy(attributes, 0, all, 4, attributes.length);
    return open("a", all).text(text).close("a");
  }

  public Html text(Object text) {
    if (text != null) {
      escape(String.valueOf(text), out);
    }
    return this;
  }

  /** Markup the report code produced itself; never text that came from outside. */
  public Html raw(String trusted) {
    out.append(trusted);
    return this;
  }

  public Html newline() {
    out.append('\n');
    return this;
  }

  private void attributes(String[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("Attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] == null) {
        continue;
      }
      out.append(' ').append(attributes[i]).append("=\"");
      escape(attributes[i + 1], out);
      out.append('"');
    }
  }

  /**
   * Bidirectional overrides and isolates: in a name from an API they can make text read differently
   * from what it is ("Trojan Source"), so a report never passes them on.
   */
  private static boolean bidi(char c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  public int length() {
    return out.length();
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** The text, escaped for XHTML text and attribute values. */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    escape(text, b);
    return b.toString();
  }

  static void escape(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\t', '\n', '\r' -> out.append(c);
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || (c >= 0x7F && c <= 0x9F) || bidi(c)) {
            out.append('\uFFFD');
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
              out.append(c).append(s.charAt(++i));
            } else {
              out.append('\uFFFD');
            }
          } else if (Character.isLowSurrogate(c)) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
