package dev.tenet.core.rules.pipeline;

import java.util.Locale;

/** Names the shell a {@code shell:} setting stands for. */
final class Shells {
  private Shells() {}

  /** bash, sh, pwsh, powershell, cmd, python... ({@code /bin/bash -e {0}} gives bash). */
  static String normalize(String shell) {
    if (shell == null || shell.isBlank()) {
      return "bash";
    }
    String trimmed = shell.strip();
    int space = 0;
    while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) {
      space++;
    }
    String first = trimmed.substring(0, space);
    int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
    String name = (slash >= 0 ? first.substring(slash + 1) : first).toLowerCase(Locale.ROOT);
    if (name.endsWith(".exe")) {
      name = name.substring(0, name.length() - 4);
    }
    if (name.contains("${{")) {
      return "unknown";
    }
    return name;
  }

  static boolean posix(String shell) {
    String n = normalize(shell);
    return n.equals("bash") || n.equals("sh") || n.equals("zsh") || n.equals("dash");
  }

  static boolean powershell(String shell) {
    String n = normalize(shell);
    return n.equals("pwsh") || n.equals("powershell");
  }
}
