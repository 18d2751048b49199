package dev.tenet.core.paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The smallest set of fixes that breaks every path: a minimum hitting set of the paths' fix tokens
 * (a path is broken when any one of its tokens is fixed). Greedy first (each round takes the fix
 * that breaks the most unbroken paths), then, when the greedy cut is small, an exact search for a
 * smaller one within a bounded effort. Ties prefer findings (they come with a tested remediation)
 * over facts. Works on incidence lists, so memory grows with paths times their length.
 */
final class CutSolver {
  /** Branches the exact search may explore before settling for the greedy answer. */
  private static final int EXACT_BUDGET = 100_000;

  /** The exact search only tries to improve small cuts over not too many paths. */
  private static final int EXACT_MAX_CUT = 6;

  private static final int EXACT_MAX_PATHS = 5_000;

  private final List<int[]> paths;
  private final boolean[] preferred;
  private final int[][] cover;
  private int explored;

  /**
   * @param paths each path's tokens (distinct)
   * @param preferred per token: true for a finding (preferred on ties); its length bounds tokens
   */
  CutSolver(List<int[]> paths, boolean[] preferred) {
    this.paths = paths;
    this.preferred = preferred;
    int[] counts = new int[preferred.length];
    for (int[] p : paths) {
      for (int t : p) {
        counts[t]++;
      }
    }
    cover = new int[preferred.length][];
    for (int t = 0; t < counts.length; t++) {
      cover[t] = new int[counts[t]];
    }
    int[] fill = new int[preferred.length];
    for (int p = 0; p < paths.size(); p++) {
      for (int t : paths.get(p)) {
        cover[t][fill[t]++] = p;
      }
    }
  }

  /** How many of the paths a token breaks on its own. */
  int closes(int token) {
    return token < cover.length ? cover[token].length : 0;
  }

  /**
   * The tokens of a smallest cut found, most paths closed first. Paths without any token cannot be
   * cut and are left out.
   */
  int[] solve() {
    int cuttable = 0;
    for (int[] p : paths) {
      if (p.length > 0) {
        cuttable++;
      }
    }
    if (cuttable == 0) {
      return new int[0];
    }
    int[] best = greedy();
    if (best.length > 1 && best.length <= EXACT_MAX_CUT && paths.size() <= EXACT_MAX_PATHS) {
      BitSet open = new BitSet();
      for (int p = 0; p < paths.size(); p++) {
        if (paths.get(p).length > 0) {
          open.set(p);
        }
      }
      for (int k = 1; k < best.length; k++) {
        explored = 0;
        int[] chosen = new int[k];
        if (search(open, chosen, 0) && explored <= EXACT_BUDGET) {
          best = chosen;
          break;
        }
        if (explored > EXACT_BUDGET) {
          break;
        }
      }
    }
    return order(best);
  }

  /** Tokens without repeats, most paths closed first (ties: findings, then token order). */
  int[] order(int[] tokens) {
    Integer[] boxed = Arrays.stream(tokens).distinct().boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, order());
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }

  private Comparator<Integer> order() {
    return Comparator.<Integer>comparingInt(t -> -closes(t))
        .thenComparing(t -> !preferred[t])
        .thenComparingInt(t -> t);
  }

  /**
   * Greedy set cover with exact gains: each token's gain is the number of still unbroken paths it
   * is on, updated as paths break; a heap entry whose gain went stale is pushed back.
   */
  private int[] greedy() {
    int[] gain = new int[cover.length];
    for (int t = 0; t < cover.length; t++) {
      gain[t] = cover[t].length;
    }
    boolean[] broken = new boolean[paths.size()];
    int open = 0;
    for (int[] p : paths) {
      if (p.length > 0) {
        open++;
      }
    }
    record Entry(int token, int gain) {}
    PriorityQueue<Entry> queue =
        new PriorityQueue<>(
            Comparator.<Entry>comparingInt(e -> -e.gain())
                .thenComparing(e -> !preferred[e.token()])
                .thenComparingInt(Entry::token));
    for (int t = 0; t < cover.length; t++) {
      if (gain[t] > 0) {
        queue.add(new Entry(t, gain[t]));
      }
    }
    List<Integer> chosen = new ArrayList<>();
    while (open > 0 && !queue.isEmpty()) {
      Entry top = queue.poll();
      if (top.gain() != gain[top.token()]) {
        if (gain[top.token()] > 0) {
          queue.add(new Entry(top.token(), gain[top.token()]));
        }
        continue;
      }
      chosen.add(top.token());
      for (int p : cover[top.token()]) {
        if (!broken[p]) {
          broken[p] = true;
          open--;
          for (int u : paths.get(p)) {
            gain[u]--;
          }
        }
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
      for (int p : cover[t]) {
        rest.clear(p);
      }
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
