package dev.tenet.app;

import java.io.PrintWriter;

/**
 * Opens the JavaFX console. The only class outside {@code gui} that names it, and it does so
 * reflectively-free but lazily: {@link dev.tenet.app.gui.ConsoleApp} is loaded only here.
 */
final class DesktopLauncher {
  private DesktopLauncher() {}

  static int open(AppContext context, boolean demo, PrintWriter err) {
    if (isHeadlessLinux()) {
      err.println(
          "tenet: cannot open the desktop console: no display (DISPLAY and WAYLAND_DISPLAY are"
              + " unset); use the command line instead, e.g. 'tenet scan --demo'.");
      return 1;
    }
    try {
      dev.tenet.app.gui.ConsoleApp.launch(context, demo);
      return 0;
    } catch (RuntimeException | LinkageError e) {
      err.println(
          "tenet: cannot open the desktop console ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "); the command line still works, e.g. 'tenet scan --demo'.");
      return 1;
    }
  }

  private static boolean isHeadlessLinux() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    boolean monocle = "Monocle".equals(System.getProperty("glass.platform"));
    return os.contains("linux")
        && !monocle
        && System.getenv("DISPLAY") == null
        && System.getenv("WAYLAND_DISPLAY") == null;
  }
}
