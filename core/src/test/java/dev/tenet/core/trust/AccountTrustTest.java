package dev.tenet.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.iam.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountTrustTest {

  @Test
  void wholeAccountsAndEveryoneAreFoundNarrowingConditionsNoted() {
    PolicyDocument trust =
        PolicyDocument.parse(
            """
            {"Statement":[
             {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"sts:AssumeRole"},
             {"Effect":"Allow","Principal":{"AWS":["464622532012"]},"Action":"sts:AssumeRole",
              "Condition":{"StringEquals":{"sts:ExternalId":"acme-7f3a"}}},
             {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"},
             {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::555555555555:role/ci"},"Action":"sts:AssumeRole"},
             {"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole",
              "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}]}
            """);
    List<AccountTrust.Grant> grants = AccountTrust.externalAccounts(trust, "123456789012");
    assertThat(grants)
        .extracting(AccountTrust.Grant::account)
        .containsExactly("999988887777", "464622532012", "*");
    assertThat(grants.get(0).narrowedBy()).isEmpty();
    assertThat(grants.get(1).narrowedBy()).containsExactly("sts:ExternalId");
    assertThat(grants.get(2).everyone()).isTrue();
    assertThat(grants.get(2).narrowedBy()).containsExactly("aws:PrincipalOrgID");
  }
}
