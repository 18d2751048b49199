package dev.tenet.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command accepts. */
public final class CommonOptions {
  @Option(
      names = "--db",
      paramLabel = "FILE",
      description =
          "The assessment store (default: tenet.db in the data folder, ~/.local/share/tenet on"
              + " Linux; TENET_HOME overrides the folder).")
  Path db;

  @Option(names = "--verbose", description = "More output, and the full error behind a failure.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Less output: no progress, only results and errors.")
  boolean quiet;
}
