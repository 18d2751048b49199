package dev.tenet.app.gui.common;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes numbers, counts, dates and durations: one way everywhere. */
public final class Texts {
  private Texts() {}

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
          .withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

  /** "1 finding", "1,204 findings". */
  public static String count(long n, String singular, String plural) {
    return number(n) + " " + (n == 1 ? singular : plural);
  }

  public static String count(long n, String singular) {
    return count(n, singular, singular + "s");
  }

  public static String number(long n) {
    return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
  }

  public static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  public static String shortWhen(Instant instant) {
    return instant == null ? "" : SHORT.format(instant);
  }

  public static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** "45 s", "3 min 20 s", "1 h 05 min". */
  public static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      long sec = s % 60;
      return (s / 60) + " min" + (sec == 0 ? "" : " " + sec + " s");
    }
    return (s / 3600) + " h " + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + " min";
  }

  /** "+4", "−3", "±0". */
  public static String delta(Integer d) {
    if (d == null) {
      return "–";
    }
    return d > 0 ? "+" + d : d < 0 ? "−" + (-d) : "±0";
  }

  /** "Critical" from CRITICAL. */
  public static String title(Enum<?> e) {
    String n = e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  /** A platform id of a resource id (github, gitlab, aws…) as people name it. */
  public static String platform(String id) {
    return dev.tenet.app.service.Connection.platformTitle(id);
  }
}
