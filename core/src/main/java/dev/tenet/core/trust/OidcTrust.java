package dev.tenet.core.trust;

import dev.tenet.core.iam.PolicyDocument;
import dev.tenet.core.iam.RequestContext;
import dev.tenet.core.iam.Statement;
import dev.tenet.core.iam.Ternary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a role's trust policy lets OIDC tokens do. */
public final class OidcTrust {
  public static final String WEB_IDENTITY_ACTION = "sts:AssumeRoleWithWebIdentity";

  private OidcTrust() {}

  /** The Allow statements that let tokens of an OIDC provider assume the role. */
  public static List<OidcGrant> grants(PolicyDocument trust) {
    List<OidcGrant> grants = new ArrayList<>();
    for (Statement s : trust.statements()) {
      if (!s.allow() || s.notPrincipal() || !s.coversAction(WEB_IDENTITY_ACTION)) {
        continue;
      }
      for (String federated : s.principals("Federated")) {
        Optional<OidcIssuer> issuer = OidcIssuer.fromProviderArn(federated);
        issuer.ifPresent(i -> grants.add(new OidcGrant(s, federated, i)));
      }
    }
    return grants;
  }

  /**
   * Whether a token with this subject, issued by the provider, may assume the role: some Allow
   * statement admits it and no Deny statement refuses it. The audience is the one the pipeline
   * would ask for. Unknown when a condition on another key (source IP, tags...) decides.
   */
  public static Ternary allows(PolicyDocument trust, String providerArn, String subject) {
    Ternary allowed = Ternary.FALSE;
    for (OidcGrant g : grants(trust)) {
      if (!g.providerArn().equals(providerArn)) {
        continue;
      }
      RequestContext request =
          new RequestContext()
              .with(g.issuer().conditionKey("sub"), subject)
              .with(g.issuer().conditionKey("aud"), g.audienceToPresent());
      Ternary admits = g.statement().conditionsHold(request);
      if (admits == Ternary.FALSE) {
        continue;
      }
      allowed = allowed.or(admits.and(denied(trust, providerArn, request).not()));
    }
    return allowed;
  }

  private static Ternary denied(PolicyDocument trust, String providerArn, RequestContext request) {
    Ternary denied = Ternary.FALSE;
    for (Statement s : trust.statements()) {
      if (s.allow() || !s.coversAction(WEB_IDENTITY_ACTION)) {
        continue;
      }
      boolean applies =
          s.anyPrincipal()
              || s.principals("Federated").contains(providerArn)
              || s.principals("Federated").contains("*");
      if (s.notPrincipal()) {
        applies = !s.principals("Federated").contains(providerArn);
      }
      if (applies) {
        denied = denied.or(s.conditionsHold(request));
      }
    }
    return denied;
  }
}
