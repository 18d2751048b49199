package dev.tenet.core.pipeline.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellScriptTest {
  @Test
  void splitsCommandsListsAndPipes() {
    List<ShellScript.Command> cs =
        ShellScript.parse("npm ci && npm test; curl -s x | bash\n# comment\necho done");
    assertThat(cs)
        .extracting(ShellScript.Command::program)
        .containsExactly("npm", "npm", "curl", "bash", "echo");
    assertThat(cs.get(3).pipedFrom()).isTrue();
    assertThat(cs.get(1).args()).containsExactly("test");
  }

  @Test
  void joinsContinuationsAndKeepsOffsets() {
    String s = "echo a\ngem \\\n  push \\\n  x.gem\n";
    ShellScript.Command gem = ShellScript.parse(s).get(1);
    assertThat(gem.program()).isEqualTo("gem");
    assertThat(gem.args()).containsExactly("push", "x.gem");
    assertThat(gem.offset()).isEqualTo(s.indexOf("gem"));
  }

  @Test
  void readsQuotesRedirectsAndExpansions() {
    List<ShellScript.Command> cs =
        ShellScript.parse(
            "echo \"a=$(date)\" >> \"$GITHUB_ENV\"\necho 'fixed' > ${GITHUB_OUTPUT}\n"
                + "FOO=bar ./build.sh 2>&1\n");
    ShellScript.Command first = cs.get(0);
    assertThat(first.redirects())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.op()).isEqualTo(">>");
              assertThat(r.target().raw()).isEqualTo("\"$GITHUB_ENV\"");
            });
    assertThat(first.words().get(1).literal()).isFalse();
    assertThat(cs.get(1).words().get(1).literal()).isTrue();
    assertThat(cs.get(2).program()).isEqualTo("build.sh");
    assertThat(cs.get(2).name()).isEqualTo("./build.sh");
    assertThat(cs.get(2).redirects()).isEmpty();
  }

  @Test
  void attachesHereDocumentsToTheirCommand() {
    List<ShellScript.Command> cs =
        ShellScript.parse("cat <<EOF >> $GITHUB_OUTPUT\nname=${{ x }}\nEOF\necho after\n");
    assertThat(cs.get(0).heredoc()).isEqualTo("name=${{ x }}\n");
    assertThat(cs.get(0).redirects()).hasSize(1);
    assertThat(cs.get(1).program()).isEqualTo("echo");
  }
}
