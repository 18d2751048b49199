package dev.tenet.app.gui.common;

import java.net.URI;
import java.nio.file.Path;

/**
 * Hands a web page or a file to the desktop (the browser, the file's usual application). Behind an
 * interface so tests see what would have been opened.
 */
public interface DesktopActions {
  /** Opens a web page in the user's browser. */
  void browse(URI page);

  /** Opens a file (a report) with the application the desktop associates with it. */
  void open(Path file);

  /** Opens nothing; for ViewModel tests and machines without a desktop. */
  DesktopActions NONE =
      new DesktopActions() {
        @Override
        public void browse(URI page) {}

        @Override
        public void open(Path file) {}
      };
}
