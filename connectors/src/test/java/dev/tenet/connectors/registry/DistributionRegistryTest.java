package dev.tenet.connectors.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * Without the registry binary the real-registry tests fail and say how to install it; they skip
 * only when told to.
 */
class DistributionRegistryTest {
  @TempDir Path folder;

  @AfterEach
  void restore() {
    System.clearProperty(DistributionRegistry.BINARY_PROPERTY);
    System.clearProperty(DistributionRegistry.SKIP_PROPERTY);
  }

  @Test
  void aMissingBinaryFailsWithInstructions() {
    System.setProperty(
        DistributionRegistry.BINARY_PROPERTY, folder.resolve("no-registry").toString());
    assertThatThrownBy(() -> DistributionRegistry.start(folder, null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("is not installed")
        .hasMessageContaining("apt-get install docker-registry")
        .hasMessageContaining("-Dtenet.registry.skip=true");
  }

  @Test
  void itSkipsOnlyWhenToldTo() {
    System.setProperty(
        DistributionRegistry.BINARY_PROPERTY, folder.resolve("no-registry").toString());
    System.setProperty(DistributionRegistry.SKIP_PROPERTY, "true");
    assertThatThrownBy(() -> DistributionRegistry.start(folder, null))
        .isInstanceOf(TestAbortedException.class);
  }
}
