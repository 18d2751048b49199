package dev.tenet.reports.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Finding;
import dev.tenet.core.util.Json;
import dev.tenet.reports.html.ReportMarkup;
import dev.tenet.reports.json.CanonicalJson;
import dev.tenet.reports.sarif.SarifReportWriter;
import dev.tenet.reports.sign.PdfSignatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Checks that a report (PDF, HTML, JSON or SARIF) matches a stored assessment: the assessment it
 * names exists, the SHA-256 of that assessment's canonical JSON equals the fingerprint the report
 * carries, and the report lists exactly the stored findings, each with its stored message, and the
 * stored overall score. A CSV report carries no fingerprint and cannot be verified.
 */
public final class ReportVerifier {
  /** The outcome, as one sentence for the user. */
  public record Verdict(boolean matches, String assessmentId, String sentence) {}

  /** What a report claims about the assessment it came from. */
  record Claim(
      String format,
      String assessmentId,
      String sha256,
      Set<String> findingIds,
      Integer findingCount,
      String overallScore,
      boolean fingerprintVisible,
      Map<String, String> messages,
      String documentText,
      String announcedSigner) {}

  private static final Pattern FINDING_ID = Pattern.compile("\\bID\\s+([0-9a-f]{8,64})\\b");
  private static final Pattern DATA_FINDING = Pattern.compile("data-finding=\"([0-9a-f]{8,64})\"");
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

  private ReportVerifier() {}

  /**
   * @param report the report's bytes
   * @param store finds a stored assessment by its exact id
   */
  public static Verdict verify(byte[] report, Function<String, Optional<Assessment>> store) {
    return verify(report, store, null);
  }

  /**
   * Also checks a PDF's signatures: a broken one, or bytes added after signing, fail the check, and
   * so does the absence of a signature by the expected certificate.
   *
   * @param expectedSigner the SHA-256 (hex) of the certificate that must have signed the report, or
   *     null to accept an unsigned report
   */
  public static Verdict verify(
      byte[] report, Function<String, Optional<Assessment>> store, String expectedSigner) {
    if (!startsWith(report, "%PDF-")) {
      return verify(report, null, List.of(), store, expectedSigner);
    }
    // One load of the PDF serves its signatures and its text.
    try (PDDocument doc = Loader.loadPDF(report)) {
      return verify(report, doc, PdfSignatures.read(doc, report), store, expectedSigner);
    } catch (IOException e) {
      return new Verdict(false, null, "This PDF cannot be read: " + e.getMessage() + ".");
    }
  }

  private static Verdict verify(
      byte[] report,
      PDDocument pdf,
      List<PdfSignatures.Signature> signatures,
      Function<String, Optional<Assessment>> store,
      String expectedSigner) {
    Verdict signed = signatures(signatures, expectedSigner, pdf != null);
    if (signed != null) {
      return signed;
    }
    Claim claim;
    try {
      claim = pdf != null ? pdf(pdf) : read(report);
    } catch (UnreadableReport e) {
      return new Verdict(false, null, e.getMessage());
    }
    Verdict content = content(claim, store);
    if (!content.matches()) {
      return content;
    }
    Verdict announced = announcedSigner(claim, signatures, content.assessmentId());
    if (announced != null) {
      return announced;
    }
    if (signatures.isEmpty()) {
      return content;
    }
    PdfSignatures.Signature s = signatures.get(0);
    return new Verdict(
        true,
        content.assessmentId(),
        content.sentence()
            + " Signed by "
            + s.signer()
            + (s.signedAt() == null ? "" : " at " + s.signedAt())
            + " (certificate SHA-256 "
            + s.certificateSha256()
            + "), unchanged since.");
  }

