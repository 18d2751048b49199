package dev.tenet.reports.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.reports.Golden;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.Samples;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {

  private static String write(ReportInput input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CsvReportWriter().write(input, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches("rich.csv", write(Samples.rich()));
  }

  @Test
  void oneRowPerFindingWithStableColumns() throws Exception {
    ReportInput input = Samples.rich();
    String csv = write(input);
    List<List<String>> rows = parse(csv);
    assertThat(rows.get(0)).containsExactlyElementsOf(CsvReportWriter.COLUMNS);
    assertThat(rows).hasSize(input.assessment().findings().size() + 1);
    assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(CsvReportWriter.COLUMNS.size()));
    assertThat(csv).doesNotStartWith("\uFEFF");
    // Every record ends with CRLF; line breaks inside a field stay inside its quotes.
    assertThat(csv).endsWith("\r\n");
    List<String> remediation = rows.stream().skip(1).map(r -> r.get(11)).toList();
    assertThat(remediation).anySatisfy(r -> assertThat(r).contains("\n2. "));
  }

  @Test
  void defusesSpreadsheetFormulas() {
    assertThat(CsvReportWriter.cell("=1+2")).isEqualTo("'=1+2");
    assertThat(CsvReportWriter.cell("+SUM(A1)")).isEqualTo("'+SUM(A1)");
    assertThat(CsvReportWriter.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvReportWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvReportWriter.cell("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvReportWriter.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
    assertThat(CsvReportWriter.cell("\uFF1D1+2")).isEqualTo("'\uFF1D1+2");
    assertThat(CsvReportWriter.cell("=HYPERLINK(\"https://evil.example\",\"x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"");
    assertThat(CsvReportWriter.cell("a = b")).isEqualTo("a = b");
    assertThat(CsvReportWriter.cell("")).isEmpty();
  }

  @Test
  void noCellOfTheReportCanStartAFormula() throws Exception {
    List<List<String>> rows = parse(write(Samples.rich()));
    for (List<String> row : rows) {
      for (String cell : row) {
        if (!cell.isEmpty()) {
          assertThat("=+-@\t\r".indexOf(cell.charAt(0))).as("cell %s", cell).isEqualTo(-1);
        }
      }
    }
    // The hostile values are still there, as text.
    String all = rows.toString();
    assertThat(all).contains("'=cmd|' /C calc'!A0.yml", "'@evil-twin (member)", "'-uses: some-org");
  }

  @Test
  void quotesByRfc4180() {
    assertThat(CsvReportWriter.cell("plain")).isEqualTo("plain");
    assertThat(CsvReportWriter.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvReportWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvReportWriter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  /** A strict RFC 4180 parser: records end with CRLF, quoted fields may hold anything. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    boolean wasQuoted = false;
    while (i < csv.length()) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
            cell.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          cell.append(c);
        }
        i++;
        continue;
      }
      if (c == '"') {
        if (cell.length() > 0 || wasQuoted) {
          throw new AssertionError("Quote inside an unquoted field at " + i);
        }
        quoted = true;
        wasQuoted = true;
        i++;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
        wasQuoted = false;
        i++;
      } else if (c == '\r') {
        if (i + 1 >= csv.length() || csv.charAt(i + 1) != '\n') {
          throw new AssertionError("Bare CR outside quotes at " + i);
        }
        row.add(cell.toString());
        rows.add(row);
        row = new ArrayList<>();
        cell.setLength(0);
        wasQuoted = false;
        i += 2;
      } else if (c == '\n') {
        throw new AssertionError("Bare LF outside quotes at " + i);
      } else {
        cell.append(c);
        i++;
      }
    }
    if (quoted || cell.length() > 0 || !row.isEmpty()) {
      throw new AssertionError("The last record does not end with CRLF");
    }
    return rows;
  }
}
