package dev.tenet.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code tenet gui}: opens the desktop console. */
@Command(name = "gui", description = "Opens the desktop console.")
final class GuiCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    return root.desktop().open(root.context(common), false);
  }
}
