package dev.tenet.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.TrustBundles;
import dev.tenet.core.util.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Tenet's settings ({@code settings.json} in the data folder): how it reaches self-hosted instances
 * (an HTTP proxy, a CA bundle), which every scan and connection test of both faces uses, and the
 * console's theme and window. Holds no secret.
 */
public final class SettingsService {
  static final String FORMAT = "tenet.settings/v1";

  public enum Theme {
    LIGHT,
    DARK
  }

  /**
   * @param proxy "host:port" of an HTTP(S) proxy, or null for direct connections
   * @param caBundle a PEM file of extra trusted certificates, or null
   */
  public record Settings(Theme theme, String proxy, String caBundle) {
    public static final Settings DEFAULTS = new Settings(Theme.LIGHT, null, null);

    public Settings {
      theme = theme == null ? Theme.LIGHT : theme;
      proxy = proxy == null || proxy.isBlank() ? null : proxy.strip();
      caBundle = caBundle == null || caBundle.isBlank() ? null : caBundle.strip();
    }
  }

  /** Where and how large the console's window was when it closed. */
  public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

  private final Path file;
  private final Path dataFolder;
  private Settings settings;
  private WindowBounds window;
  private String problem;

  public SettingsService(Path dataFolder) {
    this.dataFolder = dataFolder;
    this.file = dataFolder.resolve("settings.json");
    load();
  }

  public Path dataFolder() {
    return dataFolder;
  }

  public Path file() {
    return file;
  }

  public synchronized Settings settings() {
    return settings;
  }

  public synchronized Optional<WindowBounds> window() {
    return Optional.ofNullable(window);
  }

  /** Why the file could not be read, when it could not (the defaults apply meanwhile); or empty. */
  public synchronized Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** Checks and saves settings; the next scan and connection test use them. */
  public synchronized Settings save(Settings next) {
    proxyAddress(next.proxy());
    caBundle(next.caBundle());
    settings = next;
    write();
    return settings;
  }

  public synchronized void saveWindow(WindowBounds bounds) {
    window = bounds;
    write();
  }

  /** The HTTP policy of every platform request: the defaults, with the proxy and CA bundle. */
  public HttpPolicy policy() {
    Settings s = settings();
    return HttpPolicy.defaults()
        .withProxy(Optional.ofNullable(s.proxy()).map(SettingsService::proxyAddress))
        .withCaBundle(Optional.ofNullable(s.caBundle()).map(SettingsService::caBundle));
  }

  /** Parses "host:port" (an http:// prefix is allowed); throws a one-sentence UserError. */
  static InetSocketAddress proxyAddress(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (!t.contains("://")) {
      t = "http://" + t;
    }
    URI uri;
    try {
      uri = URI.create(t);
    } catch (IllegalArgumentException e) {
      throw new UserError("'" + text + "' is not a proxy address: write host:port.");
    }
    if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
      throw new UserError(
          "'" + text + "' is not a proxy address: write host:port, e.g. proxy.example.com:3128.");
    }
    if (uri.getUserInfo() != null) {
      throw new UserError(
          "Tenet does not keep proxy passwords in its settings: give the proxy's host:port only.");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new UserError("Tenet speaks to HTTP proxies only: write host:port.");
    }
    return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
  }

  /** Checks that a CA bundle exists and holds PEM certificates. */
  static Path caBundle(String text) {
    if (text == null) {
      return null;
    }
    Path p = Path.of(text);
    if (!Files.isRegularFile(p)) {
      throw new UserError(
          "The CA bundle " + p + " does not exist: choose the PEM file again in Settings.");
    }
    try {
      TrustBundles.withExtraCertificates(p);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    return p;
  }

  private void load() {
    try {
      JsonNode root = JsonFiles.read(file).orElse(null);
      if (root == null) {
        settings = Settings.DEFAULTS;
        return;
      }
      Theme theme = "dark".equalsIgnoreCase(root.path("theme").asText()) ? Theme.DARK : Theme.LIGHT;
      settings =
          new Settings(theme, root.path("proxy").asText(null), root.path("caBundle").asText(null));
      JsonNode w = root.path("window");
      if (w.path("width").asDouble() > 0 && w.path("height").asDouble() > 0) {
        window =
            new WindowBounds(
                w.path("x").asDouble(),
                w.path("y").asDouble(),
                w.path("width").asDouble(),
                w.path("height").asDouble(),
                w.path("maximized").asBoolean(false));
      }
    } catch (UserError e) {
      settings = Settings.DEFAULTS;
      problem = e.getMessage();
    }
  }

  private void write() {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("theme", settings.theme().name().toLowerCase(Locale.ROOT));
    if (settings.proxy() != null) {
      root.put("proxy", settings.proxy());
    }
    if (settings.caBundle() != null) {
      root.put("caBundle", settings.caBundle());
    }
    if (window != null) {
      ObjectNode w = root.putObject("window");
      w.put("x", window.x());
      w.put("y", window.y());
      w.put("width", window.width());
      w.put("height", window.height());
      w.put("maximized", window.maximized());
    }
    JsonFiles.write(file, root);
  }
}
