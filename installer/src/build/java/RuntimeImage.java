import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds the Java runtime that ships inside Tenet's installers (run by the installer module's
 * {@code dist} profile as a single-file program: {@code java RuntimeImage.java ...}).
 *
 * <p>The modules are the union of a reviewed base list (what static analysis cannot see: service
 * providers, reflection) and what {@code jdeps} finds referenced by every jar the app ships, so a
 * dependency added later cannot leave a module missing at run time. JavaFX comes from the platform
 * jars as named modules; its native libraries are removed from the module resources and placed
 * beside the JDK's own, where JavaFX loads them directly instead of extracting them into {@code
 * ~/.openjfx} on first start.
 *
 * <p>Usage: {@code RuntimeImage --app DIR --javafx DIR --modules a,b?,c --output DIR}, where {@code
 * --app} holds the main jar and {@code lib/}, {@code --javafx} the JavaFX jars of this platform
 * (classifier-less placeholder jars are ignored), and a module marked {@code ?} is taken only if
 * this JDK has it.
 */
public final class RuntimeImage {
  private static final List<String> NATIVE_SUFFIXES = List.of(".so", ".dll", ".dylib");

  private RuntimeImage() {}

  public static void main(String[] args) throws IOException {
    Path app = null;
    Path javafx = null;
    Path output = null;
    Set<String> base = new TreeSet<>();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--app" -> app = Path.of(require(args[i], value));
        case "--javafx" -> javafx = Path.of(require(args[i], value));
        case "--output" -> output = Path.of(require(args[i], value));
        case "--modules" -> base.addAll(split(require(args[i], value)));
        default -> fail("unknown argument " + args[i]);
      }
      i++;
    }
    if (app == null || javafx == null || output == null || base.isEmpty()) {
      fail("usage: RuntimeImage --app DIR --javafx DIR --modules a,b,c --output DIR");
    }

    List<Path> fxModules = javafxModules(javafx);
    List<Path> appJars = appJars(app);
    Set<String> known = knownModules(fxModules);
    for (String module : Set.copyOf(base)) {
      if (module.endsWith("?")) {
        base.remove(module);
        String name = module.substring(0, module.length() - 1);
        if (known.contains(name)) {
          base.add(name);
        }
      } else if (!known.contains(module)) {
        fail("module " + module + " is neither in this JDK nor in the JavaFX jars");
      }
    }
    Set<String> referenced = referencedModules(appJars, fxModules, app.resolve("lib"));
    referenced.retainAll(known);
    Set<String> modules = new TreeSet<>(base);
    modules.addAll(referenced);
    Set<String> added = new TreeSet<>(referenced);
    added.removeAll(base);
    System.out.println("[runtime] modules: " + String.join(",", modules));
    if (!added.isEmpty()) {
      System.out.println(
          "[runtime] found by jdeps beyond the base list: " + String.join(",", added));
    }

    deleteRecursively(output);
    run(
        "jlink",
        "--module-path",
        fxModules.stream().map(Path::toString).collect(Collectors.joining(pathSeparator())),
        "--add-modules",
        String.join(",", modules),
        "--strip-debug",
        "--no-header-files",
        "--no-man-pages",
        // JavaFX's natives are copied out below; as module resources they would be extracted
        // into the user's home at first start, and take the space twice.
        "--exclude-resources="
            + NATIVE_SUFFIXES.stream().map(s -> "**" + s).collect(Collectors.joining(",")),
        "--output",
        output.toString());

    Path nativeDir = output.resolve(isWindows() ? "bin" : "lib");
    int copied = 0;
    for (Path jar : fxModules) {
      copied += copyNatives(jar, nativeDir);
    }
    if (copied == 0) {
      fail("no JavaFX native libraries found in " + javafx + " (wrong platform jars?)");
    }
    System.out.println("[runtime] " + copied + " JavaFX native libraries in " + nativeDir);
  }

  /** JavaFX module jars; the classifier-less artifacts are empty placeholders without a module. */
  private static List<Path> javafxModules(Path dir) throws IOException {
    List<Path> modules = new ArrayList<>();
    for (Path jar : jars(dir)) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        if (zip.getEntry("module-info.class") != null) {
          modules.add(jar);
        }
      }
    }
    if (modules.isEmpty()) {
      fail("no JavaFX module jars in " + dir);
    }
    return modules;
  }

  private static List<Path> appJars(Path app) throws IOException {
    List<Path> all = new ArrayList<>(jars(app));
    all.addAll(jars(app.resolve("lib")));
    if (all.isEmpty()) {
      fail("no jars in " + app);
    }
    return all;
  }

  private static Set<String> knownModules(List<Path> fxModules) {
    Set<String> known = new TreeSet<>();
    Stream.concat(
            ModuleFinder.ofSystem().findAll().stream(),
            ModuleFinder.of(fxModules.toArray(Path[]::new)).findAll().stream())
        .map(ModuleReference::descriptor)
        .forEach(d -> known.add(d.name()));
    return known;
  }

  /**
   * Every module any shipped jar refers to (not only what the main jar reaches): an
   * over-approximation of what runs, which is the safe side for a runtime that cannot load a
   * missing module later.
   */
  private static Set<String> referencedModules(List<Path> jars, List<Path> fxModules, Path lib) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--multi-release",
            Integer.toString(Runtime.version().feature()),
            "--ignore-missing-deps",
            "--print-module-deps",
            // The libraries are on the module path too, so modular ones find what they require.
            "--module-path",
            Stream.concat(fxModules.stream(), Stream.of(lib))
                .map(Path::toString)
                .collect(Collectors.joining(pathSeparator()))));
    jars.forEach(jar -> args.add(jar.toString()));
    String out = run("jdeps", args.toArray(String[]::new));
    // The list is the last line; jdeps may print warnings (split packages) before it.
    return out.lines()
        .map(String::strip)
        .filter(line -> line.matches("[\\w.]+(,[\\w.]+)*"))
        .reduce((first, second) -> second)
        .map(RuntimeImage::split)
        .orElseThrow(() -> new IllegalStateException("jdeps printed no module list:\n" + out));
  }

  private static int copyNatives(Path jar, Path dir) throws IOException {
    int copied = 0;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : zip.stream().toList()) {
        String name = entry.getName();
        if (entry.isDirectory() || NATIVE_SUFFIXES.stream().noneMatch(name::endsWith)) {
          continue;
        }
        Path target = dir.resolve(Path.of(name).getFileName().toString());
        if (Files.exists(target)) {
          // The JDK already ships it (e.g. the MSVC runtime on Windows): keep the JDK's copy.
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        copied++;
      }
    }
    return copied;
  }

  private static String run(String tool, String... args) {
    ToolProvider provider =
        ToolProvider.findFirst(tool)
            .orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = provider.run(o, e, args);
    }
    if (code != 0) {
      fail(tool + " failed (exit " + code + "):\n" + out + err);
    }
    return out.toString();
  }

  private static List<Path> jars(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  private static Set<String> split(String list) {
    return Stream.of(list.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String require(String option, String value) {
    if (value == null) {
      fail(option + " needs a value");
    }
    return value;
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }

  private static String pathSeparator() {
    return java.io.File.pathSeparator;
  }

  private static void fail(String message) {
    System.err.println("[runtime] " + message);
    System.exit(1);
  }
}
