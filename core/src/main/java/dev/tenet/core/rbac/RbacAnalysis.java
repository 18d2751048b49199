package dev.tenet.core.rbac;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Summarizes RBAC rules into {@link RbacCapabilities}. */
public final class RbacAnalysis {
  private RbacAnalysis() {}

  private static final String RBAC = "rbac.authorization.k8s.io";
  private static final List<String> READ = List.of("get", "list", "watch");
  private static final List<String> WRITE = List.of("create", "update", "patch");

  public static RbacCapabilities analyze(List<RbacRule> rules) {
    boolean fullAdmin = false;
    boolean readsSecrets = false;
    List<String> wildcards = new ArrayList<>();
    Set<String> escalation = new LinkedHashSet<>();
    for (RbacRule r : rules) {
      boolean allNames = r.unrestrictedNames();
      if (r.apiGroups().contains("*")
          && r.resources().contains("*")
          && r.verbs().contains("*")
          && allNames) {
        fullAdmin = true;
        continue;
      }
      if ((r.verbs().contains("*") || r.resources().contains("*")) && !r.resources().isEmpty()) {
        wildcards.add(r.toString());
      }
      if (allNames
          && r.hasGroup("")
          && r.hasResource("secrets")
          && READ.stream().anyMatch(r::hasVerb)) {
        readsSecrets = true;
      }
      if (allNames && r.hasGroup(RBAC)) {
        for (String res : List.of("roles", "clusterroles", "rolebindings", "clusterrolebindings")) {
          if (r.hasResource(res) && WRITE.stream().anyMatch(r::hasVerb)) {
            escalation.add("write " + res);
          }
        }
        if ((r.hasResource("roles") || r.hasResource("clusterroles"))
            && (r.hasVerb("escalate") || r.hasVerb("bind"))) {
          escalation.add("escalate or bind roles");
        }
      }
      if (r.hasVerb("impersonate")
          && (r.hasResource("users")
              || r.hasResource("groups")
              || r.hasResource("serviceaccounts"))) {
        escalation.add("impersonate users, groups or service accounts");
      }
      if (r.hasGroup("") && r.hasResource("serviceaccounts/token") && r.hasVerb("create")) {
        escalation.add("create service account tokens");
      }
      if (r.hasGroup("") && r.hasResource("pods/exec") && r.hasVerb("create")) {
        escalation.add("exec into pods");
      }
      if (r.hasGroup("")
          && r.hasResource("nodes/proxy")
          && (r.hasVerb("get") || r.hasVerb("create"))) {
        escalation.add("proxy to kubelets (nodes/proxy)");
      }
      if (r.hasGroup("certificates.k8s.io")
          && r.hasResource("certificatesigningrequests/approval")
          && WRITE.stream().anyMatch(r::hasVerb)) {
        escalation.add("approve certificate signing requests");
      }
    }
    if (fullAdmin) {
      readsSecrets = true;
    }
    return new RbacCapabilities(fullAdmin, wildcards, readsSecrets, List.copyOf(escalation));
  }
}
