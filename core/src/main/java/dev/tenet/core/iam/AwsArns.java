package dev.tenet.core.iam;

import dev.tenet.core.model.ResourceId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM ARNs and the resource ids Tenet gives what they name: {@code aws:ACCOUNT#role/NAME}, {@code
 * aws:ACCOUNT#user/NAME}, {@code aws:ACCOUNT#group/NAME}, {@code aws:ACCOUNT#oidc-provider/URL}.
 * Paths ({@code /service-role/}) are not part of the id: names are unique in an account whatever
 * their path.
 */
public final class AwsArns {
  private AwsArns() {}

  public static final String PLATFORM = "aws";

  private static final Pattern IAM =
      Pattern.compile("arn:aws[\\w-]*:iam::(\\d{12}):(role|user|group|policy|oidc-provider)/(.+)");

  /** The resource id of an IAM role, user, group, policy or OIDC provider ARN. */
  public static Optional<String> resourceId(String arn) {
    Matcher m = IAM.matcher(arn.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String kind = m.group(2);
    String rest = m.group(3);
    String name = kind.equals("oidc-provider") ? rest : rest.substring(rest.lastIndexOf('/') + 1);
    return Optional.of(ResourceId.of(PLATFORM, m.group(1), kind, name));
  }

  /** The account id of an ARN, when it has one. */
  public static Optional<String> account(String arn) {
    String[] parts = arn.strip().split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn") || !parts[4].matches("\\d{12}")) {
      return Optional.empty();
    }
    return Optional.of(parts[4]);
  }

  public static String accountId(String account) {
    return ResourceId.of(PLATFORM, account);
  }
}
