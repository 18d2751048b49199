package dev.tenet.app.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.gui.common.DesktopActions;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.SettingsService;
import dev.tenet.app.service.SettingsService.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme applies at once; network settings are checked, then used by the next request. */
class SettingsViewModelTest {
  @Test
  void themeAndProxy(@TempDir Path home) {
    SettingsService settings = new SettingsService(home);
    List<Theme> applied = new ArrayList<>();
    SettingsViewModel vm =
        new SettingsViewModel(settings, UiExecutor.direct(), DesktopActions.NONE, applied::add);
    vm.load();
    assertThat(vm.dataFolderProperty().get()).isEqualTo(home.toString());
    assertThat(applied).isEmpty();

    vm.themeProperty().set(Theme.DARK);
    assertThat(applied).containsExactly(Theme.DARK);
    assertThat(new SettingsService(home).settings().theme()).isEqualTo(Theme.DARK);

    vm.proxyProperty().set("proxy.example.com");
    vm.saveNetwork();
    assertThat(vm.failedProperty().get()).isTrue();
    assertThat(vm.messageProperty().get()).contains("host:port");
    assertThat(settings.policy().proxy()).isEmpty();

    vm.proxyProperty().set("proxy.example.com:3128");
    vm.saveNetwork();
    assertThat(vm.failedProperty().get()).isFalse();
    assertThat(vm.messageProperty().get()).contains("through proxy.example.com:3128");
    assertThat(settings.policy().proxy()).isPresent();
    assertThat(new SettingsService(home).settings().theme()).isEqualTo(Theme.DARK);
  }
}
