package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.core.Tenet;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tenet}: without a command, opens the desktop console. */
@Command(
    name = "tenet",
    mixinStandardHelpOptions = true,
    versionProvider = TenetCommand.Version.class,
    description = {
      "Zero-trust posture console for DevOps pipelines.",
      "Without a command, opens the desktop console."
    },
    subcommands = {
      GuiCommand.class,
      DemoCommand.class,
      ScanCommand.class,
      ReportCommand.class,
      HistoryCommand.class,
      DiffCommand.class,
      RulesCommand.class,
      VerifyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TenetCommand implements Callable<Integer> {
  private final Function<Path, AppContext> contexts;
  private final Launcher desktop;
  private final OutputStream stdout;

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  /** Opens the desktop console (kept behind an interface so the CLI never loads JavaFX). */
  @FunctionalInterface
  public interface Launcher {
    int open(AppContext context, boolean demo);
  }

  /**
   * @param stdout where binary output (reports written to standard output) goes
   */
  public TenetCommand(Function<Path, AppContext> contexts, Launcher desktop, OutputStream stdout) {
    this.contexts = contexts;
    this.desktop = desktop;
    this.stdout = stdout;
  }

  OutputStream stdout() {
    return stdout;
  }

  AppContext context(CommonOptions options) {
    return contexts.apply(options.db);
  }

  Launcher desktop() {
    return desktop;
  }

  @Override
  public Integer call() {
    return desktop.open(context(common), false);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {Tenet.tool()};
    }
  }
}
