package dev.tenet.app.gui.common;

/** Moves between screens, for the links one screen offers to another. */
public interface Navigator {
  void dashboard();

  /** The findings screen, its free-text filter set to {@code search} (null keeps the filters). */
  void findings(String search);

  void attackPaths();

  /** The scan screen; {@code demo} starts a scan of the bundled sample organization at once. */
  void scan(boolean demo);

  void connections();

  void settings();

  /** A navigator that goes nowhere, for ViewModel tests. */
  Navigator NONE =
      new Navigator() {
        @Override
        public void dashboard() {}

        @Override
        public void findings(String search) {}

        @Override
        public void attackPaths() {}

        @Override
        public void scan(boolean demo) {}

        @Override
        public void connections() {}

        @Override
        public void settings() {}
      };
}