  /** A failed verdict when the signatures rule the report out, else null. */
  private static Verdict signatures(
      List<PdfSignatures.Signature> signatures, String expectedSigner, boolean pdf) {
    for (PdfSignatures.Signature s : signatures) {
      if (s.state() == PdfSignatures.State.BROKEN) {
        return new Verdict(
            false,
            null,
            "The PDF's signature by " + s.signer() + " does not hold: " + s.reason() + ".");
      }
      if (s.state() == PdfSignatures.State.CHANGED_AFTER_SIGNING) {
        return new Verdict(
            false,
            null,
            "The PDF was changed after " + s.signer() + " signed it: " + s.reason() + ".");
      }
    }
    if (expectedSigner == null) {
      return null;
    }
    if (!pdf) {
      return new Verdict(
          false, null, "Only PDF reports carry a signature; this report cannot show its signer.");
    }
    if (signatures.isEmpty()) {
      return new Verdict(
          false,
          null,
          "The PDF is not signed, but a signature by the given certificate is required.");
    }
    String wanted = expectedSigner.toLowerCase(java.util.Locale.ROOT);
    if (signatures.stream().noneMatch(s -> wanted.equals(s.certificateSha256()))) {
      PdfSignatures.Signature s = signatures.get(0);
      return new Verdict(
          false,
          null,
          "The PDF is signed by "
              + s.signer()
              + " (certificate SHA-256 "
              + abbreviate(s.certificateSha256())
              + "), not by the given certificate ("
              + abbreviate(wanted)
              + ").");
    }
    return null;
  }

  /**
   * A failed verdict when the integrity page names a signer the signatures do not match: a removed
   * signature (the file cut back to the bytes before signing) or a signature by another key.
   */
  private static Verdict announcedSigner(
      Claim claim, List<PdfSignatures.Signature> signatures, String assessmentId) {
    String announced = claim.announcedSigner();
    if (announced == null) {
      return null;
    }
    if (signatures.isEmpty()) {
      return new Verdict(
          false,
          assessmentId,
          "The PDF says it is signed by the certificate "
              + abbreviate(announced)
              + ", but it carries no signature: the signature was removed.");
    }
    if (signatures.stream().noneMatch(s -> announced.equals(s.certificateSha256()))) {
      return new Verdict(
          false,
          assessmentId,
          "The PDF says it is signed by the certificate "
              + abbreviate(announced)
              + ", but its signature is by "
              + signatures.get(0).signer()
              + " ("
              + abbreviate(signatures.get(0).certificateSha256())
              + ").");
    }
    return null;
  }

  private static Verdict content(Claim claim, Function<String, Optional<Assessment>> store) {
    if (claim.assessmentId() == null || claim.assessmentId().isBlank()) {
      return new Verdict(
          false,
          null,
          "The "
              + claim.format()
              + " report names no assessment: it was not written by Tenet, or it was altered.");
    }
    if (claim.sha256() == null || !SHA.matcher(claim.sha256()).matches()) {
      return new Verdict(
          false,
          claim.assessmentId(),
          "The "
              + claim.format()
              + " report carries no valid SHA-256 fingerprint: it was not written by Tenet, or it was altered.");
    }
    Optional<Assessment> stored = store.apply(claim.assessmentId());
    if (stored.isEmpty()) {
      return new Verdict(
          false,
          claim.assessmentId(),
          "The report names assessment "
              + claim.assessmentId()
              + ", which is not in this store: pass the --db the report was written from.");
    }
    Assessment a = stored.get();
    String sha = CanonicalJson.sha256(a);
    String id = a.id();
    if (!sha.equals(claim.sha256())) {
      return new Verdict(
          false,
          id,
          "The report does not match assessment "
              + id
              + ": its fingerprint "
              + abbreviate(claim.sha256())
              + " differs from the stored assessment's "
              + abbreviate(sha)
              + ".");
    }
    if (!claim.fingerprintVisible()) {
      return new Verdict(
          false,
          id,
          "The report does not match assessment "
              + id
              + ": its metadata carries the fingerprint but its text does not, so the text was altered.");
    }
    Set<String> expected = new TreeSet<>();
    a.findings().forEach(f -> expected.add(f.id()));
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(claim.findingIds());
    Set<String> extra = new TreeSet<>(claim.findingIds());
    extra.removeAll(expected);
    if (!missing.isEmpty()) {
      return new Verdict(
          false,
          id,
          "The report does not match assessment "
              + id
              + ": "
              + count(missing.size())
              + " of the stored assessment "
              + (missing.size() == 1 ? "is" : "are")
              + " missing from it (first: "
              + missing.iterator().next()
              + ").");
    }
    if (!extra.isEmpty()) {
      return new Verdict(
          false,
          id,
          "The report does not match assessment "
              + id
              + ": it lists "
              + count(extra.size())
              + " the stored assessment does not have (first: "
              + extra.iterator().next()
              + ").");
    }
    if (claim.findingCount() != null && claim.findingCount() != a.findings().size()) {
      return new Verdict(
          false,
          id,
          "The report does not match assessment "
              + id
              + ": it states "
              + claim.findingCount()
              + " findings, the store holds "
              + a.findings().size()
              + ".");
    }
    String score = a.score().overall() == null ? "n/a" : a.score().overall().toString();
    if (claim.overallScore() != null && !claim.overallScore().equals(score)) {
      return new Verdict(
          false,
          id,
          "The report does not match assessment "
              + id
              + ": it states an overall score of "
              + claim.overallScore()
              + ", the store holds "
              + score
              + ".");
    }
    String altered = alteredFinding(claim, a);
    if (altered != null) {
      return new Verdict(
          false,
          id,
          "The report does not match assessment "
              + id
              + ": the text of finding "
              + altered
              + " differs from the stored one.");
    }
    return new Verdict(
        true,
        id,
        "The "
            + claim.format()
            + " report matches assessment "
            + id
            + ": same fingerprint ("
            + abbreviate(sha)
            + "), the same "
            + count(a.findings().size())
            + " and overall score "
            + score
            + ".");
  }

