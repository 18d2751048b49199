package dev.tenet.app.gui.settings;

import dev.tenet.app.gui.common.DesktopActions;
import dev.tenet.app.gui.common.Messages;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.SettingsService;
import dev.tenet.app.service.SettingsService.Settings;
import dev.tenet.app.service.SettingsService.Theme;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings screen's state: the theme (applied at once), the proxy and CA bundle for self-hosted
 * instances (checked, then used by the next scan and connection test), and where the data lives.
 */
public final class SettingsViewModel {
  private final SettingsService settings;
  private final UiExecutor executor;
  private final DesktopActions desktop;
  private final Consumer<Theme> applyTheme;

  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
  private final StringProperty proxy = new SimpleStringProperty("");
  private final StringProperty caBundle = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final BooleanProperty failed = new SimpleBooleanProperty();
  private final StringProperty dataFolder = new SimpleStringProperty("");
  private boolean loading;

  public SettingsViewModel(
      SettingsService settings,
      UiExecutor executor,
      DesktopActions desktop,
      Consumer<Theme> applyTheme) {
    this.settings = settings;
    this.executor = executor;
    this.desktop = desktop;
    this.applyTheme = applyTheme;
    theme.addListener(
        (o, a, t) -> {
          if (!loading && t != null) {
            applyTheme.accept(t);
            Settings s = settings.settings();
            save(new Settings(t, s.proxy(), s.caBundle()), null);
          }
        });
  }

  public void load() {
    loading = true;
    try {
      Settings s = settings.settings();
      theme.set(s.theme());
      proxy.set(s.proxy() == null ? "" : s.proxy());
      caBundle.set(s.caBundle() == null ? "" : s.caBundle());
      dataFolder.set(settings.dataFolder().toString());
      settings.problem().ifPresent(p -> fail(p + " The defaults apply meanwhile."));
    } finally {
      loading = false;
    }
  }

  /** Checks and saves the proxy and CA bundle. */
  public void saveNetwork() {
    Settings s = settings.settings();
    save(
        new Settings(s.theme(), proxy.get(), caBundle.get()),
        "Saved. The next scan and connection test go "
            + (proxy.get() == null || proxy.get().isBlank()
                ? "direct"
                : "through " + proxy.get().strip())
            + (caBundle.get() == null || caBundle.get().isBlank()
                ? ", trusting the system's certificate authorities."
                : ", also trusting the certificates in " + caBundle.get().strip() + "."));
  }

  private void save(Settings next, String done) {
    executor.run(
        () -> settings.save(next),
        saved -> {
          failed.set(false);
          message.set(done == null ? "" : done);
        },
        e -> fail(Messages.of(e)));
  }

  private void fail(String text) {
    failed.set(true);
    message.set(text);
  }

  public void chooseCaBundle(Path file) {
    if (file != null) {
      caBundle.set(file.toString());
    }
  }

  public void openDataFolder() {
    desktop.open(settings.dataFolder());
  }

  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  public StringProperty proxyProperty() {
    return proxy;
  }

  public StringProperty caBundleProperty() {
    return caBundle;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public BooleanProperty failedProperty() {
    return failed;
  }

  public StringProperty dataFolderProperty() {
    return dataFolder;
  }
}
