package dev.tenet.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code tenet demo}: the console on the bundled sample organization. */
@Command(
    name = "demo",
    description =
        "Opens the console and assesses the bundled sample organization (no token, no network).")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    return root.desktop().open(root.context(common), true);
  }
}
