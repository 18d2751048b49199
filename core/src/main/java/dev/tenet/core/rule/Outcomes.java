package dev.tenet.core.rule;

/** What a rule reports for each subject it judges. Not thread-safe: one per rule evaluation. */
public interface Outcomes {
  /** The subject was judged and is fine. */
  void pass(String resource);

  /** The subject fails; fill in the evidence on the returned draft. */
  FindingDraft fail(String resource, String message);

  /** The facts needed to judge the subject are missing (permission, plan, error): never a pass. */
  void unknown(String resource, String reason);
}
