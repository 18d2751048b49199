package dev.tenet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK discovery shared by ./tenet and ./mvnw (.mvn/find-jdk.sh), on fake JDK folders. */
class JdkDiscoveryTest {
  private static final Path SCRIPT =
      Path.of("..", ".mvn", "find-jdk.sh").toAbsolutePath().normalize();

  @TempDir Path temp;

  private Path fakeJdk(String relative, String version) throws IOException {
    Path home = temp.resolve(relative);
    Files.createDirectories(home.resolve("bin"));
    for (String tool : List.of("java", "javac")) {
      Path exe = home.resolve("bin").resolve(tool);
      Files.writeString(exe, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\n");
      Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  private record Result(int code, String out, String err) {}

  private Result select(Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            "sh",
            "-c",
            ". \"$1\"; tenet_select_jdk && echo \"$JAVA_HOME\"",
            "sh",
            SCRIPT.toString());
    pb.environment().clear();
    pb.environment().put("PATH", temp.resolve("no-java").toString() + ":/usr/bin:/bin");
    pb.environment().put("HOME", temp.resolve("home").toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return new Result(p.waitFor(), out, err);
  }

  @Test
  void anOldJavaHomeIsPassedOverForTheNewestJdkInTheUsualFolders() throws Exception {
    Path old = fakeJdk("jvm/java-17", "17.0.15");
    fakeJdk("jvm/java-21", "21.0.5");
    Path newest = fakeJdk("jvm/temurin-25", "25.0.3");
    Result r =
        select(
            Map.of("JAVA_HOME", old.toString(), "TENET_JDK_ROOTS", temp.resolve("jvm").toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(newest.toString());
  }

  @Test
  void aSuitableJavaHomeIsKept() throws Exception {
    Path jdk21 = fakeJdk("mine/jdk-21", "21.0.5");
    fakeJdk("jvm/temurin-25", "25.0.3");
    Result r =
        select(
            Map.of(
                "JAVA_HOME", jdk21.toString(), "TENET_JDK_ROOTS", temp.resolve("jvm").toString()));
    assertThat(r.out()).isEqualTo(jdk21.toString());
  }

  @Test
  void findsMacOsBundles() throws Exception {
    Path home = fakeJdk("vms/temurin-21.jdk/Contents/Home", "21.0.5");
    Result r = select(Map.of("TENET_JDK_ROOTS", temp.resolve("vms").toString()));
    assertThat(r.out()).isEqualTo(home.toString());
  }

  @Test
  void noSuitableJdkIsOneClearSentence() throws Exception {
    fakeJdk("jvm/java-17", "17.0.15");
    fakeJdk("jvm/java-8", "1.8.0_402");
    Result r = select(Map.of("TENET_JDK_ROOTS", temp.resolve("jvm").toString()));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("Tenet needs a JDK 21 or newer and found none")
        .doesNotContain("\n");
  }
}
