package dev.tenet.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.core.model.Severity;
import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rules.StandardRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Loads every rule Tenet ships and checks the metadata users and reports rely on. */
class RuleCatalogTest {

  @Test
  void everyShippedRuleHasCompleteMetadata() {
    RuleCatalog catalog = StandardRules.catalog();
    Set<String> ids = new HashSet<>();
    assertThat(catalog.rules()).isNotEmpty();
    for (Rule rule : catalog.rules()) {
      RuleMetadata m = rule.metadata();
      assertThat(ids.add(m.id())).as("unique id %s", m.id()).isTrue();
      assertThat(m.id()).as("id format").matches("[A-Z]+(-[A-Z0-9]+)+");
      assertThat(WeaknessCatalog.standard().find(m.weakness()))
          .as("weakness of %s", m.id())
          .isPresent();
      assertThat(m.title()).as("title of %s", m.id()).isNotBlank();
      assertThat(m.rationale()).as("rationale of %s", m.id()).isNotBlank();
      assertThat(m.remediation())
          .as("remediation of %s", m.id())
          .isNotEmpty()
          .allMatch(s -> !s.isBlank());
      assertThat(m.references()).as("references of %s", m.id()).isNotEmpty();
      assertThat(m.severity()).isNotNull();
    }
  }

  @Test
  void rejectsUnknownWeaknessesAndDuplicateIds() {
    Rule unknown = rule("X-1", "not-a-weakness");
    assertThatThrownBy(() -> new RuleCatalog(WeaknessCatalog.standard(), List.of(unknown)))
        .hasMessageContaining("unknown weakness 'not-a-weakness'");
    Rule a = rule("X-1", "branch-unprotected");
    Rule b = rule("X-1", "branch-unprotected");
    assertThatThrownBy(() -> new RuleCatalog(WeaknessCatalog.standard(), List.of(a, b)))
        .hasMessageContaining("used twice");
  }

  static Rule rule(String id, String weakness) {
    RuleMetadata m =
        new RuleMetadata(id, weakness, Severity.LOW, "t", "r", List.of("fix"), List.of("ref"));
    return new Rule() {
      @Override
      public RuleMetadata metadata() {
        return m;
      }

      @Override
      public void evaluate(RuleContext context, Outcomes outcomes) {}
    };
  }
}
