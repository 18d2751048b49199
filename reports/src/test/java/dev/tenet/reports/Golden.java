package dev.tenet.reports;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden. A mismatch fails with the first differing line and
 * leaves the actual output in target/golden-actual; run with -Dgolden.update=true to accept it.
 */
public final class Golden {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path ACTUAL = Path.of("target/golden-actual");

  private Golden() {}

  public static void assertMatches(String name, String actual) throws IOException {
    String normalized = actual.replace("\r\n", "\n");
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, normalized, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      write(name, normalized);
      fail("No golden file " + golden + ": run with -Dgolden.update=true to create it");
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(normalized)) {
      Path written = write(name, normalized);
      String[] e = expected.split("\n", -1);
      String[] a = normalized.split("\n", -1);
      int line = 0;
      while (line < Math.min(e.length, a.length) && e[line].equals(a[line])) {
        line++;
      }
      fail(
          "%s differs from its golden file at line %d:%n  expected: %s%n  actual:   %s%n(actual output in %s; -Dgolden.update=true accepts it)",
          name,
          line + 1,
          line < e.length ? e[line] : "<end of file>",
          line < a.length ? a[line] : "<end of file>",
          written);
    }
  }

  private static Path write(String name, String content) throws IOException {
    Path out = ACTUAL.resolve(name);
    Files.createDirectories(out.getParent());
    Files.writeString(out, content, StandardCharsets.UTF_8);
    return out;
  }
}
