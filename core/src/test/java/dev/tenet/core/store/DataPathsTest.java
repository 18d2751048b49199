package dev.tenet.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataPathsTest {
  private final Path home = Path.of("/home/ada");

  @Test
  void tenetHomeWins() {
    assertThat(
            DataPaths.fromEnvironment(Map.of("TENET_HOME", "/srv/tenet"), "Linux", home).database())
        .isEqualTo(Path.of("/srv/tenet/tenet.db"));
  }

  @Test
  void perOsDefaults() {
    assertThat(DataPaths.fromEnvironment(Map.of(), "Linux", home).home())
        .isEqualTo(Path.of("/home/ada/.local/share/tenet"));
    assertThat(DataPaths.fromEnvironment(Map.of("XDG_DATA_HOME", "/data"), "Linux", home).home())
        .isEqualTo(Path.of("/data/tenet"));
    assertThat(DataPaths.fromEnvironment(Map.of(), "Mac OS X", home).home())
        .isEqualTo(Path.of("/home/ada/Library/Application Support/Tenet"));
    assertThat(
            DataPaths.fromEnvironment(
                    Map.of("LOCALAPPDATA", "/c/Users/ada/AppData/Local"), "Windows 11", home)
                .home())
        .isEqualTo(Path.of("/c/Users/ada/AppData/Local/Tenet"));
  }
}
