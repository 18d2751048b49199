package dev.tenet.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialReferenceTest {
  @Test
  void parsesTheThreeKinds() {
    assertThat(CredentialReference.parse("keychain:github-prod"))
        .isEqualTo(CredentialReference.keychain("github-prod"));
    assertThat(CredentialReference.parse("VAULT:ci.token"))
        .isEqualTo(CredentialReference.vault("ci.token"));
    assertThat(CredentialReference.parse(" env:GITHUB_TOKEN "))
        .isEqualTo(CredentialReference.env("GITHUB_TOKEN"));
    assertThat(CredentialReference.env("X").toString()).isEqualTo("env:X");
  }

  @Test
  void rejectsMalformedReferencesInOneSentence() {
    assertThatThrownBy(() -> CredentialReference.parse("file:/etc/passwd"))
        .hasMessage(
            "'file:/etc/passwd' is not a credential reference: use keychain:NAME, vault:NAME or env:VAR.");
    assertThatThrownBy(() -> CredentialReference.parse("env:1BAD"))
        .hasMessage("'1BAD' is not an environment variable name.");
    assertThatThrownBy(() -> CredentialReference.parse("keychain:../x"))
        .hasMessageStartingWith("'../x' is not a valid credential name");
    assertThatThrownBy(() -> CredentialReference.parse("vault:a\u001b[31mred"))
        .hasMessageNotContaining("\u001b");
  }

  @Test
  void aTokenWhereAReferenceBelongsIsRefusedWithoutEchoingIt() {
    String token = "glpat-Abcdefghij0123456789xyz";
    assertThatThrownBy(() -> CredentialReference.parse(token))
        .hasMessageStartingWith("That looks like a token itself")
        .hasMessageNotContaining(token);
    assertThatThrownBy(() -> CredentialReference.parse("env:" + token))
        .hasMessageNotContaining(token);
  }
}
