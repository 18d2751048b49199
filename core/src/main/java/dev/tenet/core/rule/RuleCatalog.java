package dev.tenet.core.rule;

import dev.tenet.core.model.WeaknessCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The explicit list of rules Tenet evaluates; ids are unique and every weakness is known. */
public final class RuleCatalog {
  private final Map<String, Rule> rules = new LinkedHashMap<>();
  private final WeaknessCatalog weaknesses;

  public RuleCatalog(WeaknessCatalog weaknesses, List<Rule> rules) {
    this.weaknesses = weaknesses;
    for (Rule rule : rules) {
      RuleMetadata m = rule.metadata();
      if (weaknesses.find(m.weakness()).isEmpty()) {
        throw new IllegalArgumentException(
            "Rule " + m.id() + " declares unknown weakness '" + m.weakness() + "'");
      }
      if (this.rules.put(m.id(), rule) != null) {
        throw new IllegalArgumentException("Rule id " + m.id() + " is used twice");
      }
    }
  }

  public List<Rule> rules() {
    return List.copyOf(rules.values());
  }

  public Optional<Rule> find(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  public WeaknessCatalog weaknesses() {
    return weaknesses;
  }
}
