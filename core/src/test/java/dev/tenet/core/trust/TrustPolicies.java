package dev.tenet.core.trust;

import dev.tenet.core.iam.PolicyDocument;

/** Trust policies written the way people write them, for the trust tests. */
final class TrustPolicies {
  private TrustPolicies() {}

  static final String ACCOUNT = "123456789012";
  static final String GITHUB_PROVIDER =
      "arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com";
  static final String GITLAB_PROVIDER = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/gitlab.com";

  /** A GitHub trust statement with the given Condition block (JSON object content). */
  static PolicyDocument github(String condition) {
    return PolicyDocument.parse(
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"%s"},
          "Action":"sts:AssumeRoleWithWebIdentity",
          "Condition":{%s}}]}
        """
            .formatted(GITHUB_PROVIDER, condition));
  }

  static PolicyDocument gitlab(String condition) {
    return PolicyDocument.parse(
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"%s"},
          "Action":"sts:AssumeRoleWithWebIdentity",
          "Condition":{%s}}]}
        """
            .formatted(GITLAB_PROVIDER, condition));
  }

  /** An exact audience condition, under an operator name that cannot collide with sub's. */
  static String aud() {
    return "\"StringEqualsIgnoreCase\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"}";
  }

  static String sub(String operator, String... values) {
    StringBuilder v = new StringBuilder();
    for (String value : values) {
      v.append(v.isEmpty() ? "" : ",").append('"').append(value).append('"');
    }
    return "\""
        + operator
        + "\":{\"token.actions.githubusercontent.com:sub\":"
        + (values.length == 1 ? v : "[" + v + "]")
        + "}";
  }
}
