package dev.tenet.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.reports.Samples;
import dev.tenet.reports.content.ReportContent;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class HtmlTest {

  @Test
  void escapesMarkupInTextAndAttributes() {
    assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    String html =
        new Html(64)
            .open("a", "title", "\"><img src=x onerror=alert(1)>")
            .text("<b>")
            .close("a")
            .toString();
    assertThat(html)
        .isEqualTo("<a title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&lt;b&gt;</a>");
  }

  @Test
  void replacesCharactersXmlForbidsAndBidirectionalOverrides() {
    assertThat(Html.escape("a\u0000b\u0007c\u001Bd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
    assertThat(Html.escape("tab\tnewline\n")).isEqualTo("tab\tnewline\n");
    assertThat(Html.escape("lone \uD800 high, lone \uDC00 low"))
        .isEqualTo("lone \uFFFD high, lone \uFFFD low");
    assertThat(Html.escape("pair \uD83D\uDE00")).isEqualTo("pair \uD83D\uDE00");
    assertThat(Html.escape("invoice\u202Efdp.exe\u2066")).isEqualTo("invoice\uFFFDfdp.exe\uFFFD");
    assertThat(Html.escape("\u0085\uFFFE")).isEqualTo("\uFFFD\uFFFD");
  }

  @Test
  void skipsAttributesWithoutValue() {
    assertThat(new Html(16).empty("meta", "name", "x", "content", null).toString())
        .isEqualTo("<meta name=\"x\"/>");
  }

  @Test
  void thePrintMarkupIsWellFormedXmlEvenWithHostileText() throws Exception {
    String xhtml =
        new ReportMarkup(
                new ReportContent(Samples.rich()),
                ReportMarkup.Medium.PRINT,
                ReportAssets.stylesheet(ReportMarkup.Medium.PRINT),
                null)
            .render();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    assertThat(doc.getElementsByTagName("bookmark").getLength()).isGreaterThan(10);
    assertThat(doc.getDocumentElement().getTextContent())
        .contains("<script>alert('pwned')</script>");
  }
}
