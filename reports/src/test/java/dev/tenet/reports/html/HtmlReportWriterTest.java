package dev.tenet.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.model.Finding;
import dev.tenet.reports.Golden;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.Samples;
import dev.tenet.reports.json.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  static String write(ReportInput input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HtmlReportWriter().write(input, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void bodyMatchesTheGoldenFile() throws Exception {
    String html = write(Samples.rich());
    String body = html.substring(html.indexOf("<body"), html.indexOf("<script>"));
    Golden.assertMatches("rich.html.body", body.replace("><", ">\n<"));
  }

  @Test
  void isSelfContained() throws Exception {
    String html = write(Samples.rich());
    assertThat(html).doesNotContainPattern("(?i)<(link|img|iframe|embed|base)\\b");
    assertThat(html).doesNotContainPattern("(?i)\\ssrc\\s*=");
    Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    while (hrefs.find()) {
      assertThat(hrefs.group(1)).as("link target").startsWith("#");
    }
    Matcher urls = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
    int fonts = 0;
    while (urls.find()) {
      assertThat(urls.group(1)).startsWith("data:");
      fonts++;
    }
    assertThat(fonts).isEqualTo(4);
    assertThat(html)
        .contains("http-equiv=\"Content-Security-Policy\"")
        .contains("default-src &#39;none&#39;");
    String script = ReportAssets.script();
    assertThat(html).contains("&#39;sha256-" + ReportAssets.base64Sha256(script) + "&#39;");
    assertThat(html).contains("<script>" + script + "</script>");
  }

  @Test
  void escapesTextFromApis() throws Exception {
    String html = write(Samples.rich());
    // Our one script element, and the hostile repository name only as escaped text.
    assertThat(html.split("<script", -1)).hasSize(2);
    assertThat(html).contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;");
    assertThat(html).contains("OIDC in Q1. &lt;b&gt;Tracked&lt;/b&gt; in SEC-142.");
    // Control characters and bidirectional overrides never reach the page.
    assertThat(html)
        .doesNotContain("\u202E")
        .doesNotContain("\u0007")
        .contains("\uFFFDgnp.exe\uFFFD\uFFFD");
  }

  @Test
  void listsEveryFindingInASortableTableThatWorksWithoutScript() throws Exception {
    ReportInput input = Samples.rich();
    String html = write(input);
    assertThat(html).contains("<table class=\"sortable index-table\" id=\"finding-table\">");
    String table =
        html.substring(
            html.indexOf("id=\"finding-table\""),
            html.indexOf("</table>", html.indexOf("id=\"finding-table\"")));
    for (Finding f : input.assessment().findings()) {
      assertThat(table).contains("<tr data-finding=\"" + f.id() + "\">");
      assertThat(html).contains("<div class=\"finding\" id=\"f-" + f.id() + "\"");
    }
    // Severity sorts by rank, not alphabetically.
    assertThat(table)
        .contains("<td data-sort=\"0\"><span class=\"badge sev-critical\">critical</span>");
  }

  @Test
  void carriesTheSameSectionsAsThePdfAndTheFingerprint() throws Exception {
    ReportInput input = Samples.rich();
    String html = write(input);
    for (String id :
        new String[] {
          "summary",
          "pillars",
          "pillar-identity",
          "findings",
          "paths",
          "changes",
          "accepted",
          "method",
          "fw-owasp",
          "fw-cis_ssc",
          "fw-nist",
          "integrity"
        }) {
      assertThat(html).contains("id=\"" + id + "\"");
    }
    String sha = CanonicalJson.sha256(input.assessment());
    assertThat(html).contains("<meta name=\"tenet-assessment-sha256\" content=\"" + sha + "\"/>");
    assertThat(html.substring(html.indexOf("id=\"integrity\""))).contains(sha);
    assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
  }
}
