package dev.tenet.core.assessment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the attack path analysis of an assessment found besides the paths themselves: how many entry
 * points and crown jewels there are, the smallest set of fixes that closes every path, and how far
 * the riskiest entry points reach.
 *
 * @param entryPoints untrusted entry points in the graph
 * @param crownJewels crown jewels in the graph
 * @param reachableJewels crown jewels at least one entry point reaches
 * @param pathsFound attack paths found (the assessment lists at most the policy's limit of them)
 * @param cut the fixes that together close every path found, cheapest first
 * @param cutClosesAll true when, after the cut, no crown jewel is reachable any more
 * @param findingPaths finding id to the number of paths it enables (its exposure in scoring)
 * @param blastRadius what the entry points with the widest reach can reach
 */
public record Exposure(
    int entryPoints,
    int crownJewels,
    int reachableJewels,
    int pathsFound,
    List<Fix> cut,
    boolean cutClosesAll,
    Map<String, Integer> findingPaths,
    List<BlastRadius> blastRadius) {

  public static final Exposure NONE =
      new Exposure(0, 0, 0, 0, List.of(), true, Map.of(), List.of());

  public Exposure {
    cut = List.copyOf(cut);
    findingPaths = Collections.unmodifiableMap(new TreeMap<>(findingPaths));
    blastRadius = List.copyOf(blastRadius);
  }

  /**
   * One fix of a cut: a finding to resolve, or a fact (a relation) to remove when no finding
   * describes it.
   *
   * @param id the finding id, or a fact key
   * @param finding true for a finding, false for a fact
   * @param resource what to change
   * @param title the finding's title, or the fact in words
   * @param action what to do
   * @param closes paths that this fix alone closes
   */
  public record Fix(
      String id, boolean finding, String resource, String title, String action, int closes) {}

  /**
   * Everything one principal (identity, token, secret) can reach through the trust graph.
   *
   * @param principal its resource id
   * @param kind its entity kind id
   * @param reachable entities it reaches (itself excluded)
   * @param byKind entity kind id to how many of that kind it reaches
   * @param crownJewels the crown jewels it reaches, closest first (at most a few dozen listed)
   * @param crownJewelCount how many crown jewels it reaches in all
   */
  public record BlastRadius(
      String principal,
      String kind,
      int reachable,
      Map<String, Integer> byKind,
      List<String> crownJewels,
      int crownJewelCount) {

    public BlastRadius {
      byKind = Collections.unmodifiableMap(new LinkedHashMap<>(byKind));
      crownJewels = List.copyOf(crownJewels);
    }
  }
}
