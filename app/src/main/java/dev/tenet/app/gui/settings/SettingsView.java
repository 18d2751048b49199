package dev.tenet.app.gui.settings;

import atlantafx.base.theme.Styles;
import dev.tenet.app.gui.common.Views;
import dev.tenet.app.service.SettingsService.Theme;
import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/** The settings screen: binds to its ViewModel, holds no logic. */
public final class SettingsView extends ScrollPane {
  private final SettingsViewModel model;

  public SettingsView(SettingsViewModel model) {
    this.model = model;
    getStyleClass().add("settings");
    setFitToWidth(true);
    Label title = Views.title("Settings", "title-2");
    VBox root = new VBox(20, title, appearance(), network(), data());
    root.setPadding(new Insets(24));
    root.setMaxWidth(900);
    setContent(root);
  }

  private Node appearance() {
    ToggleGroup group = new ToggleGroup();
    ToggleButton light = new ToggleButton("Light", new FontIcon("mdi2w-white-balance-sunny"));
    light.setId("theme-light");
    light.setUserData(Theme.LIGHT);
    ToggleButton dark = new ToggleButton("Dark", new FontIcon("mdi2w-weather-night"));
    dark.setId("theme-dark");
    dark.setUserData(Theme.DARK);
    light.setToggleGroup(group);
    dark.setToggleGroup(group);
    light.getStyleClass().add(Styles.LEFT_PILL);
    dark.getStyleClass().add(Styles.RIGHT_PILL);
    Runnable sync =
        () -> (model.themeProperty().get() == Theme.DARK ? dark : light).setSelected(true);
    sync.run();
    model.themeProperty().addListener((o, a, b) -> sync.run());
    Views.keepOneSelected(group, t -> model.themeProperty().set((Theme) t.getUserData()));
    return section("Appearance", new VBox(8, new HBox(0, light, dark)));
  }

  private Node network() {
    TextField proxy = new TextField();
    proxy.setId("settings-proxy");
    proxy.setPromptText("host:port, e.g. proxy.example.com:3128 (empty: direct)");
    proxy.textProperty().bindBidirectional(model.proxyProperty());
    TextField ca = new TextField();
    ca.setId("settings-ca");
    ca.setPromptText("A PEM file of your private certificate authority (optional)");
    ca.textProperty().bindBidirectional(model.caBundleProperty());
    HBox.setHgrow(ca, Priority.ALWAYS);
    Button choose = Views.button("Choose…", "mdi2f-folder-outline");
    choose.setOnAction(e -> chooseCa());
    HBox caLine = new HBox(8, ca, choose);
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(10);
    grid.addRow(0, Views.muted("HTTP proxy"), proxy);
    grid.addRow(1, Views.muted("CA bundle"), caLine);
    GridPane.setHgrow(proxy, Priority.ALWAYS);
    GridPane.setHgrow(caLine, Priority.ALWAYS);
    Button save = Views.button("Save", "mdi2c-content-save-outline");
    save.setId("settings-save");
    save.getStyleClass().add(Styles.ACCENT);
    save.setOnAction(e -> model.saveNetwork());
    Label message = new Label();
    message.setId("settings-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    model
        .failedProperty()
        .addListener(
            (o, a, f) -> {
              message.getStyleClass().remove(Styles.DANGER);
              if (f) {
                message.getStyleClass().add(Styles.DANGER);
              }
            });
    HBox actions = new HBox(12, save, message);
    actions.setAlignment(Pos.CENTER_LEFT);
    Label help =
        Views.muted(
            "For self-hosted GitHub Enterprise Server or GitLab behind a proxy or a private"
                + " certificate authority. Certificates are always verified: the bundle adds to"
                + " the system's trusted roots, it never turns checking off. Local addresses (the"
                + " demo) never go through the proxy.");
    return section("Network", new VBox(12, help, grid, actions));
  }

  private Node data() {
    Label folder = new Label();
    folder.setId("settings-data-folder");
    folder.textProperty().bind(model.dataFolderProperty());
    folder.getStyleClass().add("text-bold");
    Button open = Views.button("Open folder", "mdi2f-folder-open-outline");
    open.setOnAction(e -> model.openDataFolder());
    HBox line = new HBox(12, folder, open);
    line.setAlignment(Pos.CENTER_LEFT);
    Label what =
        Views.muted(
            "Readable by you only: the assessments (tenet.db), cached API responses (cache/),"
                + " the connections and settings, the names of stored tokens (credentials.json)"
                + " and, on machines without an OS keychain, the encrypted vault (vault.tenet)."
                + " Nothing leaves this machine. To use another folder, start Tenet with"
                + " TENET_HOME set to it.");
    return section("Data folder", new VBox(10, line, what));
  }

  private void chooseCa() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Choose a CA bundle (PEM)");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("PEM certificates", "*.pem", "*.crt", "*.cer"),
            new FileChooser.ExtensionFilter("All files", "*"));
    File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
    if (f != null) {
      model.chooseCaBundle(f.toPath());
    }
  }

  private static Node section(String title, Node content) {
    Label heading = Views.title(title, "title-4");
    return Views.card(new VBox(12, heading, content));
  }
}
