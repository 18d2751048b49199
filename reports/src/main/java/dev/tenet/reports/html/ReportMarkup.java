package dev.tenet.reports.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentDiff;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.FrameworkStatus;
import dev.tenet.core.assessment.RiskAcceptance;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Location;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.Weakness;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.score.PillarScore;
import dev.tenet.core.util.Json;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.chart.TrendChart;
import dev.tenet.reports.content.Anchors;
import dev.tenet.reports.content.Names;
import dev.tenet.reports.content.ReportContent;
import dev.tenet.reports.content.ReportContent.Acceptance;
import dev.tenet.reports.content.ReportContent.FrameworkItem;
import dev.tenet.reports.content.ReportContent.FrameworkView;
import dev.tenet.reports.content.ReportContent.PathView;
import dev.tenet.reports.content.ReportContent.PillarView;
import dev.tenet.reports.content.ReportContent.RuleGroup;
import dev.tenet.reports.content.ReportContent.RuleLoss;
import dev.tenet.reports.content.ReportContent.SeverityGroup;
import dev.tenet.reports.json.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The document behind the HTML and PDF reports: one markup, two media. {@link Medium#PRINT} is what
 * the PDF renderer lays out (bookmarks, page-numbered contents, running footer, charts as vector
 * objects); {@link Medium#SCREEN} is the self-contained HTML file (inline SVG, a sortable findings
 * table). Every piece of text goes through {@link Html}'s escaping.
 */
public final class ReportMarkup {
  /** Where the document is going. */
  public enum Medium {
    PRINT,
    SCREEN
  }

  /** The type of the object element the PDF renderer draws charts for. */
  public static final String CHART_TYPE = "application/x-tenet-chart";

  /** Meta names a report carries and {@code tenet verify} reads. */
  public static final String META_ASSESSMENT = "tenet-assessment-id";

  public static final String META_SHA256 = "tenet-assessment-sha256";
  public static final String META_CANONICAL = "tenet-canonicalization";

  /** The integrity page's label of the announced signer's certificate fingerprint. */
  public static final String SIGNER_CERTIFICATE = "Signer certificate SHA-256";

  /** Evidence values longer than this are cut in HTML and PDF; JSON and CSV keep them whole. */
  static final int EVIDENCE_LIMIT = 400;

  /** Evidence keys are padded to align their values, up to this width. */
  static final int EVIDENCE_KEY_WIDTH = 24;

  /** Framework items list at most this many findings; the rest are counted. */
  static final int ITEM_FINDINGS = 6;

  private record Section(String id, String title, List<Section> children) {}

  private final ReportContent c;
  private final Assessment a;
  private final Medium medium;
  private final String stylesheet;
  private final String script;
  private final Html h;
  private boolean untagged;

  /**
   * @param stylesheet the CSS to inline
   * @param script the script to inline (SCREEN only), or null
   */
  public ReportMarkup(ReportContent content, Medium medium, String stylesheet, String script) {
    this.c = content;
    this.a = content.assessment();
    this.medium = medium;
    this.stylesheet = stylesheet;
    this.script = script;
    this.h = new Html(64 * 1024 + a.findings().size() * 1400);
  }

  /** Marks a PDF that is not tagged for assistive technology; its method section says why. */
  public ReportMarkup untagged(boolean untagged) {
    this.untagged = untagged;
    return this;
  }

  /** The trend chart of this report, drawn by whichever medium renders it. */
  public static TrendChart trendChart(ReportContent content) {
    // Several assessments on one day are told apart by their time.
    long days =
        content.trend().stream()
            .map(p -> Names.shortDay(p.summary().startedAt()))
            .distinct()
            .count();
    boolean withTime = days < content.trend().size();
    List<TrendChart.Point> points = new ArrayList<>();
    for (ReportContent.TrendPoint p : content.trend()) {
      points.add(
          new TrendChart.Point(
              withTime
                  ? Names.shortDayTime(p.summary().startedAt())
                  : Names.shortDay(p.summary().startedAt()),
              p.summary().overall(),
              p.current()));
    }
    return new TrendChart(points);
  }

  public String render() {
    List<Section> sections = sections();
    h.raw("<!DOCTYPE html>\n");
    h.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
    head(sections);
    h.open("body", "class", medium == Medium.PRINT ? "print" : "screen");
    if (medium == Medium.PRINT) {
      h.open("div", "class", "running-footer", "id", "footer-left")
          .text("Tenet · " + c.organizations() + " · assessment " + a.id())
          .close("div");
    }
    cover();
    contents(sections);
    h.open("main");
    summary();
    pillars();
    findings();
    attackPaths();
    changes();
    accepted();
    method();
    for (FrameworkView fw : c.frameworks()) {
      framework(fw);
    }
    integrity();
    h.close("main");
    if (medium == Medium.SCREEN && script != null) {
      h.open("script").raw(script).close("script");
    }
    h.close("body").close("html").newline();
    return h.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Head, cover, contents

  private String title() {
    return "Zero-trust posture assessment — " + c.organizations();
  }

  private void head(List<Section> sections) {
    h.open("head");
    h.empty("meta", "charset", "utf-8");
    if (medium == Medium.SCREEN) {
      h.empty("meta", "http-equiv", "Content-Security-Policy", "content", contentSecurityPolicy());
      h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
      h.empty("meta", "name", "referrer", "content", "no-referrer");
    }
    h.el("title", title() + " — " + Names.day(a.finishedAt()));
    h.empty(
        "meta",
        "name",
        "description",
        "content",
        "Tenet zero-trust posture assessment of "
            + c.organizations()
            + ", "
            + Names.day(a.finishedAt()));
    h.empty("meta", "name", "subject", "content", "Zero-trust posture assessment");
    h.empty("meta", "name", "author", "content", "Tenet");
    h.empty("meta", "name", "keywords", "content", "zero trust, CI/CD, supply chain, assessment");
    h.empty("meta", "name", "generator", "content", a.tool());
    h.empty("meta", "name", META_ASSESSMENT, "content", a.id());
    h.empty("meta", "name", META_SHA256, "content", c.sha256());
    h.empty("meta", "name", META_CANONICAL, "content", CanonicalJson.VERSION);
    h.open("style").raw(stylesheet).close("style");
    if (medium == Medium.PRINT) {
      h.open("bookmarks");
      for (Section s : sections) {
        bookmark(s);
      }
      h.close("bookmarks");
    }
    h.close("head");
  }

  private void bookmark(Section s) {
    h.open("bookmark", "name", s.title(), "href", "#" + s.id());
    for (Section child : s.children()) {
      bookmark(child);
    }
    h.close("bookmark");
  }

  /** Nothing may load from anywhere: fonts and images are data URLs, the one script is hashed. */
  private String contentSecurityPolicy() {
    String scriptSource =
        script == null ? "'none'" : "'sha256-" + ReportAssets.base64Sha256(script) + "'";
    return "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:;"
        + " script-src "
        + scriptSource
        + "; base-uri 'none'; form-action 'none'";
  }

  private List<Section> sections() {
    List<Section> out = new ArrayList<>();
    out.add(new Section("summary", "Executive summary", List.of()));
    List<Section> pillarSections = new ArrayList<>();
    for (PillarView p : c.pillars()) {
      pillarSections.add(new Section("pillar-" + p.pillar().id(), pillarHeading(p), List.of()));
    }
    out.add(new Section("pillars", "Pillars", pillarSections));
    List<Section> severitySections = new ArrayList<>();
    for (SeverityGroup g : c.bySeverity()) {
      severitySections.add(
          new Section(
              "findings-" + g.severity().id(),
              Names.severity(g.severity()) + " (" + g.findings() + ")",
              List.of()));
    }
    out.add(new Section("findings", "Findings", severitySections));
    out.add(new Section("paths", "Attack paths", List.of()));
    out.add(new Section("changes", "Changes since the previous assessment", List.of()));
    out.add(new Section("accepted", "Accepted risks", List.of()));
    out.add(new Section("method", "Scope and method", List.of()));
    char letter = 'A';
    for (FrameworkView fw : c.frameworks()) {
      out.add(
          new Section("fw-" + fw.key(), "Appendix " + letter++ + " — " + fw.title(), List.of()));
    }
    out.add(new Section("integrity", "Integrity", List.of()));
    return out;
  }

  private void cover() {
    h.open("section", "class", "cover", "id", "cover");
    h.el("p", "Tenet · zero-trust posture assessment", "class", "cover-kicker");
    h.el("p", c.organizations(), "class", "cover-title");
    h.el(
        "p",
        "Security assessment of the DevOps pipeline: identities, secrets, privileges, segmentation, integrity and monitoring.",
        "class",
        "cover-subtitle");

    h.open("div", "class", "cover-score");
    Integer overall = a.score().overall();
    h.open("div", "class", "cover-score-value")
        .el("span", Names.score(overall), "class", "big")
        .el("span", overall == null ? "" : " / 100", "class", "out-of")
        .close("div");
    h.open("div", "class", "cover-score-grade");
    grade(a.score().grade());
    h.el("span", overall == null ? " not scored" : " overall grade", "class", "muted");
    h.close("div");
    h.close("div");

    h.open("table", "class", "cover-facts");
    h.open("tbody");
    fact("Organization", c.organizations());
    List<String> scope = new ArrayList<>();
    for (ScopeEntry s : a.scope()) {
      scope.add(Names.platform(s.platform()) + " " + s.target() + " (" + s.baseUrl() + ")");
    }
    fact("Scope", scope.isEmpty() ? "(none)" : String.join("; ", scope));
    fact("Assessed", Names.time(a.startedAt()) + " to " + Names.time(a.finishedAt()));
    fact("Assessment", a.id());
    fact("Produced by", a.tool() + ", scoring model " + a.score().model());
    fact("Findings", findingsLine());
    h.close("tbody").close("table");
    h.open("p", "class", "cover-note")
        .text(
            "Tenet reads platform settings with read-only access and judges them against zero-trust"
                + " rules. What it could not read is reported as a blind spot and never counted as"
                + " passing. The last page carries a SHA-256 fingerprint that ties this report to"
                + " the stored assessment.")
        .close("p");
    h.close("section");
  }

  private void fact(String label, String value) {
    h.open("tr").el("th", label, "scope", "row").el("td", value).close("tr");
  }

  private String findingsLine() {
    List<String> parts = new ArrayList<>();
    for (Severity s : Severity.values()) {
      if (c.count(s) > 0) {
        parts.add(c.count(s) + " " + s.id());
      }
    }
    return Names.count(a.findings().size(), "finding")
        + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
        + ", "
        + Names.count(c.blindSpots().size(), "blind spot");
  }

  private void contents(List<Section> sections) {
    h.open("nav", "class", "toc", "id", "contents", "aria-label", "Contents");
    h.el("h1", "Contents", "class", "toc-title");
    h.open("ol", "class", "toc-list");
    for (Section s : sections) {
      h.open("li");
      tocLink(s, "toc-1");
      if (!s.children().isEmpty()) {
        h.open("ol");
        for (Section child : s.children()) {
          h.open("li");
          tocLink(child, "toc-2");
          h.close("li");
        }
        h.close("ol");
      }
      h.close("li");
    }
    h.close("ol");
    h.close("nav");
  }

  private void tocLink(Section s, String level) {
    h.link(s.title(), "#" + s.id(), "class", level);
  }

  // ---------------------------------------------------------------------------------------------
  // Executive summary

  private void summary() {
    h.open("section", "class", "chapter", "id", "summary");
    h.el("h1", "Executive summary");

    h.open("div", "class", "summary-top");
    h.open("div", "class", "score-card");
    h.el("p", "Overall score", "class", "label");
    h.open("p", "class", "score-line")
        .el("span", Names.score(a.score().overall()), "class", "score-big")
        .el("span", a.score().overall() == null ? "" : "/100", "class", "out-of")
        .close("p");
    h.open("p");
    grade(a.score().grade());
    h.close("p");
    h.close("div");
    h.open("div", "class", "summary-text");
    h.el("p", verdict(), "class", "lead");
    h.el("p", coverageSentence());
    long acceptedCount = a.findings().stream().filter(c::accepted).count();
    if (acceptedCount > 0) {
      h.el(
          "p",
          acceptedCount == 1
              ? "1 finding is accepted as a known risk and does not lower the score while its"
                  + " acceptance lasts (see Accepted risks)."
              : acceptedCount
                  + " findings are accepted as known risks and do not lower the score while their"
                  + " acceptance lasts (see Accepted risks).");
    }
    h.close("div");
    h.close("div");

    h.el("h2", "Pillar scores");
    pillarTable();

    h.el("h2", "Findings by severity");
    severityBar();

    h.el("h2", "Trend");
    trend();

    h.el("h2", "Top risks");
    if (c.topRisks().isEmpty()) {
      h.el("p", "No open finding above informational severity.", "class", "muted");
    } else {
      h.open("ol", "class", "top-risks");
      for (RuleGroup g : c.topRisks()) {
        h.open("li");
        severityBadge(g.severity());
        h.text(" ");
        h.link(g.title(), "#" + g.anchor(), "class", "strong");
        h.text(" — " + Names.count(g.findings().size(), "finding") + " (" + g.ruleId() + ").");
        if (!g.remediation().isEmpty()) {
          h.el("span", " First step: " + g.remediation().get(0), "class", "muted");
        }
        h.close("li");
      }
      h.close("ol");
    }

    h.el("h2", "Attack paths");
    if (c.paths().isEmpty()) {
      h.el(
          "p",
          "No attack path from an untrusted entry point to a crown jewel was found in the trust graph of this assessment.",
          "class",
          "muted");
    } else {
      h.open("ol", "class", "path-sentences");
      int shown = 0;
      for (PathView p : c.paths()) {
        if (shown++ == 5) {
          break;
        }
        h.open("li");
        severityBadge(p.path().severity());
        h.text(" ");
        h.link(p.sentence(), "#path-" + Anchors.safe(p.path().id()));
        h.close("li");
      }
      h.close("ol");
      if (c.paths().size() > 5) {
        h.el(
            "p",
            "And " + Names.count(c.paths().size() - 5, "more path") + ": see Attack paths.",
            "class",
            "muted");
      }
    }
    h.close("section");
  }

  private String verdict() {
    Integer overall = a.score().overall();
    long critical = c.count(Severity.CRITICAL);
    long high = c.count(Severity.HIGH);
    StringBuilder s = new StringBuilder();
    if (overall == null) {
      s.append("No pillar could be assessed, so this assessment has no score.");
    } else {
      s.append("The pipeline of ")
          .append(c.organizations())
          .append(" scores ")
          .append(overall)
          .append(" out of 100 (grade ")
          .append(a.score().grade())
          .append(").");
    }
    if (critical + high > 0) {
      s.append(" ")
          .append(Names.count(critical, "critical finding"))
          .append(" and ")
          .append(Names.count(high, "high-severity finding"))
          .append(" need attention first.");
    } else {
      s.append(" No critical or high-severity finding.");
    }
    return s.toString();
  }

  private String coverageSentence() {
    int rules = (int) a.tallies().stream().filter(t -> t.evaluated() > 0).count();
    int judged = a.tallies().stream().mapToInt(RuleTally::evaluated).sum();
    String seen =
        "Tenet read "
            + Names.count(a.coverage().resources(), "resource")
            + " and "
            + Names.count(a.coverage().relations(), "relation")
            + ", and "
            + Names.count(rules, "rule")
            + " judged "
            + Names.count(judged, "subject")
            + ".";
    if (c.blindSpots().isEmpty()) {
      return seen + " There was no blind spot: everything in scope could be read.";
    }
    int blind = c.blindSpots().size();
    return seen
        + (blind == 1
            ? " 1 part could not be read; it counts as unknown, never as passing"
            : " " + blind + " parts could not be read; they count as unknown, never as passing")
        + " (see Scope and method).";
  }

  private void pillarTable() {
    h.open("table", "class", "pillar-table");
    h.open("thead")
        .open("tr")
        .el("th", "Pillar", "scope", "col")
        .el("th", "Score", "scope", "col", "class", "bar-col")
        .el("th", "Grade", "scope", "col", "class", "num")
        .el("th", "Findings", "scope", "col", "class", "num")
        .close("tr")
        .close("thead");
    h.open("tbody");
    for (PillarView p : c.pillars()) {
      PillarScore s = p.score();
      h.open("tr");
      h.open("td").link(p.pillar().title(), "#pillar-" + p.pillar().id()).close("td");
      h.open("td", "class", "bar-col");
      if (s != null && s.assessed()) {
        h.open("div", "class", "bar")
            .open(
                "div",
                "class",
                "bar-fill grade-bg-" + gradeClass(s.grade()),
                "style",
                "width: " + Math.max(1, s.score()) + "%")
            .close("div")
            .close("div");
        h.el("span", s.score() + "/100", "class", "bar-label");
      } else {
        h.el("span", "not assessed", "class", "muted");
      }
      h.close("td");
      h.open("td", "class", "num");
      if (s != null && s.assessed()) {
        grade(s.grade());
      } else {
        h.text("–");
      }
      h.close("td");
      h.el("td", Integer.toString(p.findings()), "class", "num");
      h.close("tr");
    }
    h.close("tbody").close("table");
    if (c.pillars().stream().anyMatch(p -> p.score() == null || !p.score().assessed())) {
      h.el(
          "p",
          "A pillar that is not assessed had no rule able to judge anything in this scope: it is"
              + " left out of the overall score, and it is not a pass.",
          "class",
          "note");
    }
  }

  private void severityBar() {
    int total = a.findings().size();
    if (total == 0) {
      h.el("p", "No findings.", "class", "muted");
      return;
    }
    h.open("div", "class", "sev-bar", "role", "img", "aria-label", findingsLine());
    for (Severity s : Severity.values()) {
      int n = c.count(s);
      if (n > 0) {
        double width = Math.max(1.5, 100.0 * n / total);
        h.open(
                "div",
                "class",
                "sev-seg sev-bg-" + s.id(),
                "style",
                String.format(java.util.Locale.ROOT, "width: %.2f%%", width - 0.01))
            .close("div");
      }
    }
    h.close("div");
    h.open("ul", "class", "sev-legend");
    for (Severity s : Severity.values()) {
      h.open("li");
      severityBadge(s);
      h.text(" " + c.count(s));
      h.close("li");
    }
    h.close("ul");
  }

  private void trend() {
    TrendChart chart = trendChart(c);
    h.open("figure", "class", "chart");
    if (medium == Medium.PRINT) {
      h.open(
              "object",
              "type",
              CHART_TYPE,
              "data-chart",
              "trend",
              "alt",
              chart.description(),
              "style",
              "width: " + (int) TrendChart.WIDTH + "px; height: " + (int) TrendChart.HEIGHT + "px")
          .close("object");
    } else {
      h.raw(ReportAssets.svg(chart));
    }
    h.el(
        "figcaption",
        "Overall score of the assessments of this scope, oldest first ("
            + Names.count(c.trend().size(), "assessment")
            + ").");
    h.close("figure");
  }

  // ---------------------------------------------------------------------------------------------
  // Pillars

  private String pillarHeading(PillarView p) {
    PillarScore s = p.score();
    return p.pillar().title()
        + (s != null && s.assessed() ? " — " + s.score() + "/100" : " — not assessed");
  }

  private void pillars() {
    h.open("section", "class", "chapter", "id", "pillars");
    h.el("h1", "Pillars");
    h.el(
        "p",
        "Every rule that judged something owns a share of its pillar's 100 points, in proportion"
            + " to its severity; the share is spread evenly over the subjects it judged. A failing"
            + " subject loses its part (scaled by the finding's severity), a subject Tenet could"
            + " not judge loses half of it, and a passing one keeps it. The overall score is the"
            + " average of the assessed pillars. Every point lost below is traced to a rule.",
        "class",
        "lead");
    for (PillarView p : c.pillars()) {
      pillar(p);
    }
    h.close("section");
  }

  private void pillar(PillarView p) {
    PillarScore s = p.score();
    h.open("section", "class", "pillar", "id", "pillar-" + p.pillar().id());
    h.open("h2");
    h.text(p.pillar().title() + " ");
    if (s != null && s.assessed()) {
      h.el("span", s.score() + "/100", "class", "h-score");
      h.text(" ");
      grade(s.grade());
    } else {
      h.el("span", "not assessed", "class", "h-muted");
    }
    h.close("h2");
    h.el("p", p.description(), "class", "muted");
    if (s == null || !s.assessed()) {
      h.el(
          "p",
          "No rule judged anything in this pillar in this assessment: it is not scored and does"
              + " not count towards the overall score. Not assessed is not a pass.");
      h.close("section");
      return;
    }
    double findingPoints = p.losses().stream().mapToDouble(RuleLoss::findingPoints).sum();
    double unknownPoints = p.losses().stream().mapToDouble(RuleLoss::unknownPoints).sum();
    int failed = p.losses().stream().mapToInt(RuleLoss::findings).sum();
    int unknown = p.losses().stream().mapToInt(RuleLoss::unknown).sum();
    StringBuilder why = new StringBuilder();
    why.append(Names.count(p.tallies().size(), "rule"))
        .append(" judged ")
        .append(Names.count(s.checks(), "subject"))
        .append(". Starting from 100, the pillar lost ")
        .append(Names.points(findingPoints))
        .append(" points to ")
        .append(Names.count(failed, "finding"));
    if (unknownPoints > 0) {
      why.append(" and ")
          .append(Names.points(unknownPoints))
          .append(" to ")
          .append(Names.count(unknown, "subject"))
          .append(" Tenet could not judge");
    }
    why.append(", for a score of ").append(s.score()).append('.');
    long accepted =
        a.findings().stream().filter(f -> f.pillar() == p.pillar() && c.accepted(f)).count();
    if (accepted > 0) {
      why.append(' ')
          .append(
              accepted == 1
                  ? "1 finding is an accepted risk and costs nothing while its acceptance lasts."
                  : accepted + " findings are accepted risks and cost nothing while accepted.");
    }
    h.el("p", why);
    if (!p.tallies().isEmpty()) {
      h.open("table", "class", "loss-table");
      h.open("thead")
          .open("tr")
          .el("th", "Rule", "scope", "col")
          .el("th", "Passed", "scope", "col", "class", "num")
          .el("th", "Failed", "scope", "col", "class", "num")
          .el("th", "Unknown", "scope", "col", "class", "num")
          .el("th", "Points lost", "scope", "col", "class", "num")
          .close("tr")
          .close("thead");
      h.open("tbody");
      for (RuleTally t : p.tallies()) {
        RuleLoss loss =
            p.losses().stream().filter(l -> l.ruleId().equals(t.ruleId())).findFirst().orElse(null);
        h.open("tr");
        h.open("td")
            .el("span", t.ruleId(), "class", "mono")
            .text(" " + c.ruleTitle(t.ruleId()))
            .close("td");
        h.el("td", Integer.toString(t.passed()), "class", "num");
        h.el("td", Integer.toString(t.failed()), "class", "num");
        h.el("td", Integer.toString(t.unknown()), "class", "num");
        h.el("td", loss == null ? "0.0" : Names.points(loss.total()), "class", "num");
        h.close("tr");
      }
      h.close("tbody").close("table");
    }
    h.close("section");
  }

  // ---------------------------------------------------------------------------------------------
  // Findings

  private void findings() {
    h.open("section", "class", "chapter", "id", "findings");
    h.el("h1", "Findings");
    if (a.findings().isEmpty()) {
      h.el("p", "This assessment has no findings.", "class", "lead");
      h.close("section");
      return;
    }
    h.el(
        "p",
        findingsLine()
            + ". Findings are grouped by severity, then by rule; the remediation of a rule applies"
            + " to every finding listed under it. Each finding's ID is stable across assessments.",
        "class",
        "lead");
    if (medium == Medium.SCREEN) {
      findingIndex();
    }
    for (SeverityGroup g : c.bySeverity()) {
      h.open("section", "class", "severity-group", "id", "findings-" + g.severity().id());
      h.open("h2");
      severityBadge(g.severity());
      h.text(" " + Names.severity(g.severity()) + " ");
      h.el("span", "(" + Names.count(g.findings(), "finding") + ")", "class", "h-muted");
      h.close("h2");
      for (RuleGroup r : g.rules()) {
        ruleGroup(r);
      }
      h.close("section");
    }
    h.close("section");
  }

  /** The sortable index of all findings (HTML only; it works as a plain table without script). */
  private void findingIndex() {
    h.el("h2", "All findings", "id", "findings-index");
    h.open("div", "class", "table-tools", "id", "finding-tools").close("div");
    h.open("table", "class", "sortable index-table", "id", "finding-table");
    h.open("thead")
        .open("tr")
        .el("th", "Severity", "scope", "col")
        .el("th", "Rule", "scope", "col")
        .el("th", "Pillar", "scope", "col")
        .el("th", "Resource", "scope", "col")
        .el("th", "Finding", "scope", "col")
        .close("tr")
        .close("thead");
    h.open("tbody");
    for (SeverityGroup g : c.bySeverity()) {
      for (RuleGroup r : g.rules()) {
        for (Finding f : r.findings()) {
          h.open("tr", "data-finding", f.id());
          h.open("td", "data-sort", Integer.toString(f.severity().ordinal()));
          severityBadge(f.severity());
          h.close("td");
          h.el("td", f.ruleId(), "class", "mono nowrap");
          h.el("td", f.pillar().title(), "class", "nowrap");
          h.open("td", "class", "mono break").text(f.resource());
          if (f.location() != null) {
            h.text(" " + location(f.location()));
          }
          h.close("td");
          h.open("td").link(f.message(), "#" + Anchors.finding(f.id())).close("td");
          h.close("tr");
        }
      }
    }
    h.close("tbody").close("table");
  }

  private void ruleGroup(RuleGroup r) {
    h.open("section", "class", "rule-group", "id", r.anchor());
    h.open("h3");
    h.el("span", r.ruleId(), "class", "rule-id");
    h.text(" " + r.title() + " ");
    h.el("span", "(" + Names.count(r.findings().size(), "finding") + ")", "class", "h-muted");
    h.close("h3");
    h.open("p", "class", "rule-meta");
    h.text("Weakness " + r.weakness().id() + " · pillar " + r.weakness().pillar().title());
    String refs = frameworkRefs(r.weakness());
    if (!refs.isEmpty()) {
      h.text(" · " + refs);
    }
    h.close("p");
    if (!r.rationale().isEmpty()) {
      h.el("p", r.rationale());
    }
    if (!r.remediation().isEmpty()) {
      h.open("div", "class", "remediation");
      h.el("p", "Remediation", "class", "label");
      h.open("ol");
      for (String step : r.remediation()) {
        h.el("li", step);
      }
      h.close("ol");
      if (!r.references().isEmpty()) {
        h.el("p", "References: " + String.join(" · ", r.references()), "class", "refs");
      }
      h.close("div");
    }
    for (Finding f : r.findings()) {
      finding(f, r);
    }
    h.close("section");
  }

  /**
   * One finding, in few elements: the PDF renderer lays out and tags every element, and a large
   * assessment has ten thousand findings.
   */
  private void finding(Finding f, RuleGroup group) {
    h.open("div", "class", "finding", "id", Anchors.finding(f.id()), "data-finding", f.id());
    h.el(
        "p",
        f.resource() + (f.location() == null ? "" : "  ·  " + location(f.location())),
        "class",
        "finding-head mono break");
    h.el("p", f.message(), "class", "finding-msg");
    if (!f.evidence().isEmpty()) {
      int width = 0;
      for (String key : f.evidence().keySet()) {
        width = Math.max(width, Math.min(EVIDENCE_KEY_WIDTH, key.length()));
      }
      h.open("p", "class", "evidence mono break");
      boolean first = true;
      for (Map.Entry<String, Object> e : f.evidence().entrySet()) {
        if (!first) {
          h.empty("br");
        }
        first = false;
        String key = e.getKey();
        h.text(
            key + " ".repeat(Math.max(1, width - key.length() + 2)) + evidenceValue(e.getValue()));
      }
      h.close("p");
    }
    if (!f.remediation().equals(group.remediation()) && !f.remediation().isEmpty()) {
      h.el("p", "Remediation for this finding", "class", "label");
      h.open("ol", "class", "finding-remediation");
      for (String step : f.remediation()) {
        h.el("li", step);
      }
      h.close("ol");
    }
    h.open("p", "class", "finding-id");
    h.text("ID " + f.id());
    c.acceptance(f)
        .ifPresent(
            acc -> {
              h.text(" ");
              h.el("span", "Accepted risk", "class", "badge accepted");
              h.text(" " + acceptanceLine(acc.acceptance()));
            });
    h.close("p");
    h.close("div");
  }

  private static String location(Location l) {
    return l.file()
        + (l.line() > 0 ? ":" + l.line() + (l.column() > 0 ? ":" + l.column() : "") : "");
  }

  static String evidenceValue(Object value) {
    String text;
    if (value == null) {
      text = "null";
    } else if (value instanceof String s) {
      text = s;
    } else if (value instanceof Number || value instanceof Boolean) {
      text = String.valueOf(value);
    } else {
      try {
        text = Json.mapper().writeValueAsString(value);
      } catch (JsonProcessingException e) {
        text = String.valueOf(value);
      }
    }
    if (text.length() > EVIDENCE_LIMIT) {
      text =
          text.substring(0, EVIDENCE_LIMIT)
              + "… (cut at "
              + EVIDENCE_LIMIT
              + " characters; the JSON report holds all of it)";
    }
    return text;
  }

  private static String frameworkRefs(Weakness w) {
    List<String> refs = new ArrayList<>();
    if (!w.owasp().isEmpty()) {
      refs.add("OWASP " + String.join(", ", w.owasp()));
    }
    if (!w.cisSsc().isEmpty()) {
      refs.add("CIS SSC " + String.join(", ", w.cisSsc()));
    }
    if (!w.nist().isEmpty()) {
      refs.add(
          "NIST 800-207 tenet "
              + String.join(", ", w.nist().stream().map(String::valueOf).toList()));
    }
    return String.join(" · ", refs);
  }

  private static String acceptanceLine(RiskAcceptance r) {
    StringBuilder s = new StringBuilder();
    s.append("by ").append(r.owner() == null || r.owner().isBlank() ? "(no owner)" : r.owner());
    s.append(r.expiresAt() == null ? ", no expiry" : ", until " + Names.day(r.expiresAt()));
    s.append(": ").append(r.reason() == null ? "" : r.reason());
    return s.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Attack paths

  private void attackPaths() {
    h.open("section", "class", c.paths().isEmpty() ? "chapter flow" : "chapter", "id", "paths");
    h.el("h1", "Attack paths");
    if (c.paths().isEmpty()) {
      h.el(
          "p",
          "No attack path was found: in the trust graph of this assessment, no chain of trust"
              + " relations leads from an untrusted entry point (a fork pull request, an outside"
              + " collaborator, a public runner) to a crown jewel (a production environment, a"
              + " deployment role, a release registry). Blind spots can hide paths: see Scope and"
              + " method.",
          "class",
          "lead");
      h.close("section");
      return;
    }
    h.el(
        "p",
        "Each path is a chain of trust relations an attacker could walk, from an untrusted entry"
            + " point to a crown jewel. Fixing any finding named under a path breaks it.",
        "class",
        "lead");
    int n = 1;
    for (PathView p : c.paths()) {
      AttackPath path = p.path();
      h.open("section", "class", "path", "id", "path-" + Anchors.safe(path.id()));
      h.open("h2");
      h.text("Path " + n++ + " ");
      severityBadge(path.severity());
      h.close("h2");
      h.el("p", p.sentence());
      h.open("ol", "class", "chain", "aria-label", "Chain of trust relations");
      h.open("li", "class", "node entry");
      h.el("span", "Entry point", "class", "node-role");
      h.el("span", Names.resource(path.entry()), "class", "node-name");
      h.el("span", path.entry(), "class", "mono break node-id");
      h.close("li");
      for (int i = 0; i < path.hops().size(); i++) {
        AttackPath.Hop hop = path.hops().get(i);
        h.open("li", "class", "edge");
        h.el("span", "↓ " + Names.relation(hop.relation()), "class", "edge-label");
        if (hop.because() != null && !hop.because().isBlank()) {
          Finding because = c.finding(hop.because());
          h.text(" because ");
          if (because != null) {
            h.link(because.title(), "#" + Anchors.finding(because.id()));
          } else {
            h.el("span", hop.because(), "class", "muted");
          }
        }
        h.close("li");
        boolean last = i == path.hops().size() - 1;
        h.open("li", "class", last ? "node target" : "node");
        h.el("span", last ? "Crown jewel" : "Step " + (i + 1), "class", "node-role");
        h.el("span", Names.resource(hop.to()), "class", "node-name");
        h.el("span", hop.to(), "class", "mono break node-id");
        h.close("li");
      }
      h.close("ol");
      if (!path.cut().isEmpty()) {
        h.el("p", "Fixing any of these breaks the path:", "class", "label");
        h.open("ul", "class", "cut");
        for (String id : path.cut()) {
          Finding f = c.finding(id);
          h.open("li");
          if (f != null) {
            severityBadge(f.severity());
            h.text(" ");
            h.link(f.title(), "#" + Anchors.finding(id));
            h.text(" — ");
            h.el("span", f.resource(), "class", "mono break");
          } else {
            h.el("span", id, "class", "mono");
          }
          h.close("li");
        }
        h.close("ul");
      }
      h.close("section");
    }
    h.close("section");
  }

  // ---------------------------------------------------------------------------------------------
  // Changes

  private void changes() {
    boolean noChanges = c.changes() == null || c.changes().unchanged();
    h.open("section", "class", noChanges ? "chapter flow" : "chapter", "id", "changes");
    h.el("h1", "Changes since the previous assessment");
    AssessmentDiff d = c.changes();
    if (d == null) {
      h.el(
          "p",
          "This is the first stored assessment of this scope: there is nothing to compare it with"
              + " yet.",
          "class",
          "lead");
      h.close("section");
      return;
    }
    if (d.unchanged()) {
      h.el(
          "p",
          "Nothing changed since assessment "
              + d.from().id()
              + " of "
              + Names.time(d.from().startedAt())
              + ": the same findings, with the same severities, and the same scores.",
          "class",
          "lead");
      h.close("section");
      return;
    }
    h.el(
        "p",
        "Compared with assessment "
            + d.from().id()
            + " of "
            + Names.time(d.from().startedAt())
            + ": "
            + Names.count(d.added().size(), "new finding")
            + ", "
            + Names.count(d.resolved().size(), "resolved finding")
            + ", "
            + Names.count(d.unverified().size(), "finding")
            + " no longer visible behind a blind spot, "
            + Names.count(d.severityChanged().size(), "change")
            + " of severity.",
        "class",
        "lead");
    h.open("table", "class", "delta-table");
    h.open("thead")
        .open("tr")
        .el("th", "Score", "scope", "col")
        .el("th", "Before", "scope", "col", "class", "num")
        .el("th", "Now", "scope", "col", "class", "num")
        .el("th", "Change", "scope", "col", "class", "num")
        .close("tr")
        .close("thead");
    h.open("tbody");
    deltaRow("Overall", d.from().score().overall(), d.to().score().overall(), d.overallDelta());
    for (Pillar p : Pillar.values()) {
      PillarScore before = d.from().score().pillar(p);
      PillarScore now = d.to().score().pillar(p);
      deltaRow(
          p.title(),
          before == null ? null : before.score(),
          now == null ? null : now.score(),
          d.pillarDeltas().get(p));
    }
    h.close("tbody").close("table");
    changeList("New findings", d.added(), true);
    changeList("Resolved", d.resolved(), false);
    changeList(
        "No longer visible (hidden by a blind spot, not counted as fixed)", d.unverified(), false);
    changeList("Severity changed", d.severityChanged(), true);
    h.close("section");
  }

  private void deltaRow(String label, Integer before, Integer now, Integer delta) {
    h.open("tr");
    h.el("td", label);
    h.el("td", Names.score(before), "class", "num");
    h.el("td", Names.score(now), "class", "num");
    String text = delta == null ? "–" : delta > 0 ? "+" + delta : Integer.toString(delta);
    h.el(
        "td",
        text,
        "class",
        "num " + (delta == null || delta == 0 ? "" : delta > 0 ? "up" : "down"));
    h.close("tr");
  }

  private void changeList(String title, List<Finding> findings, boolean linkable) {
    h.el("h2", title + " (" + findings.size() + ")");
    if (findings.isEmpty()) {
      h.el("p", "None.", "class", "muted");
      return;
    }
    h.open("table", "class", "change-table");
    h.open("thead")
        .open("tr")
        .el("th", "Severity", "scope", "col")
        .el("th", "Finding", "scope", "col")
        .el("th", "Resource", "scope", "col")
        .close("tr")
        .close("thead");
    h.open("tbody");
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(
        java.util.Comparator.comparing((Finding f) -> f.severity().ordinal())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::resource));
    for (Finding f : sorted) {
      h.open("tr");
      h.open("td");
      severityBadge(f.severity());
      h.close("td");
      h.open("td");
      if (linkable) {
        h.link(f.title(), "#" + Anchors.finding(f.id()));
      } else {
        h.text(f.title());
      }
      h.el("span", " " + f.ruleId(), "class", "mono muted");
      h.close("td");
      h.el("td", f.resource(), "class", "mono break");
      h.close("tr");
    }
    h.close("tbody").close("table");
  }

  // ---------------------------------------------------------------------------------------------
  // Accepted risks

  private void accepted() {
    h.open(
        "section",
        "class",
        c.acceptances().isEmpty() ? "chapter flow" : "chapter",
        "id",
        "accepted");
    h.el("h1", "Accepted risks");
    if (c.acceptances().isEmpty()) {
      h.el(
          "p",
          "No risk has been accepted: every finding in this report counts towards the score.",
          "class",
          "lead");
      h.close("section");
      return;
    }
    h.el(
        "p",
        "An accepted risk stays visible in every report; while its acceptance lasts it does not"
            + " lower the score. Expired acceptances count again.",
        "class",
        "lead");
    h.open("table", "class", "accepted-table");
    h.open("thead")
        .open("tr")
        .el("th", "Finding", "scope", "col")
        .el("th", "Reason", "scope", "col")
        .el("th", "Owner", "scope", "col")
        .el("th", "Accepted", "scope", "col")
        .el("th", "Expires", "scope", "col")
        .el("th", "Status", "scope", "col")
        .close("tr")
        .close("thead");
    h.open("tbody");
    for (Acceptance acc : c.acceptances()) {
      RiskAcceptance r = acc.acceptance();
      h.open("tr");
      h.open("td");
      if (acc.finding() != null) {
        h.link(acc.finding().title(), "#" + Anchors.finding(r.findingId()));
        h.el("span", acc.finding().resource(), "class", "mono break block");
      } else {
        h.el("span", "Not in this assessment", "class", "muted block");
        h.el("span", r.findingId(), "class", "mono");
      }
      h.close("td");
      h.el("td", r.reason());
      h.el("td", r.owner());
      h.el("td", Names.shortDay(r.acceptedAt()), "class", "nowrap");
      h.el(
          "td", r.expiresAt() == null ? "never" : Names.shortDay(r.expiresAt()), "class", "nowrap");
      h.open("td");
      h.el(
          "span",
          acc.active() ? "active" : "expired",
          "class",
          "badge " + (acc.active() ? "status-pass" : "status-fail"));
      h.close("td");
      h.close("tr");
    }
    h.close("tbody").close("table");
    h.close("section");
  }

  // ---------------------------------------------------------------------------------------------
  // Scope and method

  private void method() {
    h.open("section", "class", "chapter", "id", "method");
    h.el("h1", "Scope and method");
    h.el("h2", "Scope");
    h.open("table", "class", "scope-table");
    h.open("thead")
        .open("tr")
        .el("th", "Platform", "scope", "col")
        .el("th", "Organization or group", "scope", "col")
        .el("th", "API", "scope", "col")
        .close("tr")
        .close("thead");
    h.open("tbody");
    for (ScopeEntry s : a.scope()) {
      h.open("tr");
      h.el("td", Names.platform(s.platform()));
      h.el("td", s.target());
      h.el("td", s.baseUrl(), "class", "mono break");
      h.close("tr");
    }
    h.close("tbody").close("table");

    h.el("h2", "Timeline and cost");
    h.open("table", "class", "facts-table");
    h.open("tbody");
    fact("Started", Names.time(a.startedAt()));
    fact("Finished", Names.time(a.finishedAt()));
    fact("Scan duration", Names.duration(a.stats().durationMs()));
    fact(
        "API requests",
        a.stats().apiRequests()
            + " ("
            + a.stats().notModified()
            + " answered 304 Not Modified from a conditional request)");
    fact(
        "Trust graph",
        Names.count(a.coverage().resources(), "resource")
            + ", "
            + Names.count(a.coverage().relations(), "relation"));
    fact("Assessment", a.id());
    fact("Tool", a.tool());
    fact("Scoring model", a.score().model());
    h.close("tbody").close("table");

    h.el("h2", "Method");
    h.el(
        "p",
        "Tenet connects to each platform with the read-only token configured for the connection;"
            + " it never changes a setting. Connectors only read and map what the APIs return into"
            + " a trust graph of identities, repositories, pipelines, secrets, runners and"
            + " deployment targets. Rules then judge that graph, each subject as passing, failing"
            + " (a finding, with the evidence that triggered it) or unknown (the facts were not"
            + " visible). Unknown is never counted as passing: it costs half of a failure in the"
            + " score, and every part Tenet could not read is listed below as a blind spot.");
    h.el(
        "p",
        "Token permissions: Tenet reads with whatever the configured tokens allow. When a token"
            + " lacks a permission, the affected settings appear below as blind spots, each with"
            + " the permission or access that would reveal it.");

    if (untagged) {
      h.el(
          "p",
          "Accessibility: with "
              + a.findings().size()
              + " findings, this PDF is not tagged for assistive technology (the renderer's tagging"
              + " grows out of proportion on reports this large). Its text is real text and can be"
              + " searched and copied; the HTML report carries the same content with its full"
              + " structure.",
          "class",
          "note");
    }
    h.el("h2", "Blind spots (" + c.blindSpots().size() + ")");
    if (c.blindSpots().isEmpty()) {
      h.el("p", "None: every resource in scope could be read.", "class", "muted");
    } else {
      h.open("table", "class", "blind-table");
      h.open("thead")
          .open("tr")
          .el("th", "Resource", "scope", "col")
          .el("th", "Could not read", "scope", "col")
          .el("th", "Why", "scope", "col")
          .el("th", "What would reveal it", "scope", "col")
          .close("tr")
          .close("thead");
      h.open("tbody");
      for (Finding f : c.blindSpots()) {
        h.open("tr", "id", Anchors.finding(f.id()) + "-blind");
        h.el("td", f.resource(), "class", "mono break");
        h.el("td", evidenceText(f, "what", f.message()));
        h.el("td", evidenceText(f, "reason", ""));
        h.el("td", evidenceText(f, "remedy", ""));
        h.close("tr");
      }
      h.close("tbody").close("table");
    }

    h.el("h2", "Rules evaluated");
    h.open("table", "class", "rules-table");
    h.open("thead")
        .open("tr")
        .el("th", "Rule", "scope", "col")
        .el("th", "Pillar", "scope", "col")
        .el("th", "Severity", "scope", "col")
        .el("th", "Passed", "scope", "col", "class", "num")
        .el("th", "Failed", "scope", "col", "class", "num")
        .el("th", "Unknown", "scope", "col", "class", "num")
        .close("tr")
        .close("thead");
    h.open("tbody");
    List<RuleTally> tallies = new ArrayList<>(a.tallies());
    tallies.sort(java.util.Comparator.comparing(RuleTally::ruleId));
    for (RuleTally t : tallies) {
      h.open("tr");
      h.open("td")
          .el("span", t.ruleId(), "class", "mono")
          .text(" " + c.ruleTitle(t.ruleId()))
          .close("td");
      h.el("td", t.pillar().title());
      h.el("td", Names.severity(t.severity()));
      h.el("td", Integer.toString(t.passed()), "class", "num");
      h.el("td", Integer.toString(t.failed()), "class", "num");
      h.el("td", Integer.toString(t.unknown()), "class", "num");
      h.close("tr");
    }
    h.close("tbody").close("table");
    h.close("section");
  }

  private static String evidenceText(Finding f, String key, String fallback) {
    Object v = f.evidence().get(key);
    return v == null ? fallback : String.valueOf(v);
  }

  // ---------------------------------------------------------------------------------------------
  // Framework appendices

  private void framework(FrameworkView fw) {
    h.open("section", "class", "chapter appendix", "id", "fw-" + fw.key());
    int index = c.frameworks().indexOf(fw);
    h.el("h1", "Appendix " + (char) ('A' + index) + " — " + fw.title());
    h.el(
        "p",
        fw.count(FrameworkStatus.Status.FAIL)
            + " failing, "
            + fw.count(FrameworkStatus.Status.PASS)
            + " passing, "
            + fw.count(FrameworkStatus.Status.NOT_ASSESSED)
            + " not assessed. An item fails when a finding maps to it, passes when Tenet's rules"
            + " for it judged something and found nothing, and is otherwise not assessed: either"
            + " no Tenet rule covers it, or nothing in scope could be judged. Not assessed is not"
            + " a pass.",
        "class",
        "lead");
    h.el("p", "Reference: " + fw.reference(), "class", "refs");
    h.open("table", "class", "framework-table");
    h.open("thead")
        .open("tr")
        .el("th", "Item", "scope", "col", "class", "item-col")
        .el("th", "Title", "scope", "col")
        .el("th", "Status", "scope", "col", "class", "status-col")
        .el("th", "Findings behind it", "scope", "col", "class", "behind-col")
        .close("tr")
        .close("thead");
    h.open("tbody");
    String section = null;
    for (FrameworkItem item : fw.items()) {
      if (!item.section().isEmpty() && !item.section().equals(section)) {
        section = item.section();
        h.open("tr", "class", "section-row").el("td", section, "colspan", "4").close("tr");
      }
      h.open(
          "tr", "class", "item-" + item.status().id() + (item.checked() ? "" : " item-uncovered"));
      h.el("td", item.id(), "class", "mono nowrap");
      h.el("td", item.title());
      h.open("td");
      statusBadge(item.status());
      h.close("td");
      h.open("td");
      if (item.findings().isEmpty()) {
        h.el(
            "span",
            item.status() == FrameworkStatus.Status.PASS
                ? "none"
                : item.checked() ? "no rule judged it" : "no Tenet rule covers it",
            "class",
            "muted");
      } else {
        itemFindings(item.findings());
      }
      h.close("td");
      h.close("tr");
    }
    h.close("tbody").close("table");
    h.close("section");
  }

  /**
   * The findings behind a framework item, by rule: a rule with one finding links to it, a rule with
   * several links to its group in the findings chapter.
   */
  private void itemFindings(List<Finding> findings) {
    Map<String, List<Finding>> byRule = new java.util.LinkedHashMap<>();
    for (Finding f : findings) {
      byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
    }
    int shown = 0;
    for (List<Finding> group : byRule.values()) {
      if (shown++ == ITEM_FINDINGS) {
        h.el(
            "span",
            "and " + Names.count(byRule.size() - ITEM_FINDINGS, "more rule"),
            "class",
            "muted block");
        break;
      }
      Finding first = group.get(0);
      long accepted = group.stream().filter(c::accepted).count();
      h.open("span", "class", "block");
      if (group.size() == 1) {
        h.link(first.title(), "#" + Anchors.finding(first.id()));
        if (accepted > 0) {
          h.text(" ");
          h.el("span", "accepted", "class", "badge accepted");
        }
        h.el("span", " " + first.resource(), "class", "mono break muted");
      } else {
        Severity worst =
            group.stream()
                .map(Finding::severity)
                .min(java.util.Comparator.naturalOrder())
                .orElseThrow();
        h.link(first.title(), "#rule-" + worst.id() + "-" + Anchors.safe(first.ruleId()));
        h.el(
            "span",
            " "
                + Names.count(group.size(), "finding")
                + (accepted > 0 ? ", " + accepted + " accepted" : ""),
            "class",
            "muted");
      }
      h.close("span");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Integrity

  private void integrity() {
    h.open("section", "class", "chapter integrity", "id", "integrity");
    h.el("h1", "Integrity");
    h.el(
        "p",
        "This report was produced from one stored assessment. The fingerprint below is the"
            + " SHA-256 of that assessment's canonical JSON ("
            + CanonicalJson.VERSION
            + ": the stored content serialized by RFC 8785, the JSON Canonicalization Scheme, in"
            + " UTF-8). Anyone holding the assessment store can check that this report matches it.",
        "class",
        "lead");
    h.open("table", "class", "facts-table integrity-table");
    h.open("tbody");
    fact("Assessment", a.id());
    h.open("tr")
        .el("th", "SHA-256", "scope", "row")
        .open("td")
        .el("span", c.sha256(), "class", "mono sha")
        .close("td")
        .close("tr");
    fact("Canonicalization", CanonicalJson.VERSION);
    fact("Findings", Integer.toString(a.findings().size()));
    fact("Overall score", Names.score(a.score().overall()));
    ReportInput.Signer signer = c.input().signer();
    if (signer != null) {
      fact("Signed by", signer.name());
      h.open("tr")
          .el("th", SIGNER_CERTIFICATE, "scope", "row")
          .open("td")
          .el("span", signer.certificateSha256(), "class", "mono sha")
          .close("td")
          .close("tr");
    }
    h.close("tbody").close("table");
    h.el("p", "To verify this report against the store it came from, run:", "class", "label");
    h.el(
        "pre",
        "tenet verify REPORT --db tenet.db"
            + (signer == null ? "" : " --signed-by " + signer.certificateSha256()),
        "class",
        "command");
    h.el(
        "p",
        "The command recomputes the fingerprint of the stored assessment named above and compares"
            + " it, the findings and the score with this report. It exits 0 when they match and 1"
            + " otherwise.",
        "class",
        "muted");
    if (signer != null) {
      h.el(
          "p",
          "This report carries a digital signature by the certificate above, over the whole file."
              + " Any change after signing, or the signature's removal, makes the check fail.",
          "class",
          "muted");
    }
    h.close("section");
  }

  // ---------------------------------------------------------------------------------------------
  // Small pieces

  private void severityBadge(Severity s) {
    Severity severity = s == null ? Severity.INFO : s;
    h.el("span", severity.id(), "class", "badge sev-" + severity.id());
  }

  private void statusBadge(FrameworkStatus.Status s) {
    String label =
        switch (s) {
          case PASS -> "pass";
          case FAIL -> "fail";
          case NOT_ASSESSED -> "not assessed";
        };
    h.el("span", label, "class", "badge status-" + s.id());
  }

  private void grade(String grade) {
    if (grade == null) {
      h.el("span", "–", "class", "grade grade-none");
    } else {
      h.el("span", grade, "class", "grade grade-" + gradeClass(grade), "title", "Grade " + grade);
    }
  }

  private static String gradeClass(String grade) {
    return grade == null ? "none" : Anchors.safe(grade.toLowerCase(java.util.Locale.ROOT));
  }
}
