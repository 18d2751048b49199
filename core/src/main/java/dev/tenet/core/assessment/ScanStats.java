package dev.tenet.core.assessment;

/**
 * What the scan cost.
 *
 * @param apiRequests HTTP requests sent to platform APIs
 * @param notModified of those, answered 304 from a conditional request (free on GitHub)
 */
public record ScanStats(long apiRequests, long notModified, long durationMs) {
  public static final ScanStats NONE = new ScanStats(0, 0, 0);
}
