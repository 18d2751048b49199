package dev.tenet.core.paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The smallest set of fixes that breaks every path: a minimum hitting set of the paths' fix tokens
 * (a path is broken when any one of its tokens is fixed). Greedy first (each round takes the fix
 * that breaks the most unbroken paths), then an exact search for a smaller set when the greedy one
 * is small enough to improve within a bounded effort; ties prefer findings (they come with a tested
 * remediation) over facts.
 */
final class CutSolver {
  /** Branches the exact search may explore before settling for the greedy answer. */
  private static final int EXACT_BUDGET = 250_000;

  private final List<int[]> paths;
  private final boolean[] preferred;
  private final Map<Integer, BitSet> cover = new HashMap<>();
  private int explored;

  /**
   * @param paths each path's tokens
   * @param preferred per token: true for a finding (preferred on ties)
   */
  CutSolver(List<int[]> paths, boolean[] preferred) {
    this.paths = paths;
    this.preferred = preferred;
    for (int p = 0; p < paths.size(); p++) {
      for (int t : paths.get(p)) {
        cover.computeIfAbsent(t, k -> new BitSet()).set(p);
      }
    }
  }

  /** How many of the paths a token breaks on its own. */
  int closes(int token) {
    BitSet b = cover.get(token);
    return b == null ? 0 : b.cardinality();
  }

  /**
   * The tokens of a smallest cut found, most paths closed first. Paths without any token cannot be
   * cut and are left out.
   */
  int[] solve() {
    BitSet all = new BitSet();
    for (int p = 0; p < paths.size(); p++) {
      if (paths.get(p).length > 0) {
        all.set(p);
      }
    }
    if (all.isEmpty()) {
      return new int[0];
    }
    int[] best = greedy(all);
    if (best.length > 1) {
      for (int k = 1; k < best.length; k++) {
        explored = 0;
        int[] chosen = new int[k];
        if (search(all, chosen, 0) && explored <= EXACT_BUDGET) {
          best = chosen;
          break;
        }
        if (explored > EXACT_BUDGET) {
          break;
        }
      }
    }
    Integer[] boxed = Arrays.stream(best).distinct().boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, order());
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }

  private Comparator<Integer> order() {
    return Comparator.<Integer>comparingInt(t -> -closes(t))
        .thenComparing(t -> !preferred[t])
        .thenComparingInt(t -> t);
  }

  /** Lazy greedy: coverage only shrinks, so a stale gain is an upper bound. */
  private int[] greedy(BitSet all) {
    BitSet open = (BitSet) all.clone();
    record Gain(int token, int gain) {}
    PriorityQueue<Gain> queue =
        new PriorityQueue<>(
            Comparator.<Gain>comparingInt(g -> -g.gain())
                .thenComparing(g -> !preferred[g.token()])
                .thenComparingInt(Gain::token));
    cover.forEach((t, b) -> queue.add(new Gain(t, b.cardinality())));
    List<Integer> chosen = new ArrayList<>();
    while (!open.isEmpty() && !queue.isEmpty()) {
      Gain top = queue.poll();
      BitSet now = (BitSet) cover.get(top.token()).clone();
      now.and(open);
      int gain = now.cardinality();
      if (gain == 0) {
        continue;
      }
      Gain next = queue.peek();
      if (next == null
          || gain > next.gain()
          || (gain == next.gain()
              && queue.comparator().compare(new Gain(top.token(), gain), next) <= 0)) {
        chosen.add(top.token());
        open.andNot(now);
      } else {
        queue.add(new Gain(top.token(), gain));
      }
    }
    return chosen.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Whether {@code chosen.length - depth} more tokens can break every open path: branch on the
   * tokens of the open path with the fewest of them (one of them must be in any cut).
   */
  private boolean search(BitSet open, int[] chosen, int depth) {
    if (open.isEmpty()) {
      // Broken with fewer fixes than allowed: repeat the last one (duplicates are dropped).
      Arrays.fill(chosen, depth, chosen.length, chosen[depth - 1]);
      return true;
    }
    if (depth == chosen.length || ++explored > EXACT_BUDGET) {
      return false;
    }
    int pick = -1;
    int fewest = Integer.MAX_VALUE;
    for (int p = open.nextSetBit(0); p >= 0; p = open.nextSetBit(p + 1)) {
      if (paths.get(p).length < fewest) {
        fewest = paths.get(p).length;
        pick = p;
      }
    }
    Integer[] options = Arrays.stream(paths.get(pick)).boxed().toArray(Integer[]::new);
    Arrays.sort(options, order());
    for (int t : options) {
      BitSet rest = (BitSet) open.clone();
      rest.andNot(cover.get(t));
      chosen[depth] = t;
      if (search(rest, chosen, depth + 1)) {
        return true;
      }
      if (explored > EXACT_BUDGET) {
        return false;
      }
    }
    return false;
  }
}
