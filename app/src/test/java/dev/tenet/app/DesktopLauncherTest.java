package dev.tenet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The console benchmark prints every timed step against its budget (not a timed test). */
class DesktopLauncherTest {
  @Test
  void theBenchmarkPrintsEachFilterStepWithItsRowsAndVerdict() {
    StringWriter text = new StringWriter();
    int code = DesktopLauncher.benchmark(2_000, false, new PrintWriter(text, true));
    String out = text.toString();
    assertThat(out).startsWith("Filtering 2,000 findings (15 runs each; budget 200 ms per step)");
    assertThat(out.lines().filter(l -> l.matches("  .+ median +[0-9.]+ ms +worst +[0-9.]+ ms .*")))
        .hasSize(7);
    assertThat(out).contains("2,000 rows").contains("Clear every filter");
    // Whether each step is within budget is printed; this test does not time anything.
    assertThat(out.lines().filter(l -> l.endsWith("PASS") || l.endsWith("OVER"))).hasSize(7);
    assertThat(code).isIn(0, 3);
  }
}
