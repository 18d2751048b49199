package dev.tenet.app.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.EntityKind;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.IkonHandler;

/** Every kind of entity has an icon that exists (an unknown literal would fail when drawn). */
class IconsTest {
  @Test
  void everyEntityKindHasItsOwnIcon() {
    for (EntityKind k : EntityKind.values()) {
      String literal = Icons.forKind(k.id());
      assertThat(literal).as(k.id()).isNotEqualTo(Icons.forKind("no-such-kind"));
      assertThat(resolve(literal)).as(literal).isNotNull();
    }
    String fallback = Icons.forKind(null);
    assertThat(resolve(fallback)).isNotNull();
  }

  private static Ikon resolve(String literal) {
    for (IkonHandler h : ServiceLoader.load(IkonHandler.class)) {
      if (h.supports(literal)) {
        return h.resolve(literal);
      }
    }
    return null;
  }
}
