package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.core.store.DataPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real command line in-process against a private data folder. */
final class CliRun {
  final int code;
  final String out;
  final String err;

  private CliRun(int code, String out, String err) {
    this.code = code;
    this.out = out;
    this.err = err;
  }

  static final List<Boolean> DESKTOP_OPENED = new ArrayList<>();

  static CliRun run(Path home, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code =
        TenetCli.run(
            args,
            db ->
                new AppContext(
                    new DataPaths(home),
                    db != null ? db : home.resolve("tenet.db"),
                    env,
                    Clock.systemUTC()),
            (context, demo) -> {
              DESKTOP_OPENED.add(demo);
              return 0;
            },
            out,
            new PrintWriter(err, true));
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
  }
}
