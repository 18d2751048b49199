package dev.tenet.core.rbac;

import java.util.List;

/**
 * What a role's rules grant, as far as standing privilege goes.
 *
 * @param fullAdmin every verb on every resource of every API group (what cluster-admin grants)
 * @param wildcards the rules with a wildcard verb or resource, short of full administrator
 * @param readsSecrets get, list or watch on every secret in its scope
 * @param escalation what lets the holder raise its own rights: write RBAC, escalate or bind roles,
 *     impersonate, mint service account tokens, exec into pods, approve certificates
 */
public record RbacCapabilities(
    boolean fullAdmin, List<String> wildcards, boolean readsSecrets, List<String> escalation) {

  public RbacCapabilities {
    wildcards = List.copyOf(wildcards);
    escalation = List.copyOf(escalation);
  }

  /** Administrator, or able to make itself one. */
  public boolean adminEquivalent() {
    return fullAdmin || !escalation.isEmpty();
  }
}
