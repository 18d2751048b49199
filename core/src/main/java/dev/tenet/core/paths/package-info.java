/**
 * Attack paths: how an untrusted entry point (the internet, an outside collaborator, a member
 * without two-factor authentication, a third-party action...) reaches a crown jewel (production, a
 * release branch, a registry, a cloud role, the organization) through the trust graph.
 *
 * <p>{@link dev.tenet.core.paths.AttackGraph} turns the trust graph into a compact graph of attack
 * steps, adding the derived relations once per scan (organization base permission, fork-triggered
 * workflows, persistent runners) without materialising one edge per member and repository. {@link
 * dev.tenet.core.paths.AttackPathAnalyzer} finds the shortest paths (and alternatives) from every
 * kind of entry point, names the finding or fact behind every step, computes the smallest set of
 * fixes that closes every path, and the blast radius of the riskiest entry points. What counts as
 * an entry point or a crown jewel, and which findings enable which step, is data: {@link
 * dev.tenet.core.paths.PathPolicy} ({@code paths.yaml}).
 */
package dev.tenet.core.paths;
