package dev.tenet.app.gui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.Fixtures;
import dev.tenet.app.gui.MemoryKeychain;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.findings.FindingsViewModel.Column;
import dev.tenet.app.gui.findings.FindingsViewModel.GroupRow;
import dev.tenet.app.gui.findings.FindingsViewModel.Grouping;
import dev.tenet.app.gui.findings.FindingsViewModel.Row;
import dev.tenet.app.gui.findings.FindingsViewModel.SortKey;
import dev.tenet.app.gui.findings.FindingsViewModel.State;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rules.StandardRules;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filtering, grouping, sorting and explaining findings, without a window. */
class FindingsViewModelTest {
  private static final Assessment SYNTHETIC = SyntheticFindings.assessment(3_000, 7);

  private static FindingsViewModel model(FindingsViewModel.RiskAcceptor acceptor) {
    return new FindingsViewModel(null, StandardRules.catalog(), UiExecutor.direct(), acceptor);
  }

  private static List<FindingRow> shown(FindingsViewModel vm) {
    List<FindingRow> out = new ArrayList<>();
    for (Row r : vm.rows()) {
      if (r instanceof FindingRow f) {
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void showsEveryFindingUntilFiltered() {
    FindingsViewModel vm = model(null);
    vm.display(SYNTHETIC, Set.of());
    assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
    assertThat(vm.rows()).hasSize(3_000);
    assertThat(vm.summaryProperty().get()).isEqualTo("3,000 findings");
    // The default order puts the worst first.
    assertThat(shown(vm).get(0).severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void eachFilterKeepsOnlyWhatMatchesAndClearingRestoresAll() {
    FindingsViewModel vm = model(null);
    vm.display(SYNTHETIC, Set.of());
    long high = SYNTHETIC.findings().stream().filter(f -> f.severity() == Severity.HIGH).count();
    FindingsViewModel.choose(vm.severityProperty(), vm.severityChoices(), Severity.HIGH);
    assertThat(shown(vm)).hasSize((int) high).allMatch(r -> r.severity() == Severity.HIGH);
    assertThat(vm.summaryProperty().get())
        .isEqualTo(String.format(Locale.ENGLISH, "%,d of 3,000 findings", high));

    FindingsViewModel.choose(vm.pillarProperty(), vm.pillarChoices(), Pillar.INTEGRITY);
    FindingsViewModel.choose(vm.platformProperty(), vm.platformChoices(), "gitlab");
    long expected =
        SYNTHETIC.findings().stream()
            .filter(f -> f.severity() == Severity.HIGH)
            .filter(f -> f.pillar() == Pillar.INTEGRITY)
            .filter(f -> f.platform().equals("gitlab"))
            .count();
    assertThat(shown(vm))
        .hasSize((int) expected)
        .allMatch(r -> r.pillar() == Pillar.INTEGRITY && r.platform().equals("gitlab"));

    vm.clearFilters();
    assertThat(vm.rows()).hasSize(3_000);
  }

  @Test
  void freeTextMatchesEveryWordAnywhereInTheFinding() {
    FindingsViewModel vm = model(null);
    vm.display(SYNTHETIC, Set.of());
    vm.searchProperty().set("MAIN service-1");
    List<FindingRow> rows = shown(vm);
    assertThat(rows).isNotEmpty();
    for (FindingRow r : rows) {
      String text = (r.title() + r.finding().message() + r.resource()).toLowerCase(Locale.ROOT);
      assertThat(text).contains("main").contains("service-1");
    }
    long expected =
        SYNTHETIC.findings().stream()
            .filter(
                f -> {
                  String t =
                      (f.title()
                              + "\n"
                              + f.message()
                              + "\n"
                              + f.resource()
                              + "\n"
                              + f.ruleId()
                              + "\n"
                              + f.weakness().id()
                              + "\n"
                              + f.id()
                              + (f.location() == null ? "" : "\n" + f.location().file()))
                          .toLowerCase(Locale.ROOT);
                  return t.contains("main") && t.contains("service-1");
                })
            .count();
    assertThat(rows).hasSize((int) expected);
    vm.searchProperty().set("no such text anywhere");
    assertThat(vm.rows()).isEmpty();
  }

  @Test
  void weaknessAndStatusFilters() {
    Set<String> before = new HashSet<>();
    for (int i = 0; i < SYNTHETIC.findings().size(); i += 2) {
      before.add(SYNTHETIC.findings().get(i).id());
    }
    FindingsViewModel vm = model(null);
    vm.display(SYNTHETIC, before);
    FindingsViewModel.choose(vm.findingStatusProperty(), vm.statusChoices(), FindingRow.Status.NEW);
    assertThat(shown(vm)).hasSize(1_500).allMatch(r -> !before.contains(r.id()));
    vm.clearFilters();
    String weakness = SYNTHETIC.findings().get(0).weakness().id();
    FindingsViewModel.choose(vm.weaknessProperty(), vm.weaknessChoices(), weakness);
    assertThat(shown(vm)).isNotEmpty().allMatch(r -> r.weakness().equals(weakness));
  }

  @Test
  void groupsCountTheirFindingsAndFold() {
    FindingsViewModel vm = model(null);
    vm.display(SYNTHETIC, Set.of());
    vm.groupingProperty().set(Grouping.SEVERITY);
    List<GroupRow> groups = new ArrayList<>();
    vm.rows()
        .forEach(
            r -> {
              if (r instanceof GroupRow g) {
                groups.add(g);
              }
            });
    assertThat(groups).extracting(GroupRow::label).startsWith("Critical");
    assertThat(groups.stream().mapToInt(GroupRow::count).sum()).isEqualTo(3_000);
    // Each heading is followed by its own findings.
    Severity current = null;
    for (Row r : vm.rows()) {
      if (r instanceof GroupRow g) {
        current = Severity.fromId(g.key());
      } else {
        assertThat(((FindingRow) r).severity()).isEqualTo(current);
      }
    }
    GroupRow critical = groups.get(0);
    vm.toggle(critical);
    assertThat(vm.rows().get(0)).isInstanceOf(GroupRow.class);
    assertThat(((GroupRow) vm.rows().get(0)).collapsed()).isTrue();
    assertThat(vm.rows().get(1)).isInstanceOf(GroupRow.class);
    assertThat(vm.rows()).hasSize(3_000 - critical.count() + groups.size());
    vm.toggle((GroupRow) vm.rows().get(0));
    assertThat(vm.rows()).hasSize(3_000 + groups.size());
  }

  @Test
  void sortsByTheColumnsClicked() {
    FindingsViewModel vm = model(null);
    vm.display(SYNTHETIC, Set.of());
    vm.sortBy(List.of(new SortKey(Column.RESOURCE, false)));
    List<FindingRow> rows = shown(vm);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i - 1).resource().compareTo(rows.get(i).resource()))
          .isGreaterThanOrEqualTo(0);
    }
    vm.sortBy(List.of(new SortKey(Column.TITLE, true)));
    rows = shown(vm);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(
              String.CASE_INSENSITIVE_ORDER.compare(rows.get(i - 1).title(), rows.get(i).title()))
          .isLessThanOrEqualTo(0);
    }
  }

  @Test
  void explainsTheSelectedFindingAndCopiesItAsText(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      Assessment a = Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 2, false);
      FindingsViewModel vm =
          new FindingsViewModel(context.workspace(), context.rules(), UiExecutor.direct(), null);
      vm.load();
      assertThat(vm.rows()).hasSize(a.findings().size());
      Finding bob =
          a.findings().stream().filter(f -> f.resource().equals(Fixtures.BOB)).findFirst().get();
      FindingRow row = shown(vm).stream().filter(r -> r.id().equals(bob.id())).findFirst().get();
      vm.select(row);
      FindingsViewModel.Detail d = vm.detailProperty().get();
      assertThat(d.remediation()).isNotEmpty();
      assertThat(d.references())
          .anySatisfy(ref -> assertThat(ref.label()).startsWith("OWASP Top 10 CI/CD"));
      assertThat(d.rationale()).isNotBlank();
      // github.com's web page of a member is derived from its id (the API gave none).
      assertThat(vm.webPageProperty().get()).hasToString("https://github.com/bob");
      String copied = vm.copyText();
      assertThat(copied).contains(bob.title()).contains(bob.resource()).contains(bob.id());
      assertThat(vm.acceptAvailable()).isFalse();
    }
  }

  @Test
  void aSearchAskedForBeforeLoadingAppliesOnceLoaded(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 3, false);
      FindingsViewModel vm =
          new FindingsViewModel(context.workspace(), context.rules(), UiExecutor.direct(), null);
      vm.searchFor("repo-1");
      vm.load();
      assertThat(vm.searchProperty().get()).isEqualTo("repo-1");
      assertThat(shown(vm)).isNotEmpty().allMatch(r -> r.resource().contains("repo-1"));
    }
  }

  @Test
  void marksFindingsNewOrOpenAgainstThePreviousAssessmentOfTheScope(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 1, false);
      Fixtures.store(context, Instant.parse("2026-11-21T10:00:00Z"), 3, false);
      FindingsViewModel vm =
          new FindingsViewModel(context.workspace(), context.rules(), UiExecutor.direct(), null);
      vm.load();
      List<FindingRow> fresh =
          shown(vm).stream().filter(r -> r.status() == FindingRow.Status.NEW).toList();
      assertThat(fresh).isNotEmpty();
      assertThat(fresh)
          .allMatch(r -> r.resource().contains("repo-1") || r.resource().contains("repo-2"));
      assertThat(shown(vm)).anyMatch(r -> r.status() == FindingRow.Status.OPEN);
    }
  }

  @Test
  void acceptingARiskNeedsAReasonAnOwnerAndAnExpiryThenMarksTheFinding() {
    List<String> calls = new ArrayList<>();
    FindingsViewModel vm =
        model(
            (id, reason, owner, expires, assessment) -> {
              calls.add(id + "|" + reason + "|" + owner + "|" + expires + "|" + assessment);
              return "Accepted until " + expires + ".";
            });
    vm.display(SYNTHETIC, Set.of());
    FindingRow first = shown(vm).get(0);
    vm.select(first);
    assertThat(vm.canAcceptProperty().get()).isTrue();
    vm.accept(" ", "sec-lead", LocalDate.now().plusDays(30));
    assertThat(vm.actionMessageProperty().get()).isEqualTo("Say why the risk is accepted.");
    vm.accept("Compensating control", "", LocalDate.now().plusDays(30));
    assertThat(vm.actionMessageProperty().get()).contains("who answers");
    vm.accept("Compensating control", "sec-lead", LocalDate.now());
    assertThat(vm.actionMessageProperty().get()).contains("expiry date after today");
    assertThat(calls).isEmpty();

    LocalDate until = LocalDate.now().plusDays(30);
    vm.accept("Compensating control", "sec-lead", until);
    assertThat(calls)
        .containsExactly(
            first.id() + "|Compensating control|sec-lead|" + until + "|" + SYNTHETIC.id());
    assertThat(first.status()).isEqualTo(FindingRow.Status.ACCEPTED);
    assertThat(vm.canAcceptProperty().get()).isFalse();
    FindingsViewModel.choose(vm.findingStatusProperty(), vm.statusChoices(), FindingRow.Status.NEW);
    assertThat(shown(vm)).doesNotContain(first);
  }
}
