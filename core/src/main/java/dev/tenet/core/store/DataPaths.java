package dev.tenet.core.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Tenet keeps its data: {@code TENET_HOME} if set, else the per-user data folder of the OS
 * ({@code ~/.local/share/tenet} on Linux, {@code ~/Library/Application Support/Tenet} on macOS,
 * {@code %LOCALAPPDATA%\Tenet} on Windows). The folder is readable by its owner only.
 */
public record DataPaths(Path home) {

  public static DataPaths fromEnvironment() {
    return fromEnvironment(System.getenv(), System.getProperty("os.name", ""), userHome());
  }

  static DataPaths fromEnvironment(Map<String, String> env, String osName, Path userHome) {
    String override = env.get("TENET_HOME");
    if (override != null && !override.isBlank()) {
      return new DataPaths(Path.of(override).toAbsolutePath());
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return new DataPaths(userHome.resolve("Library/Application Support/Tenet"));
    }
    if (os.contains("win")) {
      String local = env.get("LOCALAPPDATA");
      return new DataPaths(
          local != null ? Path.of(local, "Tenet") : userHome.resolve("AppData/Local/Tenet"));
    }
    String xdg = env.get("XDG_DATA_HOME");
    return new DataPaths(
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg, "tenet")
            : userHome.resolve(".local/share/tenet"));
  }

  private static Path userHome() {
    return Path.of(System.getProperty("user.home", "."));
  }

  public Path database() {
    return home.resolve("tenet.db");
  }

  public Path cache() {
    return home.resolve("cache");
  }

  /** The encrypted vault of credentials, for machines without an OS keychain. */
  public Path vault() {
    return home.resolve("vault.tenet");
  }

  /** Names of stored credentials and where each lives (no secret). */
  public Path credentialIndex() {
    return home.resolve("credentials.json");
  }
}
