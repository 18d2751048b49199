package dev.tenet.core.iam;

import java.util.List;

/**
 * What the identity policies of a principal grant on every resource, as far as Tenet judges it.
 *
 * @param fullAdmin {@code "Action": "*"} on {@code "Resource": "*"} is allowed
 * @param adminVia the policies that grant it
 * @param escalation IAM actions that let the principal grant itself more (attach or put policies,
 *     create access keys for others...), each with the policy that allows it
 * @param wildcardGrants service-wide wildcards on every resource, e.g. "s3-data: s3:* on *"
 * @param assumableRoles resource patterns of roles it may call sts:AssumeRole on
 */
public record Permissions(
    boolean fullAdmin,
    List<String> adminVia,
    List<String> escalation,
    List<String> wildcardGrants,
    List<String> assumableRoles) {

  public Permissions {
    adminVia = List.copyOf(adminVia);
    escalation = List.copyOf(escalation);
    wildcardGrants = List.copyOf(wildcardGrants);
    assumableRoles = List.copyOf(assumableRoles);
  }

  /** Administrator, or able to make itself one. */
  public boolean adminEquivalent() {
    return fullAdmin || !escalation.isEmpty();
  }
}
