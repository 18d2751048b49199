package dev.tenet.app.gui.findings;

import dev.tenet.app.gui.common.Messages;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.ResourceLinks;
import dev.tenet.app.service.Workspace;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.Weakness;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleMetadata;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The findings screen's state: every finding of one assessment, filtered (pillar, severity,
 * platform, weakness, status, free text), grouped and sorted, and the selected one explained.
 *
 * <p>Filtering is a linear pass over rows sorted once per sort order; it is what the console
 * benchmark times at 100,000 findings.
 */
public final class FindingsViewModel {
  /** A line of the table: a group heading or a finding. */
  public sealed interface Row permits FindingRow, GroupRow {}

  /** The heading of a group of findings. */
  public record GroupRow(String key, String label, int count, Severity worst, boolean collapsed)
      implements Row {}

  public enum State {
    LOADING,
    EMPTY,
    READY,
    ERROR
  }

  public enum Grouping {
    NONE("No grouping"),
    SEVERITY("Severity"),
    PILLAR("Pillar"),
    WEAKNESS("Weakness"),
    REPOSITORY("Repository or project"),
    RULE("Rule"),
    PLATFORM("Platform"),
    STATUS("Status");

    private final String label;

    Grouping(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** The sortable columns. */
  public enum Column {
    SEVERITY,
    TITLE,
    RESOURCE,
    PILLAR,
    WEAKNESS,
    RULE,
    PLATFORM,
    STATUS
  }

  public record SortKey(Column column, boolean ascending) {}

  /** One choice of a filter; a null value means "all". */
  public record Choice<T>(T value, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** Everything the detail pane shows about the selected finding. */
  public record Detail(
      FindingRow row,
      String weaknessTitle,
      String location,
      List<Evidence> evidence,
      String rationale,
      List<String> remediation,
      List<Reference> references) {}

  public record Evidence(String name, String value) {}

  /** A framework or documentation reference; {@code link} is null when it is not a web page. */
  public record Reference(String label, URI link) {}

  /**
   * Accepts a finding as a known risk (the risk-acceptance service, once wired).
   *
   * @return one sentence saying what was recorded
   */
  @FunctionalInterface
  public interface RiskAcceptor {
    String accept(
        String findingId, String reason, String owner, LocalDate expires, String assessmentId)
        throws Exception;
  }

  private final Workspace workspace;
  private final RuleCatalog rules;
  private final UiExecutor executor;
  private final RiskAcceptor acceptor;

  private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
  private final StringProperty status = new SimpleStringProperty("Loading the findings…");
  private final StringProperty heading = new SimpleStringProperty("");
  private final StringProperty summary = new SimpleStringProperty("");
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<AssessmentSummary> assessments = FXCollections.observableArrayList();
  private final ObjectProperty<AssessmentSummary> assessment = new SimpleObjectProperty<>();

  private final StringProperty search = new SimpleStringProperty("");
  private final ObservableList<Choice<Pillar>> pillarChoices = FXCollections.observableArrayList();
  private final ObservableList<Choice<Severity>> severityChoices =
      FXCollections.observableArrayList();
  private final ObservableList<Choice<String>> platformChoices =
      FXCollections.observableArrayList();
  private final ObservableList<Choice<String>> weaknessChoices =
      FXCollections.observableArrayList();
  private final ObservableList<Choice<FindingRow.Status>> statusChoices =
      FXCollections.observableArrayList();
  private final ObjectProperty<Choice<Pillar>> pillar = new SimpleObjectProperty<>();
  private final ObjectProperty<Choice<Severity>> severity = new SimpleObjectProperty<>();
  private final ObjectProperty<Choice<String>> platform = new SimpleObjectProperty<>();
  private final ObjectProperty<Choice<String>> weakness = new SimpleObjectProperty<>();
  private final ObjectProperty<Choice<FindingRow.Status>> findingStatus =
      new SimpleObjectProperty<>();
  private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.NONE);

  private final ObjectProperty<Detail> detail = new SimpleObjectProperty<>();
  private final ObjectProperty<URI> webPage = new SimpleObjectProperty<>();
  private final StringProperty actionMessage = new SimpleStringProperty("");
  private final BooleanProperty canAccept = new SimpleBooleanProperty();

  private Assessment current;
  private FindingRow[] all = new FindingRow[0];
  private FindingRow[] sorted = new FindingRow[0];
  private List<SortKey> sortKeys =
      List.of(new SortKey(Column.SEVERITY, true), new SortKey(Column.RESOURCE, true));
  private final Set<String> collapsed = new HashSet<>();
  private TrustGraph graph;
  private String graphOf;
  private boolean refreshing;
  private long lastFilterNanos;
  private String pendingSearch;
  private int sorting;

  public FindingsViewModel(
      Workspace workspace, RuleCatalog rules, UiExecutor executor, RiskAcceptor acceptor) {
    this.workspace = workspace;
    this.rules = rules;
    this.executor = executor;
    this.acceptor = acceptor;
    canAccept.set(false);
    search.addListener((o, a, b) -> refresh());
    pillar.addListener((o, a, b) -> refresh());
    severity.addListener((o, a, b) -> refresh());
    platform.addListener((o, a, b) -> refresh());
    weakness.addListener((o, a, b) -> refresh());
    findingStatus.addListener((o, a, b) -> refresh());
    grouping.addListener(
        (o, a, b) -> {
          collapsed.clear();
          resort();
        });
  }

  /** Whether accepting a risk is possible here (the risk-acceptance service is wired). */
  public boolean acceptAvailable() {
    return acceptor != null;
  }

  /** Loads the latest assessment in the background. */
  public void load() {
    load(null);
  }

  /** Loads an assessment (by id; null for the latest) in the background. */
  public void load(String id) {
    state.set(State.LOADING);
    status.set("Loading the findings…");
    Comparator<FindingRow> order = order();
    Grouping groupedBy = grouping.get();
    List<SortKey> sortedBy = sortKeys;
    executor.run(
        () -> {
          List<AssessmentSummary> history = workspace.history();
          Assessment a = id == null ? workspace.latest().orElse(null) : workspace.load(id);
          Set<String> before = new HashSet<>();
          if (a != null) {
            workspace
                .previous(a)
                .ifPresent(p -> workspace.load(p.id()).findings().forEach(f -> before.add(f.id())));
          }
          // Building and sorting 100,000 rows takes a second: never on the UI thread.
          FindingRow[] rowsOf = a == null ? new FindingRow[0] : rowsOf(a, before);
          FindingRow[] sortedRows = rowsOf.clone();
          Arrays.sort(sortedRows, order);
          return new Loaded(a, history, rowsOf, sortedRows);
        },
        l -> {
          show(l);
          // Grouped or sorted otherwise while loading: sort again.
          if (l.assessment() != null
              && (grouping.get() != groupedBy || !sortKeys.equals(sortedBy))) {
            resort();
          }
        },
        e -> {
          state.set(State.ERROR);
          status.set(Messages.of(e));
        });
  }

  private record Loaded(
      Assessment assessment,
      List<AssessmentSummary> history,
      FindingRow[] rows,
      FindingRow[] sorted) {}

  private void show(Loaded l) {
    List<AssessmentSummary> newestFirst = new ArrayList<>(l.history());
    java.util.Collections.reverse(newestFirst);
    assessments.setAll(newestFirst);
    if (l.assessment() == null) {
      current = null;
      all = new FindingRow[0];
      sorted = all;
      rows.clear();
      state.set(State.EMPTY);
      status.set("No assessment yet: run a scan, or the demo, to see findings here.");
      return;
    }
    assessment.set(
        newestFirst.stream()
            .filter(s -> s.id().equals(l.assessment().id()))
            .findFirst()
            .orElse(null));
    apply(l.assessment(), l.rows(), l.sorted());
  }

  private static FindingRow[] rowsOf(Assessment a, Set<String> previousIds) {
    FindingRow[] rowsOf = new FindingRow[a.findings().size()];
    int i = 0;
    for (Finding f : a.findings()) {
      rowsOf[i++] =
          new FindingRow(
              f, previousIds.contains(f.id()) ? FindingRow.Status.OPEN : FindingRow.Status.NEW);
    }
    return rowsOf;
  }

  /**
   * Shows an assessment's findings; a finding whose id is in {@code previousIds} is open since
   * before, the others are new.
   */
  public void display(Assessment a, Set<String> previousIds) {
    FindingRow[] rowsOf = rowsOf(a, previousIds);
    Comparator<FindingRow> order = order();
    FindingRow[] sortedRows = rowsOf.clone();
    Arrays.sort(sortedRows, order);
    apply(a, rowsOf, sortedRows);
  }

  private void apply(Assessment a, FindingRow[] rowsOf, FindingRow[] sortedRows) {
    current = a;
    graph = null;
    graphOf = null;
    all = rowsOf;
    sorted = sortedRows;
    heading.set(
        a.scope().stream()
            .map(s -> s.target() + " (" + Texts.platform(s.platform()) + ")")
            .reduce((x, y) -> x + ", " + y)
            .orElse(""));
    refreshing = true;
    try {
      choices();
      search.set(pendingSearch == null ? "" : pendingSearch);
      pendingSearch = null;
    } finally {
      refreshing = false;
    }
    detail.set(null);
    webPage.set(null);
    actionMessage.set("");
    state.set(all.length == 0 ? State.EMPTY : State.READY);
    status.set(
        all.length == 0 ? "This assessment has no findings: nothing in scope failed a rule." : "");
    refresh();
  }

  private void choices() {
    Map<Pillar, Integer> pillars = new EnumMap<>(Pillar.class);
    Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
    Map<String, Integer> platforms = new TreeMap<>();
    Map<String, Integer> weaknesses = new TreeMap<>();
    Map<FindingRow.Status, Integer> statuses = new EnumMap<>(FindingRow.Status.class);
    for (FindingRow r : all) {
      pillars.merge(r.pillar(), 1, Integer::sum);
      severities.merge(r.severity(), 1, Integer::sum);
      platforms.merge(r.platform(), 1, Integer::sum);
      weaknesses.merge(r.weakness(), 1, Integer::sum);
      statuses.merge(r.status(), 1, Integer::sum);
    }
    pillarChoices.setAll(choiceList("All pillars", pillars, Pillar::title));
    severityChoices.setAll(choiceList("All severities", severities, Texts::title));
    platformChoices.setAll(choiceList("All platforms", platforms, Texts::platform));
    weaknessChoices.setAll(choiceList("All weaknesses", weaknesses, Function.identity()));
    statusChoices.setAll(choiceList("Any status", statuses, FindingRow.Status::label));
    pillar.set(pillarChoices.get(0));
    severity.set(severityChoices.get(0));
    platform.set(platformChoices.get(0));
    weakness.set(weaknessChoices.get(0));
    findingStatus.set(statusChoices.get(0));
  }

  private static <T> List<Choice<T>> choiceList(
      String all, Map<T, Integer> counts, Function<T, String> label) {
    List<Choice<T>> list = new ArrayList<>();
    list.add(new Choice<>(null, all));
    counts.forEach(
        (k, n) -> list.add(new Choice<>(k, label.apply(k) + " (" + Texts.number(n) + ")")));
    return list;
  }

  /**
   * Shows only the findings matching {@code text} (other filters reset), now or once the findings
   * are loaded.
   */
  public void searchFor(String text) {
    if (state.get() == State.READY) {
      clearFilters();
      search.set(text == null ? "" : text);
    } else {
      pendingSearch = text;
    }
  }

  /** Sorts by the table's sort order (the columns clicked, first one first). */
  public void sortBy(List<SortKey> keys) {
    sortKeys = keys.isEmpty() ? List.of(new SortKey(Column.SEVERITY, true)) : List.copyOf(keys);
    resort();
  }

  public List<SortKey> sortKeys() {
    return sortKeys;
  }

  /** Opens or closes a group. */
  public void toggle(GroupRow group) {
    if (!collapsed.remove(group.key())) {
      collapsed.add(group.key());
    }
    refresh();
  }

  /** Resets every filter. */
  public void clearFilters() {
    refreshing = true;
    try {
      search.set("");
      pillar.set(pillarChoices.isEmpty() ? null : pillarChoices.get(0));
      severity.set(severityChoices.isEmpty() ? null : severityChoices.get(0));
      platform.set(platformChoices.isEmpty() ? null : platformChoices.get(0));
      weakness.set(weaknessChoices.isEmpty() ? null : weaknessChoices.get(0));
      findingStatus.set(statusChoices.isEmpty() ? null : statusChoices.get(0));
    } finally {
      refreshing = false;
    }
    refresh();
  }

  /** Sorts again in the background (100,000 rows by title take a third of a second). */
  private void resort() {
    Comparator<FindingRow> order = order();
    FindingRow[] rowsNow = all;
    int mine = ++sorting;
    executor.run(
        () -> {
          FindingRow[] copy = rowsNow.clone();
          Arrays.sort(copy, order);
          return copy;
        },
        copy -> {
          if (mine == sorting && rowsNow == all) {
            sorted = copy;
            refresh();
          }
        },
        e -> status.set(Messages.of(e)));
  }

  private Comparator<FindingRow> order() {
    return groupOrder().thenComparing(rowOrder());
  }

  private Comparator<FindingRow> groupOrder() {
    return switch (grouping.get()) {
      case NONE -> (a, b) -> 0;
      case SEVERITY -> Comparator.comparing(FindingRow::severity);
      case PILLAR -> Comparator.comparing(FindingRow::pillar);
      case WEAKNESS -> Comparator.comparing(FindingRow::weakness);
      case REPOSITORY -> Comparator.comparing(FindingRow::repository);
      case RULE -> Comparator.comparing(FindingRow::rule);
      case PLATFORM -> Comparator.comparing(FindingRow::platform);
      case STATUS -> Comparator.comparing(FindingRow::status);
    };
  }

  private Comparator<FindingRow> rowOrder() {
    Comparator<FindingRow> order = null;
    for (SortKey k : sortKeys) {
      Comparator<FindingRow> c = comparator(k.column());
      if (!k.ascending()) {
        c = c.reversed();
      }
      order = order == null ? c : order.thenComparing(c);
    }
    Comparator<FindingRow> byId = Comparator.comparing(FindingRow::id);
    return order == null ? byId : order.thenComparing(byId);
  }

  private static Comparator<FindingRow> comparator(Column column) {
    return switch (column) {
      case SEVERITY -> Comparator.comparing(FindingRow::severity);
      case TITLE -> Comparator.comparing(FindingRow::title, String.CASE_INSENSITIVE_ORDER);
      case RESOURCE -> Comparator.comparing(FindingRow::resource);
      case PILLAR -> Comparator.comparing(FindingRow::pillar);
      case WEAKNESS -> Comparator.comparing(FindingRow::weakness);
      case RULE -> Comparator.comparing(FindingRow::rule);
      case PLATFORM -> Comparator.comparing(FindingRow::platform);
      case STATUS -> Comparator.comparing(FindingRow::status);
    };
  }

  /** Applies the filters to the sorted rows: one linear pass, group headings inserted. */
  private void refresh() {
    if (refreshing) {
      return;
    }
    long started = System.nanoTime();
    String[] terms = terms(search.get());
    Pillar p = value(pillar);
    Severity s = value(severity);
    String pf = value(platform);
    String w = value(weakness);
    FindingRow.Status st = value(findingStatus);
    Grouping g = grouping.get();
    List<Row> out = new ArrayList<>(g == Grouping.NONE ? sorted.length : sorted.length + 64);
    int shown = 0;
    String groupKey = null;
    int headingAt = -1;
    int inGroup = 0;
    Severity worst = null;
    for (FindingRow r : sorted) {
      if ((p != null && r.pillar() != p)
          || (s != null && r.severity() != s)
          || (pf != null && !pf.equals(r.platform()))
          || (w != null && !w.equals(r.weakness()))
          || (st != null && r.status() != st)
          || (terms.length > 0 && !r.matches(terms))) {
        continue;
      }
      shown++;
      if (g != Grouping.NONE) {
        String key = groupKey(g, r);
        if (!key.equals(groupKey)) {
          if (headingAt >= 0) {
            out.set(headingAt, heading(g, groupKey, inGroup, worst));
          }
          groupKey = key;
          headingAt = out.size();
          out.add(null);
          inGroup = 0;
          worst = null;
        }
        inGroup++;
        worst = worst == null || r.severity().atLeast(worst) ? r.severity() : worst;
        if (collapsed.contains(key)) {
          continue;
        }
      }
      out.add(r);
    }
    if (headingAt >= 0) {
      out.set(headingAt, heading(g, groupKey, inGroup, worst));
    }
    lastFilterNanos = System.nanoTime() - started;
    rows.setAll(out);
    summary.set(
        shown == all.length
            ? Texts.count(all.length, "finding")
            : Texts.number(shown) + " of " + Texts.count(all.length, "finding"));
  }

  private GroupRow heading(Grouping g, String key, int count, Severity worst) {
    return new GroupRow(key, groupLabel(g, key), count, worst, collapsed.contains(key));
  }

  private static String groupKey(Grouping g, FindingRow r) {
    return switch (g) {
      case NONE -> "";
      case SEVERITY -> r.severity().id();
      case PILLAR -> r.pillar().id();
      case WEAKNESS -> r.weakness();
      case REPOSITORY -> r.repository();
      case RULE -> r.rule();
      case PLATFORM -> r.platform();
      case STATUS -> r.status().name();
    };
  }

  private String groupLabel(Grouping g, String key) {
    return switch (g) {
      case SEVERITY -> Texts.title(Severity.fromId(key));
      case PILLAR -> Pillar.fromId(key).title();
      case WEAKNESS ->
          rules.weaknesses().find(key).map(x -> x.title() + " (" + key + ")").orElse(key);
      case RULE -> rules.find(key).map(x -> key + " · " + x.metadata().title()).orElse(key);
      case PLATFORM -> Texts.platform(key);
      case STATUS -> FindingRow.Status.valueOf(key).label();
      default -> key;
    };
  }

  private static String[] terms(String text) {
    if (text == null || text.isBlank()) {
      return new String[0];
    }
    return text.strip().toLowerCase(Locale.ROOT).split("\\s+");
  }

  private static <T> T value(ObjectProperty<Choice<T>> choice) {
    return choice.get() == null ? null : choice.get().value();
  }

  /** Explains a finding in the detail pane; its web page is looked up in the background. */
  public void select(FindingRow row) {
    Detail shown = detail.get();
    if (shown == null || row == null || !shown.row().id().equals(row.id())) {
      // What was said of an action belongs to its finding; the same one reselected keeps it.
      actionMessage.set("");
    }
    webPage.set(null);
    if (row == null) {
      detail.set(null);
      canAccept.set(false);
      return;
    }
    Finding f = row.finding();
    RuleMetadata meta = rules.find(f.ruleId()).map(r -> r.metadata()).orElse(null);
    List<Evidence> evidence = new ArrayList<>();
    f.evidence().forEach((k, v) -> evidence.add(new Evidence(k, show(v))));
    List<Reference> refs = new ArrayList<>();
    Weakness w = f.weakness();
    w.owasp()
        .forEach(
            id ->
                refs.add(
                    new Reference(
                        "OWASP Top 10 CI/CD Security Risks · " + id,
                        URI.create("https://owasp.org/www-project-top-10-ci-cd-security-risks/"))));
    w.cisSsc()
        .forEach(
            id ->
                refs.add(new Reference("CIS Software Supply Chain Security Guide · " + id, null)));
    w.nist().forEach(n -> refs.add(new Reference("NIST SP 800-207 zero-trust tenet " + n, null)));
    if (meta != null) {
      for (String r : meta.references()) {
        refs.add(new Reference(r, link(r)));
      }
    }
    String location =
        f.location() == null
            ? ""
            : f.location().file() + (f.location().line() > 0 ? ":" + f.location().line() : "");
    detail.set(
        new Detail(
            row,
            w.title(),
            location,
            evidence,
            meta == null ? "" : meta.rationale(),
            f.remediation().isEmpty() && meta != null ? meta.remediation() : f.remediation(),
            refs));
    canAccept.set(acceptor != null && row.status() != FindingRow.Status.ACCEPTED);
    lookUpWebPage(row);
  }

  private void lookUpWebPage(FindingRow row) {
    Assessment a = current;
    if (a == null) {
      return;
    }
    TrustGraph known = a.id().equals(graphOf) ? graph : null;
    executor.run(
        () -> {
          TrustGraph g = known != null ? known : workspace.graph(a.id()).orElse(null);
          return new Page(g, ResourceLinks.webPage(g, a.scope(), row.resource()).orElse(null));
        },
        page -> {
          if (current == a) {
            graph = page.graph();
            graphOf = a.id();
          }
          Detail d = detail.get();
          if (d != null && d.row() == row) {
            webPage.set(page.uri());
          }
        },
        e -> webPage.set(null));
  }

  private record Page(TrustGraph graph, URI uri) {}

  private static URI link(String reference) {
    if (reference.startsWith("https://")) {
      try {
        return URI.create(reference.strip());
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  private static String show(Object v) {
    if (v instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).reduce((x, y) -> x + ", " + y).orElse("(none)");
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, String> copy = new LinkedHashMap<>();
      m.forEach((k, x) -> copy.put(String.valueOf(k), String.valueOf(x)));
      return copy.toString();
    }
    return String.valueOf(v);
  }

  /** The selected finding as plain text, for the clipboard (it holds no secret: Tenet has none). */
  public String copyText() {
    Detail d = detail.get();
    if (d == null) {
      return "";
    }
    Finding f = d.row().finding();
    StringBuilder b = new StringBuilder();
    b.append(f.title()).append('\n');
    b.append(Texts.title(f.severity()))
        .append(" · ")
        .append(f.pillar().title())
        .append(" · ")
        .append(f.weakness().id())
        .append(" · ")
        .append(f.ruleId())
        .append('\n');
    b.append("Resource: ").append(f.resource()).append('\n');
    if (!d.location().isEmpty()) {
      b.append("Location: ").append(d.location()).append('\n');
    }
    b.append(f.message()).append('\n');
    if (!d.remediation().isEmpty()) {
      b.append("Remediation:\n");
      for (int i = 0; i < d.remediation().size(); i++) {
        b.append("  ").append(i + 1).append(". ").append(d.remediation().get(i)).append('\n');
      }
    }
    b.append("Finding ").append(f.id());
    if (current != null) {
      b.append(" · assessment ").append(current.id());
    }
    b.append('\n');
    return b.toString();
  }

  /** Accepts the selected finding as a known risk, in the background. */
  public void accept(String reason, String owner, LocalDate expires) {
    Detail d = detail.get();
    if (acceptor == null || d == null || current == null) {
      return;
    }
    if (reason == null || reason.isBlank()) {
      actionMessage.set("Say why the risk is accepted.");
      return;
    }
    if (owner == null || owner.isBlank()) {
      actionMessage.set("Name who answers for the accepted risk.");
      return;
    }
    if (expires == null || !expires.isAfter(LocalDate.now())) {
      actionMessage.set("Choose an expiry date after today: an accepted risk is looked at again.");
      return;
    }
    FindingRow row = d.row();
    String assessmentId = current.id();
    executor.run(
        () -> acceptor.accept(row.id(), reason.strip(), owner.strip(), expires, assessmentId),
        message -> {
          row.status(FindingRow.Status.ACCEPTED);
          actionMessage.set(message);
          canAccept.set(false);
          refresh();
        },
        e -> actionMessage.set(Messages.of(e)));
  }

  /** Says something about the last action (copied, could not open…). */
  public void tell(String message) {
    actionMessage.set(Objects.requireNonNullElse(message, ""));
  }

  /** Nanoseconds the last filter pass took, for the benchmark. */
  public long lastFilterNanos() {
    return lastFilterNanos;
  }

  public Assessment current() {
    return current;
  }

  public ObjectProperty<State> stateProperty() {
    return state;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public StringProperty headingProperty() {
    return heading;
  }

  public StringProperty summaryProperty() {
    return summary;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ObservableList<AssessmentSummary> assessments() {
    return assessments;
  }

  public ObjectProperty<AssessmentSummary> assessmentProperty() {
    return assessment;
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ObservableList<Choice<Pillar>> pillarChoices() {
    return pillarChoices;
  }

  public ObservableList<Choice<Severity>> severityChoices() {
    return severityChoices;
  }

  public ObservableList<Choice<String>> platformChoices() {
    return platformChoices;
  }

  public ObservableList<Choice<String>> weaknessChoices() {
    return weaknessChoices;
  }

  public ObservableList<Choice<FindingRow.Status>> statusChoices() {
    return statusChoices;
  }

  public ObjectProperty<Choice<Pillar>> pillarProperty() {
    return pillar;
  }

  public ObjectProperty<Choice<Severity>> severityProperty() {
    return severity;
  }

  public ObjectProperty<Choice<String>> platformProperty() {
    return platform;
  }

  public ObjectProperty<Choice<String>> weaknessProperty() {
    return weakness;
  }

  public ObjectProperty<Choice<FindingRow.Status>> findingStatusProperty() {
    return findingStatus;
  }

  public ObjectProperty<Grouping> groupingProperty() {
    return grouping;
  }

  public ObjectProperty<Detail> detailProperty() {
    return detail;
  }

  public ObjectProperty<URI> webPageProperty() {
    return webPage;
  }

  public StringProperty actionMessageProperty() {
    return actionMessage;
  }

  public BooleanProperty canAcceptProperty() {
    return canAccept;
  }

  /**
   * Selects the filter choice holding {@code value} (null: all); for the view's links and tests.
   */
  public static <T> void choose(
      ObjectProperty<Choice<T>> property, List<Choice<T>> choices, T value) {
    choices.stream()
        .filter(c -> Objects.equals(c.value(), value))
        .findFirst()
        .ifPresent(property::set);
  }
}
