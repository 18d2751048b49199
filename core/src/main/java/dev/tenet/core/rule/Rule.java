package dev.tenet.core.rule;

/**
 * A zero-trust check: a pure function of the scan's facts. It reports, for every subject it judges,
 * a pass, a failure (which becomes a finding) or an unknown (the facts it needs are missing). Rules
 * do no I/O and read no clock: the scan time comes from the context.
 */
public interface Rule {
  RuleMetadata metadata();

  void evaluate(RuleContext context, Outcomes outcomes);
}
