package dev.tenet.core.assessment;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Weakness;
import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rule.RuleTally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Pass / fail / not assessed per item of each framework (OWASP Top 10 CI/CD, CIS Software Supply
 * Chain, NIST SP 800-207 tenets), derived from the weakness mappings: an item fails when a finding
 * maps to it, passes when rules mapped to it judged something and found nothing, and is not
 * assessed otherwise. Coverage gaps never make an item pass.
 */
public final class FrameworkStatus {
  public enum Status {
    PASS,
    FAIL,
    NOT_ASSESSED;

    public String id() {
      return this == NOT_ASSESSED ? "not-assessed" : name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One framework item and the findings behind its status. */
  public record Item(String id, Status status, List<Finding> findings) {}

  public static final List<String> OWASP_ITEMS =
      List.of(
          "CICD-SEC-1",
          "CICD-SEC-2",
          "CICD-SEC-3",
          "CICD-SEC-4",
          "CICD-SEC-5",
          "CICD-SEC-6",
          "CICD-SEC-7",
          "CICD-SEC-8",
          "CICD-SEC-9",
          "CICD-SEC-10");
  public static final List<String> NIST_ITEMS = List.of("1", "2", "3", "4", "5", "6", "7");

  private FrameworkStatus() {}

  /** Framework id ("owasp", "cis_ssc", "nist") to its items in order. */
  public static Map<String, List<Item>> of(Assessment assessment, WeaknessCatalog catalog) {
    Map<String, List<Item>> out = new LinkedHashMap<>();
    out.put("owasp", items(assessment, catalog, Weakness::owasp, OWASP_ITEMS));
    out.put(
        "cis_ssc", items(assessment, catalog, Weakness::cisSsc, allIds(catalog, Weakness::cisSsc)));
    out.put(
        "nist",
        items(
            assessment, catalog, w -> w.nist().stream().map(String::valueOf).toList(), NIST_ITEMS));
    return out;
  }

  private static List<String> allIds(
      WeaknessCatalog catalog, Function<Weakness, List<String>> ids) {
    TreeMap<String, String> sorted = new TreeMap<>(Comparator.comparing(FrameworkStatus::sortKey));
    catalog.all().forEach(w -> ids.apply(w).forEach(id -> sorted.put(id, id)));
    return new ArrayList<>(sorted.keySet());
  }

  /** Sorts "1.1.3" before "1.1.16" before "2.3.5". */
  private static String sortKey(String id) {
    StringBuilder key = new StringBuilder();
    for (String part : id.split("\\.")) {
      key.append(String.format("%05d", parseOr(part)));
    }
    return key.toString();
  }

  private static int parseOr(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<Item> items(
      Assessment a,
      WeaknessCatalog catalog,
      Function<Weakness, List<String>> mapping,
      List<String> itemIds) {
    List<Item> out = new ArrayList<>();
    for (String item : itemIds) {
      List<Finding> failing =
          a.findings().stream()
              .filter(f -> !f.weakness().id().equals(Weakness.COVERAGE_GAP))
              .filter(f -> mapping.apply(f.weakness()).contains(item))
              .toList();
      boolean judged = false;
      for (RuleTally t : a.tallies()) {
        if (t.weakness().equals(Weakness.COVERAGE_GAP) || t.passed() + t.failed() == 0) {
          continue;
        }
        Weakness w = catalog.find(t.weakness()).orElse(null);
        if (w != null && mapping.apply(w).contains(item)) {
          judged = true;
          break;
        }
      }
      Status status = !failing.isEmpty() ? Status.FAIL : judged ? Status.PASS : Status.NOT_ASSESSED;
      out.add(new Item(item, status, failing));
    }
    return out;
  }
}
