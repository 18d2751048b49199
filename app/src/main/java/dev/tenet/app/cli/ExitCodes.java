package dev.tenet.app.cli;

/** Exit codes of the command-line contract (spec/cli.md). */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int GATE_FAILED = 3;
}
