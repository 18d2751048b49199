package dev.tenet.connectors.aws;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM credential report: one CSV row per user (and one for the root user), with console
 * password, MFA and the two access key slots. Values such as {@code N/A}, {@code no_information} or
 * {@code not_supported} mean "not known" and are kept apart from false.
 */
final class CredentialReport {
  static final String HEADER_START = "user,arn,user_creation_time";

  /** One user's row, by column name. */
  record Row(Map<String, String> values) {
    String user() {
      return values.getOrDefault("user", "");
    }

    Optional<String> text(String column) {
      String v = values.get(column);
      if (v == null
          || v.isBlank()
          || v.equals("N/A")
          || v.equals("no_information")
          || v.equals("not_supported")) {
        return Optional.empty();
      }
      return Optional.of(v);
    }

    /** True or false when the column says so; empty otherwise. */
    Optional<Boolean> bool(String column) {
      return text(column)
          .filter(v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))
          .map(Boolean::parseBoolean);
    }

    Optional<Instant> instant(String column) {
      return text(column).flatMap(CredentialReport::instant);
    }

    /** The column says the thing never happened ({@code N/A} for a last-used date). */
    boolean never(String column) {
      return "N/A".equals(values.get(column));
    }
  }

  private final List<Row> rows;

  private CredentialReport(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  List<Row> rows() {
    return rows;
  }

  static boolean looksLikeOne(String text) {
    return text.stripLeading().startsWith(HEADER_START);
  }

  /**
   * @throws IllegalArgumentException when the text is not a credential report
   */
  static CredentialReport parse(String csv) {
    List<String> lines = csv.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty() || !looksLikeOne(lines.get(0))) {
      throw new IllegalArgumentException("not an IAM credential report (no header line)");
    }
    String[] header = lines.get(0).split(",", -1);
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      // The report never quotes: user names and ARNs cannot contain commas.
      String[] cells = line.split(",", -1);
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        values.put(header[i], cells[i]);
      }
      rows.add(new Row(values));
    }
    return new CredentialReport(rows);
  }

  /** An AWS timestamp: ISO-8601, or the CLI's "2023-03-09 10:41:45+00:00". */
  static Optional<Instant> instant(String text) {
    String t = text.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(t));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
