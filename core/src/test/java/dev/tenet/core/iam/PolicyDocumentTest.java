package dev.tenet.core.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

  @Test
  void parsesSingleStatementsStringsAndListsAlike() {
    PolicyDocument doc =
        PolicyDocument.parse(
            """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*",
             "NotAction":"iam:*","Resource":["*"],
             "Condition":{"Bool":{"aws:MultiFactorAuthPresent":true}}}}
            """);
    Statement s = doc.statements().get(0);
    assertThat(s.allow()).isTrue();
    assertThat(s.anyPrincipal()).isTrue();
    assertThat(s.notAction()).isTrue();
    assertThat(s.coversAction("iam:CreateUser")).isFalse();
    assertThat(s.coversAction("s3:GetObject")).isTrue();
    assertThat(s.coversAllResources()).isTrue();
    assertThat(s.conditions())
        .singleElement()
        .extracting(Condition::values)
        .asList()
        .containsExactly("true");
  }

  @Test
  void decodesUrlEncodedDocumentsAsTheIamApiReturnsThem() {
    String json =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
            + "\"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com\"},"
            + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
            + "{\"token.actions.githubusercontent.com:sub\":\"repo:acme/a+b:*\"}}}]}";
    String encoded = URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    // '+' inside a value must survive: IAM encodes it as %2B, never as a space.
    PolicyDocument doc = PolicyDocument.parse(encoded);
    Statement s = doc.statements().get(0);
    assertThat(s.principals("federated")).hasSize(1);
    assertThat(s.conditions().get(0).values()).containsExactly("repo:acme/a+b:*");
    assertThat(s.coversAction("STS:AssumeRoleWithWebIdentity")).isTrue();
  }

  @Test
  void anUnknownEffectIsNeverAnAllow() {
    PolicyDocument doc =
        PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"allow \",\"Action\":\"*\"}]}");
    assertThat(doc.statements().get(0).allow()).isFalse();
  }

  @Test
  void rejectsWhatIsNotAPolicy() {
    assertThatThrownBy(() -> PolicyDocument.parse("{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> PolicyDocument.parse("[1,2]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void arnsMapToResourceIds() {
    assertThat(AwsArns.resourceId("arn:aws:iam::123456789012:role/service-role/deployer"))
        .hasValue("aws:123456789012#role/deployer");
    assertThat(AwsArns.resourceId("arn:aws:iam::123456789012:user/ci-bot"))
        .hasValue("aws:123456789012#user/ci-bot");
    assertThat(
            AwsArns.resourceId(
                "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"))
        .hasValue("aws:123456789012#oidc-provider/token.actions.githubusercontent.com");
    assertThat(AwsArns.resourceId("arn:aws-us-gov:iam::123456789012:role/x"))
        .hasValue("aws:123456789012#role/x");
    assertThat(AwsArns.resourceId("arn:aws:s3:::bucket")).isEmpty();
    assertThat(AwsArns.account("arn:aws:iam::123456789012:root")).hasValue("123456789012");
  }
}
