package dev.tenet.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.app.service.SettingsService.Settings;
import dev.tenet.app.service.SettingsService.Theme;
import dev.tenet.connectors.http.HttpPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings: checked before they are saved, kept across runs, applied to every request. */
class SettingsServiceTest {
  @Test
  void defaultsWithoutAFileAndDirectConnections(@TempDir Path home) {
    SettingsService s = new SettingsService(home);
    assertThat(s.settings()).isEqualTo(Settings.DEFAULTS);
    HttpPolicy p = s.policy();
    assertThat(p.proxy()).isEmpty();
    assertThat(p.caBundle()).isEmpty();
    assertThat(s.window()).isEmpty();
  }

  @Test
  void aProxyAndThemeAreKeptAndReachTheHttpPolicy(@TempDir Path home) {
    SettingsService s = new SettingsService(home);
    s.save(new Settings(Theme.DARK, "proxy.example.com:3128", null));
    s.saveWindow(new SettingsService.WindowBounds(10, 20, 1300, 850, false));
    SettingsService again = new SettingsService(home);
    assertThat(again.settings().theme()).isEqualTo(Theme.DARK);
    InetSocketAddress proxy = again.policy().proxy().orElseThrow();
    assertThat(proxy.getHostString()).isEqualTo("proxy.example.com");
    assertThat(proxy.getPort()).isEqualTo(3128);
    assertThat(again.window()).contains(new SettingsService.WindowBounds(10, 20, 1300, 850, false));
  }

  @Test
  void badProxiesAndBundlesAreRefusedAndNothingIsSaved(@TempDir Path home) throws Exception {
    SettingsService s = new SettingsService(home);
    assertThatThrownBy(() -> s.save(new Settings(Theme.LIGHT, "proxy.example.com", null)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("host:port");
    assertThatThrownBy(() -> s.save(new Settings(Theme.LIGHT, "bob:secret@proxy:8080", null)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("proxy passwords");
    assertThatThrownBy(() -> s.save(new Settings(Theme.LIGHT, null, home + "/none.pem")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("does not exist");
    Path notPem = Files.writeString(home.resolve("bundle.pem"), "not a certificate");
    assertThatThrownBy(() -> s.save(new Settings(Theme.LIGHT, null, notPem.toString())))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("bundle.pem");
    assertThat(Files.exists(home.resolve("settings.json"))).isFalse();
  }

  @Test
  void aBrokenFileFallsBackToDefaultsAndSaysWhy(@TempDir Path home) throws Exception {
    Files.writeString(home.resolve("settings.json"), "{ not json");
    SettingsService s = new SettingsService(home);
    assertThat(s.settings()).isEqualTo(Settings.DEFAULTS);
    assertThat(s.problem()).get().asString().contains("settings.json").contains("fix or delete");
  }

  /** A real PEM certificate, made with the JDK's keytool. */
  static Path certificate(Path dir) throws Exception {
    Path keystore = dir.resolve("ca.p12");
    Path pem = dir.resolve("ca.pem");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(
        keytool,
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=tenet-test-ca",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit");
    run(
        keytool,
        "-exportcert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        pem.toString());
    return pem;
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(p.waitFor()).isZero();
  }

  @Test
  void aBundleRemovedAfterwardsStopsTheNextScanWithOneSentence(@TempDir Path home)
      throws Exception {
    Path pem = certificate(home);
    SettingsService s = new SettingsService(home);
    s.save(new Settings(Theme.LIGHT, null, pem.toString()));
    assertThat(s.policy().caBundle()).contains(pem);
    Files.delete(pem);
    assertThatThrownBy(s::policy)
        .isInstanceOf(UserError.class)
        .hasMessageContaining("choose the PEM file again in Settings");
  }
}
