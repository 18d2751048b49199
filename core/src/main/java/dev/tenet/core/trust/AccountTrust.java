package dev.tenet.core.trust;

import dev.tenet.core.iam.Condition;
import dev.tenet.core.iam.PolicyDocument;
import dev.tenet.core.iam.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trust a role gives to whole AWS accounts: {@code arn:aws:iam::OTHER:root} (or the bare account
 * id) lets every principal of that account that holds sts:AssumeRole assume the role, and {@code
 * "*"} lets every principal of every account do so.
 */
public final class AccountTrust {
  private AccountTrust() {}

  private static final Pattern ROOT = Pattern.compile("arn:aws[\\w-]*:iam::(\\d{12}):root");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  /** Condition keys that narrow whole-account trust to someone in particular. */
  public static final List<String> NARROWING_KEYS =
      List.of(
          "sts:ExternalId",
          "aws:PrincipalArn",
          "aws:PrincipalOrgID",
          "aws:PrincipalOrgPaths",
          "aws:PrincipalAccount",
          "aws:SourceAccount",
          "aws:SourceArn",
          "aws:PrincipalTag",
          "aws:userid");

  /**
   * @param account the trusted account id, or "*" for every account
   * @param statement the statement granting it
   * @param narrowedBy the narrowing conditions present (empty: the whole account is trusted)
   */
  public record Grant(String account, Statement statement, List<String> narrowedBy) {
    public Grant {
      narrowedBy = List.copyOf(narrowedBy);
    }

    public boolean everyone() {
      return account.equals("*");
    }
  }

  /** Whole-account trust in accounts other than the role's own. */
  public static List<Grant> externalAccounts(PolicyDocument trust, String ownAccount) {
    List<Grant> grants = new ArrayList<>();
    for (Statement s : trust.statements()) {
      if (!s.allow() || s.notPrincipal() || !s.coversAction("sts:AssumeRole")) {
        continue;
      }
      List<String> principals = new ArrayList<>(s.principals("AWS"));
      if (s.anyPrincipal()) {
        principals.add("*");
      }
      for (String p : principals) {
        String account = wholeAccount(p);
        if (account == null || account.equals(ownAccount)) {
          continue;
        }
        grants.add(new Grant(account, s, narrowing(s)));
      }
    }
    return grants;
  }

  /** The account a principal names as a whole, or null for a specific role or user. */
  static String wholeAccount(String principal) {
    String p = principal.strip();
    if (p.equals("*")) {
      return "*";
    }
    if (ACCOUNT.matcher(p).matches()) {
      return p;
    }
    Matcher m = ROOT.matcher(p);
    return m.matches() ? m.group(1) : null;
  }

  private static List<String> narrowing(Statement s) {
    List<String> keys = new ArrayList<>();
    for (Condition c : s.conditions()) {
      String key = c.key().toLowerCase(Locale.ROOT);
      for (String k : NARROWING_KEYS) {
        String lower = k.toLowerCase(Locale.ROOT);
        if ((key.equals(lower) || key.startsWith(lower + "/")) && !c.isNegated()) {
          keys.add(c.key());
        }
      }
    }
    return keys;
  }
}
