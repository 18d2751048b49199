package dev.tenet.connectors.github;

import dev.tenet.connectors.http.ApiException;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.scan.CollectContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one resource could not be read, grouped by the permission that would reveal it, so that a
 * token missing one permission makes one blind spot per resource rather than one per endpoint.
 * Thread-safe.
 */
final class BlindSpots {
  private record Key(String resource, String remedy) {}

  private final CollectContext context;
  private final Map<Key, List<String[]>> pending = new LinkedHashMap<>();

  BlindSpots(CollectContext context) {
    this.context = context;
  }

  /**
   * @param what what could not be read, e.g. "webhooks"
   * @param reason why, e.g. "403 Forbidden (Resource not accessible by personal access token)"
   * @param remedy what would reveal it: the permission to grant, or "scan again"
   */
  synchronized void add(String resource, String what, String reason, String remedy) {
    pending
        .computeIfAbsent(new Key(resource, remedy), k -> new ArrayList<>())
        .add(new String[] {what, reason});
  }

  void add(String resource, String what, ApiException e, String permission) {
    add(resource, what, e.reason(), remedy(e, permission));
  }

  /** The remedy for a failed request: the permission for a refusal, a rescan for a fault. */
  static String remedy(ApiException e, String permission) {
    return switch (e.kind()) {
      case FORBIDDEN, NOT_FOUND, UNAUTHORIZED -> permission;
      case RATE_LIMITED -> "scan again after the rate limit resets";
      default -> "scan again; if it persists, check the connection to GitHub";
    };
  }

  /** Reports what is pending for one resource. */
  void flush(String resource) {
    List<BlindSpot> out = new ArrayList<>();
    synchronized (this) {
      var it = pending.entrySet().iterator();
      while (it.hasNext()) {
        var e = it.next();
        if (e.getKey().resource().equals(resource)) {
          out.add(spot(e.getKey(), e.getValue()));
          it.remove();
        }
      }
    }
    out.forEach(context::blindSpot);
  }

  void flushAll() {
    List<BlindSpot> out = new ArrayList<>();
    synchronized (this) {
      pending.forEach((k, v) -> out.add(spot(k, v)));
      pending.clear();
    }
    out.forEach(context::blindSpot);
  }

  private static BlindSpot spot(Key key, List<String[]> items) {
    List<String> whats = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (String[] item : items) {
      whats.add(item[0]);
      if (!reasons.contains(item[1])) {
        reasons.add(item[1]);
      }
    }
    return new BlindSpot(key.resource(), join(whats), String.join("; ", reasons), key.remedy());
  }

  private static String join(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
