package dev.tenet.reports.content;

import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How reports name things for people: resources, platforms, severities, times, points. */
public final class Names {
  private static final Map<String, String> PLATFORMS =
      Map.ofEntries(
          Map.entry("github", "GitHub"),
          Map.entry("gitlab", "GitLab"),
          Map.entry("aws", "AWS"),
          Map.entry("k8s", "Kubernetes"),
          Map.entry("oci", "OCI registry"),
          Map.entry("dockerhub", "Docker Hub"),
          Map.entry("artifactory", "Artifactory"),
          Map.entry("jenkins", "Jenkins"),
          Map.entry("circleci", "CircleCI"));

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SHORT_DAY =
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SHORT_DAY_TIME =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private Names() {}

  public static String platform(String id) {
    return PLATFORMS.getOrDefault(id, id);
  }

  /**
   * A resource id for a sentence: "branch main of acme/payments (GitHub)". Falls back to the raw id
   * when it does not parse.
   */
  public static String resource(String id) {
    if (id == null || id.isBlank()) {
      return "(unknown)";
    }
    try {
      ResourceId r = ResourceId.parse(id);
      String where = r.scope() + " (" + platform(r.platform()) + ")";
      if (r.kind() == null) {
        return where;
      }
      return r.kind().replace('-', ' ') + " " + r.name() + " of " + where;
    } catch (IllegalArgumentException e) {
      return id;
    }
  }

  /** A relation kind id ("can-trigger") as words ("can trigger"). */
  public static String relation(String id) {
    return id == null
        ? "relates to"
        : id.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
  }

  public static String severity(Severity s) {
    String id = s.id();
    return Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }

  public static String day(Instant t) {
    return t == null ? "" : DAY.format(t);
  }

  public static String shortDay(Instant t) {
    return t == null ? "" : SHORT_DAY.format(t);
  }

  /** "26 Nov 15:00" (UTC), for assessments on the same day. */
  public static String shortDayTime(Instant t) {
    return t == null ? "" : SHORT_DAY_TIME.format(t);
  }

  public static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  public static String duration(long millis) {
    Duration d = Duration.ofMillis(millis);
    if (d.toMinutes() > 0) {
      return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** Points lost, with one decimal: "12.5". */
  public static String points(double points) {
    return String.format(Locale.ROOT, "%.1f", points);
  }

  public static String score(Integer score) {
    return score == null ? "n/a" : Integer.toString(score);
  }

  /** "1 finding", "3 findings". */
  public static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  public static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }
}
