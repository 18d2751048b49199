package dev.tenet.app.gui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A screen that is not built yet, saying so plainly and what to use meanwhile. */
final class PlaceholderView extends VBox {
  PlaceholderView(String title, String comingSoon, String meanwhile) {
    super(12);
    setPadding(new Insets(24));
    setAlignment(Pos.TOP_LEFT);
    Label heading = new Label(title);
    heading.getStyleClass().add("title-2");
    Label what = new Label("Not built yet. " + comingSoon);
    what.setWrapText(true);
    Label instead = new Label(meanwhile);
    instead.getStyleClass().add("text-muted");
    instead.setWrapText(true);
    getChildren().addAll(heading, what, instead);
    getStyleClass().add("placeholder");
  }
}
