package dev.tenet.core.score;

/**
 * Points a pillar lost, and to what: a finding (findingId set) or the unknown outcomes of a rule
 * (findingId null).
 */
public record Deduction(String ruleId, String findingId, double points, String reason) {}
