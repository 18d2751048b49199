package dev.tenet.core.pipeline.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A shell script split into simple commands, the way a POSIX shell reads it: quotes, escapes, line
 * continuations, comments, {@code $(...)} and backticks, pipes and lists, redirections and
 * here-documents. Not an interpreter: enough to tell which program runs with which arguments and
 * where its output goes. PowerShell and cmd scripts split well enough for redirections too.
 */
public final class ShellScript {

  /** A word as written and as the shell would see it before expansion. */
  public record Word(String raw, String value, int offset, boolean expands, boolean quoted) {
    /** True when the word is a plain literal: no variable, substitution or glob. */
    public boolean literal() {
      return !expands;
    }
  }

  /**
   * An output or input redirection.
   *
   * @param op {@code >}, {@code >>}, {@code <}, {@code 2>} ...
   * @param target the file word
   */
  public record Redirect(String op, Word target) {}

  /**
   * A simple command.
   *
   * @param words program and arguments (assignments in front are left out)
   * @param redirects its redirections
   * @param offset where it starts in the script
   * @param pipeline index of the pipeline it belongs to
   * @param pipedFrom true when another command's output is piped into it
   * @param heredoc the here-document fed to it, or empty
   */
  public record Command(
      List<Word> words,
      List<Redirect> redirects,
      int offset,
      int pipeline,
      boolean pipedFrom,
      String heredoc) {

    public String name() {
      return words.isEmpty() ? "" : words.get(0).value();
    }

    /** The program's base name, lower-case: {@code /usr/bin/python3} gives {@code python3}. */
    public String program() {
      String n = name();
      int slash = n.lastIndexOf('/');
      return (slash >= 0 ? n.substring(slash + 1) : n).toLowerCase(Locale.ROOT);
    }

    public List<String> args() {
      List<String> out = new ArrayList<>();
      for (int k = 1; k < words.size(); k++) {
        out.add(words.get(k).value());
      }
      return out;
    }

    /** The command as written, space-separated. */
    public String text() {
      StringBuilder sb = new StringBuilder();
      for (Word w : words) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(w.raw());
      }
      for (Redirect r : redirects) {
        sb.append(' ').append(r.op()).append(' ').append(r.target().raw());
      }
      return sb.toString();
    }
  }

  private static final java.util.regex.Pattern ASSIGNMENT =
      java.util.regex.Pattern.compile(
          "[A-Za-z_][A-Za-z0-9_]*\\+?=.*", java.util.regex.Pattern.DOTALL);

  private final String src;
  private int i;
  private final List<Command> commands = new ArrayList<>();
  private List<Word> words = new ArrayList<>();
  private List<Redirect> redirects = new ArrayList<>();
  private final List<String> pendingHeredocs = new ArrayList<>();
  private final List<Integer> pendingHeredocCommands = new ArrayList<>();
  private int commandStart = -1;
  private int pipeline;
  private boolean nextPiped;

  private ShellScript(String src) {
    this.src = src;
  }

  public static List<Command> parse(String script) {
    ShellScript s = new ShellScript(script == null ? "" : script);
    s.run();
    return s.commands;
  }

  private void run() {
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\\' && i + 1 < src.length() && src.charAt(i + 1) == '\n') {
        i += 2;
      } else if (c == '\\'
          && i + 2 < src.length()
          && src.charAt(i + 1) == '\r'
          && src.charAt(i + 2) == '\n') {
        i += 3;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '\n') {
        end(false);
        i++;
        readHeredocs();
        pipeline++;
      } else if (c == '#' && (i == 0 || isBreak(src.charAt(i - 1)))) {
        while (i < src.length() && src.charAt(i) != '\n') {
          i++;
        }
      } else if (c == ';'
          || c == '&'
          || c == '|'
          || c == '('
          || c == ')'
          || c == '{' && isStandalone(i)
          || c == '}' && isStandalone(i)) {
        if (c == '&' && i + 1 < src.length() && src.charAt(i + 1) == '>') {
          redirect();
          continue;
        }
        boolean pipe = c == '|' && !(i + 1 < src.length() && src.charAt(i + 1) == '|');
        end(pipe);
        if (!pipe) {
          pipeline++;
        }
        i++;
        if (i < src.length()
            && (src.charAt(i) == '|' || src.charAt(i) == '&')
            && (c == '|' || c == '&')) {
          i++;
        }
      } else if (c == '>'
          || c == '<'
          || (Character.isDigit(c)
              && i + 1 < src.length()
              && (src.charAt(i + 1) == '>' || src.charAt(i + 1) == '<')
              && atWordStart())) {
        if (c == '<' && src.startsWith("<<", i) && !src.startsWith("<<<", i)) {
          heredoc();
        } else if (c == '<' && i + 1 < src.length() && src.charAt(i + 1) == '(') {
          Word w = word();
          addWord(w);
        } else {
          redirect();
        }
      } else {
        addWord(word());
      }
    }
    end(false);
  }

  private boolean atWordStart() {
    return i == 0 || isBreak(src.charAt(i - 1));
  }

  private boolean isStandalone(int k) {
    boolean before = k == 0 || isBreak(src.charAt(k - 1));
    boolean after = k + 1 >= src.length() || isBreak(src.charAt(k + 1)) || src.charAt(k + 1) == ';';
    return before && after;
  }

  private static boolean isBreak(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|'
        || c == '(' || c == ')';
  }

  private void addWord(Word w) {
    if (w == null) {
      return;
    }
    if (words.isEmpty() && commandStart < 0) {
      commandStart = w.offset();
    }
    // Assignments in front of the program (FOO=bar cmd) are not the program.
    if (words.isEmpty() && !w.quoted() && ASSIGNMENT.matcher(w.raw()).matches()) {
      return;
    }
    words.add(w);
  }

  private void end(boolean pipe) {
    if (!words.isEmpty() || !redirects.isEmpty()) {
      commands.add(
          new Command(
              List.copyOf(words),
              List.copyOf(redirects),
              commandStart < 0 ? i : commandStart,
              pipeline,
              nextPiped,
              ""));
      for (int k = 0; k < pendingHeredocCommands.size(); k++) {
        if (pendingHeredocCommands.get(k) == -1) {
          pendingHeredocCommands.set(k, commands.size() - 1);
        }
      }
    }
    words = new ArrayList<>();
    redirects = new ArrayList<>();
    commandStart = -1;
    nextPiped = pipe;
  }

  private void redirect() {
    int start = i;
    while (i < src.length() && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '&')) {
      i++;
    }
    StringBuilder op = new StringBuilder(src.substring(start, i));
    int opStart = op.length();
    while (i < src.length()
        && (src.charAt(i) == '>'
            || src.charAt(i) == '<'
            || src.charAt(i) == '|'
                && op.length() > opStart
                && op.charAt(op.length() - 1) == '>')) {
      op.append(src.charAt(i++));
    }
    if (i < src.length() && src.charAt(i) == '&') {
      // 2>&1: a descriptor, not a file
      i++;
      while (i < src.length() && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '-')) {
        i++;
      }
      return;
    }
    while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
      i++;
    }
    if (commandStart < 0) {
      commandStart = start;
    }
    Word target = word();
    if (target != null) {
      redirects.add(new Redirect(op.toString(), target));
    }
  }

  private void heredoc() {
    int start = i;
    i += 2;
    if (i < src.length() && src.charAt(i) == '-') {
      i++;
    }
    while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
      i++;
    }
    Word delim = word();
    if (commandStart < 0) {
      commandStart = start;
    }
    if (delim != null) {
      pendingHeredocs.add(delim.value());
      pendingHeredocCommands.add(-1);
    }
  }

  /** After a newline: the bodies of pending here-documents, attached to their commands. */
  private void readHeredocs() {
    for (int k = 0; k < pendingHeredocs.size(); k++) {
      String delim = pendingHeredocs.get(k);
      int bodyStart = i;
      int bodyEnd = src.length();
      while (i < src.length()) {
        int eol = src.indexOf('\n', i);
        int lineEnd = eol < 0 ? src.length() : eol;
        if (src.substring(i, lineEnd).strip().equals(delim)) {
          bodyEnd = i;
          i = eol < 0 ? src.length() : eol + 1;
          break;
        }
        i = eol < 0 ? src.length() : eol + 1;
      }
      int cmd = pendingHeredocCommands.get(k);
      if (cmd >= 0 && cmd < commands.size()) {
        Command c = commands.get(cmd);
        commands.set(
            cmd,
            new Command(
                c.words(),
                c.redirects(),
                c.offset(),
                c.pipeline(),
                c.pipedFrom(),
                src.substring(bodyStart, Math.min(bodyEnd, src.length()))));
      }
    }
    pendingHeredocs.clear();
    pendingHeredocCommands.clear();
  }

  /** Reads one word; tracks whether it expands ($, backticks, globs). */
  private Word word() {
    int start = i;
    StringBuilder value = new StringBuilder();
    boolean expands = false;
    boolean quoted = false;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\'') {
        quoted = true;
        int end = src.indexOf('\'', i + 1);
        end = end < 0 ? src.length() : end;
        value.append(src, i + 1, end);
        i = Math.min(src.length(), end + 1);
      } else if (c == '"') {
        quoted = true;
        i++;
        while (i < src.length() && src.charAt(i) != '"') {
          char d = src.charAt(i);
          if (d == '\\' && i + 1 < src.length()) {
            value.append(src.charAt(i + 1));
            i += 2;
          } else if (d == '$' && i + 1 < src.length() && src.charAt(i + 1) == '(') {
            expands = true;
            int end = matching(i + 1, '(', ')');
            value.append(src, i, end);
            i = end;
          } else if (d == '`') {
            expands = true;
            int end = src.indexOf('`', i + 1);
            end = end < 0 ? src.length() : end + 1;
            value.append(src, i, end);
            i = end;
          } else {
            if (d == '$' && i + 1 < src.length() && isVarStart(src.charAt(i + 1))) {
              expands = true;
            }
            value.append(d);
            i++;
          }
        }
        i = Math.min(src.length(), i + 1);
      } else if (c == '\\' && i + 1 < src.length()) {
        if (src.charAt(i + 1) == '\n') {
          i += 2;
          continue;
        }
        value.append(src.charAt(i + 1));
        i += 2;
      } else if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '(') {
        expands = true;
        int end = matching(i + 1, '(', ')');
        value.append(src, i, end);
        i = end;
      } else if ((c == '<' || c == '>')
          && i + 1 < src.length()
          && src.charAt(i + 1) == '('
          && i == start) {
        expands = true;
        int end = matching(i + 1, '(', ')');
        value.append(src, i, end);
        i = end;
      } else if (c == '`') {
        expands = true;
        int end = src.indexOf('`', i + 1);
        end = end < 0 ? src.length() : end + 1;
        value.append(src, i, end);
        i = end;
      } else if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '{') {
        expands = true;
        int end = matching(i + 1, '{', '}');
        value.append(src, i, end);
        i = end;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|'
          || c == '<' || c == '>' || c == '(' || c == ')') {
        break;
      } else {
        if ((c == '$' && i + 1 < src.length() && isVarStart(src.charAt(i + 1)))
            || c == '*'
            || c == '?'
            || c == '%' && src.indexOf('%', i + 1) > i + 1) {
          expands = true;
        }
        value.append(c);
        i++;
      }
    }
    if (i == start) {
      i++;
      return null;
    }
    return new Word(src.substring(start, i), value.toString(), start, expands, quoted);
  }

  private static boolean isVarStart(char c) {
    return Character.isLetter(c)
        || c == '_'
        || c == '{'
        || Character.isDigit(c)
        || c == '@'
        || c == '*'
        || c == '#'
        || c == '?'
        || c == '!'
        || c == '$';
  }

  /** The index after the bracket closing the one at {@code open}, quotes respected. */
  private int matching(int open, char o, char c) {
    int depth = 0;
    for (int k = open; k < src.length(); k++) {
      char ch = src.charAt(k);
      if (ch == '\\') {
        k++;
      } else if (ch == '\'' && o == '(') {
        int end = src.indexOf('\'', k + 1);
        k = end < 0 ? src.length() : end;
      } else if (ch == o) {
        depth++;
      } else if (ch == c) {
        depth--;
        if (depth == 0) {
          return k + 1;
        }
      }
    }
    return src.length();
  }
}
