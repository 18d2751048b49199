package dev.tenet.core.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Summarizes identity policies into the facts that matter for standing privilege: full
 * administrator, privilege escalation through IAM, service-wide wildcards and roles it may assume.
 * Deliberately conservative in one direction only: conditions on Allow statements are ignored (an
 * administrator behind an MFA condition is still a standing administrator); only unconditional Deny
 * statements on every resource take a grant away. Service control policies are not visible here.
 */
public final class PermissionAnalysis {
  private PermissionAnalysis() {}

  /** IAM actions that let a principal raise its own privileges to administrator. */
  public static final List<String> ESCALATION_ACTIONS =
      List.of(
          "iam:AttachUserPolicy",
          "iam:AttachGroupPolicy",
          "iam:AttachRolePolicy",
          "iam:PutUserPolicy",
          "iam:PutGroupPolicy",
          "iam:PutRolePolicy",
          "iam:CreatePolicyVersion",
          "iam:SetDefaultPolicyVersion",
          "iam:UpdateAssumeRolePolicy",
          "iam:CreateAccessKey",
          "iam:CreateLoginProfile",
          "iam:UpdateLoginProfile",
          "iam:AddUserToGroup");

  public static Permissions analyze(List<NamedPolicy> policies, Optional<PolicyDocument> boundary) {
    List<String> denied = new ArrayList<>();
    for (NamedPolicy p : policies) {
      for (Statement s : p.document().statements()) {
        if (!s.allow() && s.conditions().isEmpty() && s.coversAllResources() && !s.notAction()) {
          denied.addAll(s.actions());
        }
      }
    }
    boolean fullAdmin = false;
    Set<String> adminVia = new LinkedHashSet<>();
    Set<String> escalation = new LinkedHashSet<>();
    Set<String> wildcards = new LinkedHashSet<>();
    Set<String> assumable = new LinkedHashSet<>();
    for (NamedPolicy p : policies) {
      for (Statement s : p.document().statements()) {
        if (!s.allow()) {
          continue;
        }
        if (s.coversAction("sts:AssumeRole") && allowed("sts:AssumeRole", denied, boundary)) {
          if (s.notResource()) {
            assumable.add("*");
          } else {
            assumable.addAll(s.resources());
          }
        }
        if (!s.coversAllResources()) {
          continue;
        }
        // Conditions on Allow statements are not judged, but said: they may make it harmless.
        String from = p.name() + (s.conditions().isEmpty() ? "" : ", conditional");
        if (s.notAction()) {
          wildcards.add(p.name() + ": every action except " + String.join(", ", s.actions()));
          for (String e : ESCALATION_ACTIONS) {
            if (s.coversAction(e) && allowed(e, denied, boundary)) {
              escalation.add(e + " (" + from + ")");
            }
          }
          continue;
        }
        for (String action : s.actions()) {
          // Escalation is judged per action: a boundary may let some of a wildcard through.
          for (String e : ESCALATION_ACTIONS) {
            if (IamGlob.matchesIgnoreCase(action, e) && allowed(e, denied, boundary)) {
              escalation.add(e + " (" + from + ")");
            }
          }
          if (!allowed(action, denied, boundary)) {
            continue;
          }
          if (action.equals("*") || action.equals("*:*")) {
            fullAdmin = true;
            adminVia.add(p.name());
          } else if (serviceWide(action)) {
            wildcards.add(p.name() + ": " + action + " on *");
          }
        }
      }
    }
    return new Permissions(
        fullAdmin,
        List.copyOf(adminVia),
        List.copyOf(escalation),
        List.copyOf(wildcards),
        List.copyOf(assumable));
  }

  /** A wildcard over a whole service (s3:*) or across services (*:Get*). */
  private static boolean serviceWide(String action) {
    int colon = action.indexOf(':');
    if (colon < 0) {
      return action.contains("*");
    }
    String service = action.substring(0, colon);
    String name = action.substring(colon + 1);
    return service.contains("*") || name.equals("*");
  }

  /** Not taken away by an unconditional Deny, and inside the permissions boundary if any. */
  private static boolean allowed(
      String action, List<String> denied, Optional<PolicyDocument> boundary) {
    String a = action.toLowerCase(Locale.ROOT);
    for (String d : denied) {
      if (IamGlob.matchesIgnoreCase(d, a)) {
        return false;
      }
    }
    if (boundary.isEmpty()) {
      return true;
    }
    boolean inside = false;
    for (Statement s : boundary.get().statements()) {
      if (!s.coversAllResources()) {
        continue;
      }
      boolean covers =
          s.notAction()
              ? s.actions().stream().noneMatch(p -> IamGlob.matchesIgnoreCase(p, a))
              : s.actions().stream().anyMatch(p -> IamGlob.matchesIgnoreCase(p, a));
      if (covers) {
        if (!s.allow() && s.conditions().isEmpty()) {
          return false;
        }
        if (s.allow()) {
          inside = true;
        }
      }
    }
    return inside;
  }
}
