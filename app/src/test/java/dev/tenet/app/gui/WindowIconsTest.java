package dev.tenet.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window icons the console sets load from assets at the sizes their names promise. */
@ExtendWith(ApplicationExtension.class)
class WindowIconsTest {
  @Start
  void start(Stage stage) {
    stage.show();
  }

  @Test
  void everyIconLoadsAtItsSize() {
    List<Image> icons = ConsoleApp.windowIcons();

    assertThat(icons).hasSize(6);
    assertThat(icons).noneMatch(Image::isError);
    assertThat(icons)
        .extracting(Image::getWidth, Image::getHeight)
        .containsExactly(
            tuple(16.0, 16.0),
            tuple(32.0, 32.0),
            tuple(48.0, 48.0),
            tuple(64.0, 64.0),
            tuple(128.0, 128.0),
            tuple(256.0, 256.0));
  }
}
