package dev.tenet.app.service;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentDiff;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.store.AssessmentStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The assessments of one store, as the CLI and the console see them. Opens the store on first use
 * so commands that never touch it (rules, lint-pipeline) never create it.
 */
public final class Workspace implements AutoCloseable {
  private final Path database;
  private AssessmentStore store;

  public Workspace(Path database) {
    this.database = database;
  }

  public Path database() {
    return database;
  }

  public synchronized AssessmentStore store() {
    if (store == null) {
      store = AssessmentStore.open(database);
    }
    return store;
  }

  public List<AssessmentSummary> history() {
    return store().history();
  }

  public Optional<Assessment> latest() {
    return store().resolve("latest").map(store()::load);
  }

  /** Loads an assessment by id, id prefix, {@code latest} or {@code latest~N}. */
  public Assessment load(String reference) {
    String id =
        store()
            .resolve(reference)
            .orElseThrow(
                () ->
                    new UserError(
                        history().isEmpty()
                            ? "No assessment is stored in "
                                + database
                                + " yet: run 'tenet scan' (or 'tenet scan --demo') first."
                            : "No assessment matches '"
                                + reference
                                + "': see 'tenet history' for the ids."));
    return store().load(id);
  }

  /**
   * The stored assessment just before {@code a} that covered the same scope (platform and target,
   * whatever the API address), if any: what "new" and "since the previous assessment" refer to.
   */
  public Optional<AssessmentSummary> previous(Assessment a) {
    AssessmentSummary previous = null;
    for (AssessmentSummary s : history()) {
      if (s.id().equals(a.id())) {
        break;
      }
      if (sameScope(s.scope(), a.scope())) {
        previous = s;
      }
    }
    return Optional.ofNullable(previous);
  }

  /** Whether two assessments covered the same organizations and groups. */
  public static boolean sameScope(List<ScopeEntry> a, List<ScopeEntry> b) {
    return scopeKey(a).equals(scopeKey(b));
  }

  /** A scope as a set of platform:target, e.g. [github:acme-corp, gitlab:acme]. */
  public static java.util.Set<String> scopeKey(List<ScopeEntry> scope) {
    java.util.Set<String> key = new java.util.TreeSet<>();
    scope.forEach(s -> key.add(s.platform() + ":" + s.target()));
    return key;
  }

  public AssessmentDiff diff(String from, String to) {
    return AssessmentDiff.between(load(from), load(to));
  }

  public Optional<TrustGraph> graph(String assessmentId) {
    return store().graph(assessmentId);
  }

  @Override
  public synchronized void close() {
    if (store != null) {
      store.close();
      store = null;
    }
  }
}
