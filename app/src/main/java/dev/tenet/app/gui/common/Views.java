package dev.tenet.app.gui.common;

import dev.tenet.core.model.Severity;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The building blocks every screen draws with (chips, cards, state panes), so screens look alike.
 * Text from platforms always goes into Labels and text controls: shown as text, never rendered.
 */
public final class Views {
  private Views() {}

  public static Label severityChip(Severity severity) {
    Label chip = new Label(severity.id().toUpperCase(Locale.ROOT));
    chip.getStyleClass().addAll("severity-chip", "severity-" + severity.id());
    chip.setMinWidth(Region.USE_PREF_SIZE);
    return chip;
  }

  /** A small rounded label: a status, a pillar, a tag. */
  public static Label tag(String text, String... styleClasses) {
    Label tag = new Label(text);
    tag.getStyleClass().add("tag");
    tag.getStyleClass().addAll(styleClasses);
    tag.setMinWidth(Region.USE_PREF_SIZE);
    return tag;
  }

  public static Label muted(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("text-muted");
    l.setWrapText(true);
    return l;
  }

  public static Label title(String text, String style) {
    Label l = new Label(text);
    l.getStyleClass().add(style);
    l.setWrapText(true);
    return l;
  }

  public static FontIcon icon(String literal) {
    return new FontIcon(literal);
  }

  public static Button button(String text, String iconLiteral) {
    return new Button(text, iconLiteral == null ? null : new FontIcon(iconLiteral));
  }

  /** A bordered card around content. */
  public static <T extends Region> T card(T content) {
    content.getStyleClass().add("card");
    content.setPadding(new Insets(16));
    return content;
  }

  public static Region spacer() {
    Region r = new Region();
    javafx.scene.layout.HBox.setHgrow(r, Priority.ALWAYS);
    VBox.setVgrow(r, Priority.ALWAYS);
    return r;
  }

  /**
   * Keeps exactly one toggle of the group selected (a toggle group lets the user unselect) and
   * reports each new choice.
   */
  public static void keepOneSelected(ToggleGroup group, Consumer<Toggle> chosen) {
    group
        .selectedToggleProperty()
        .addListener(
            (o, old, now) -> {
              if (now == null) {
                if (old != null) {
                  old.setSelected(true);
                }
              } else {
                chosen.accept(now);
              }
            });
  }

  /** Shows (and lays out) a node only while {@code condition} holds. */
  public static <T extends Node> T showWhen(T node, ObservableBooleanValue condition) {
    node.visibleProperty().bind(condition);
    node.managedProperty().bind(node.visibleProperty());
    return node;
  }

  /** A spinner and a line saying what is loading. */
  public static VBox loading(ObservableStringValue text) {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(40, 40);
    Label label = new Label();
    label.textProperty().bind(text);
    label.getStyleClass().add("text-muted");
    VBox box = new VBox(12, spinner, label);
    box.setAlignment(Pos.CENTER);
    box.setPadding(new Insets(80, 24, 24, 24));
    return box;
  }

  /** A centred message with an icon, a title, one sentence and actions: empty and error states. */
  public static VBox message(
      String iconLiteral, String title, ObservableStringValue text, Node... actions) {
    FontIcon icon = new FontIcon(iconLiteral);
    icon.getStyleClass().add("state-icon");
    Label heading = new Label(title);
    heading.getStyleClass().add("title-3");
    Label body = new Label();
    body.textProperty().bind(text);
    body.setWrapText(true);
    body.setMaxWidth(560);
    body.getStyleClass().add("state-text");
    body.setAlignment(Pos.CENTER);
    body.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(12, actions);
    buttons.setAlignment(Pos.CENTER);
    VBox box = new VBox(12, icon, heading, body, buttons);
    box.setAlignment(Pos.CENTER);
    box.setPadding(new Insets(80, 24, 24, 24));
    return box;
  }
}