  /**
   * The first finding whose message the report does not carry as stored, or null. HTML and PDF list
   * findings in a known order (severity, rule, resource, id), so one forward scan of the document's
   * text finds them all; whitespace and the characters reports never print are ignored, since the
   * layout wraps lines anywhere.
   */
  private static String alteredFinding(Claim claim, Assessment a) {
    if (claim.messages() != null) {
      for (Finding f : a.findings()) {
        if (!f.message().equals(claim.messages().get(f.id()))) {
          return f.id();
        }
      }
      return null;
    }
    if (claim.documentText() == null) {
      return null;
    }
    List<Finding> order = new ArrayList<>(a.findings());
    order.sort(
        Comparator.comparing((Finding f) -> f.severity().ordinal())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::resource)
            .thenComparing(Finding::id));
    String text = claim.documentText();
    int at = 0;
    for (Finding f : order) {
      String message = normalize(f.message());
      if (message.isEmpty()) {
        continue;
      }
      int found = text.indexOf(message, at);
      if (found < 0) {
        return f.id();
      }
      at = found + message.length();
    }
    return null;
  }

  /** Text as compared: no whitespace, no characters a report replaces or cannot print. */
  static String normalize(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean dropped =
          Character.isWhitespace(c)
              || Character.isSpaceChar(c)
              || c < 0x20
              || (c >= 0x7F && c <= 0x9F)
              || (c >= 0x202A && c <= 0x202E)
              || (c >= 0x2066 && c <= 0x2069)
              || c == '\uFFFD'
              || c == '\uFFFE'
              || c == '\uFFFF'
              || Character.isSurrogate(c);
      if (!dropped) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String body(String html) {
    int start = html.indexOf("<body");
    int end = html.lastIndexOf("<script");
    String body = html.substring(Math.max(0, start), end > start ? end : html.length());
    return body.replaceAll("<[^>]*>", " ");
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static String count(int n) {
    return n + (n == 1 ? " finding" : " findings");
  }

  private static String abbreviate(String sha) {
    return sha.length() > 16 ? sha.substring(0, 16) + "…" : sha;
  }

  static Claim read(byte[] report) throws UnreadableReport {
    if (startsWith(report, "%PDF-")) {
      return pdf(report);
    }
    String text = new String(report, StandardCharsets.UTF_8).strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).strip();
    }
    if (text.startsWith("<")) {
      return html(text);
    }
    if (text.startsWith("{")) {
      return json(text);
    }
    throw new UnreadableReport(
        "This is not a report Tenet can verify: expected a PDF, HTML, JSON or SARIF report (CSV"
            + " reports carry no fingerprint).");
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    return bytes.length >= p.length && Arrays.equals(bytes, 0, p.length, p, 0, p.length);
  }

  private static Claim pdf(byte[] bytes) throws UnreadableReport {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      return pdf(doc);
    } catch (IOException e) {
      throw new UnreadableReport("This PDF cannot be read: " + e.getMessage() + ".");
    }
  }

  private static Claim pdf(PDDocument doc) throws UnreadableReport {
    try {
      PDDocumentInformation info = doc.getDocumentInformation();
      String id = info.getCustomMetadataValue(ReportMarkup.META_ASSESSMENT);
      String sha = info.getCustomMetadataValue(ReportMarkup.META_SHA256);
      // Content-stream order: the report writes each finding's text in reading order, and
      // sorting by position costs minutes on a 10,000-finding report.
      PDFTextStripper stripper = new PDFTextStripper();
      String all = stripper.getText(doc);
      stripper.setStartPage(doc.getNumberOfPages());
      String last = stripper.getText(doc);
      Set<String> ids = new LinkedHashSet<>();
      Matcher m = FINDING_ID.matcher(all);
      while (m.find()) {
        ids.add(m.group(1));
      }
      boolean visible = sha != null && squeeze(last).contains(sha);
      return new Claim(
          "PDF",
          id,
          sha,
          ids,
          integer(find(last, "Findings\\s+(\\d+)")),
          find(last, "Overall score\\s+(\\S+)"),
          visible,
          null,
          normalize(all),
          find(squeeze(last), squeeze(ReportMarkup.SIGNER_CERTIFICATE) + "([0-9a-f]{64})"));
    } catch (IOException e) {
      throw new UnreadableReport("This PDF cannot be read: " + e.getMessage() + ".");
    }
  }

  private static Claim html(String html) {
    String id = meta(html, ReportMarkup.META_ASSESSMENT);
    String sha = meta(html, ReportMarkup.META_SHA256);
    Set<String> ids = new HashSet<>();
    Matcher m = DATA_FINDING.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    int integrity = html.indexOf("id=\"integrity\"");
    String tail = integrity < 0 ? "" : html.substring(integrity);
    boolean visible = sha != null && tail.contains(sha);
    String plain = tail.replaceAll("<[^>]*>", " ");
    return new Claim(
        "HTML",
        id,
        sha,
        ids,
        integer(find(plain, "Findings\\s+(\\d+)")),
        find(plain, "Overall score\\s+(\\S+)"),
        visible,
        null,
        normalize(unescape(body(html))),
        null);
  }

  private static Claim json(String text) throws UnreadableReport {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UnreadableReport(
          "This JSON report cannot be parsed: " + firstLine(e.getMessage()) + ".");
    }
    if (root.has("runs")) {
      JsonNode run = root.path("runs").path(0);
      JsonNode props = run.path("properties").path(SarifReportWriter.RUN_PROPERTIES);
      Set<String> ids = new HashSet<>();
      Map<String, String> messages = new HashMap<>();
      for (JsonNode r : run.path("results")) {
        String fid = r.path("partialFingerprints").path(SarifReportWriter.FINGERPRINT).asText();
        ids.add(fid);
        messages.put(fid, r.path("message").path("text").asText());
      }
      JsonNode score = props.path("overallScore");
      return new Claim(
          "SARIF",
          text(props.path("assessmentId")),
          text(props.path("sha256")),
          ids,
          run.path("results").size(),
          score.isNull() ? "n/a" : score.isMissingNode() ? null : score.asText(),
          true,
          messages,
          null,
          null);
    }
    Set<String> ids = new HashSet<>();
    Map<String, String> messages = new HashMap<>();
    for (JsonNode f : root.path("findings")) {
      ids.add(f.path("id").asText());
      messages.put(f.path("id").asText(), f.path("message").asText());
    }
    JsonNode score = root.path("score").path("overall");
    return new Claim(
        "JSON",
        text(root.path("assessment").path("id")),
        text(root.path("integrity").path("sha256")),
        ids,
        root.path("findings").size(),
        score.isNull() ? "n/a" : score.isMissingNode() ? null : score.asText(),
        true,
        messages,
        null,
        null);
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  private static String meta(String html, String name) {
    Matcher m =
        Pattern.compile("<meta name=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\"")
            .matcher(html);
    return m.find() ? m.group(1) : null;
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static Integer integer(String s) {
    try {
      return s == null ? null : Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** A report that cannot be read at all; its message is the sentence for the user. */
  static final class UnreadableReport extends Exception {
    UnreadableReport(String message) {
      super(message);
    }
  }
}
