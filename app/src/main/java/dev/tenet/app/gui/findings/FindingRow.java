package dev.tenet.app.gui.findings;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.Severity;
import java.util.Locale;

/**
 * One finding as the table shows it, with what filtering needs precomputed (so filtering 100,000
 * rows only compares).
 */
public final class FindingRow implements FindingsViewModel.Row {
  /** Where a finding stands. */
  public enum Status {
    /** Not in the previous assessment of the same scope. */
    NEW("New"),
    /** Also in the previous assessment. */
    OPEN("Open"),
    /** Accepted as a known risk. */
    ACCEPTED("Accepted");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final Finding finding;
  private final String platform;
  private final String repository;
  private final String search;
  private Status status;

  public FindingRow(Finding finding, Status status) {
    this.finding = finding;
    this.status = status;
    this.platform = finding.platform();
    this.repository = ResourceId.scopeOf(finding.resource());
    this.search =
        (finding.title()
                + '\n'
                + finding.message()
                + '\n'
                + finding.resource()
                + '\n'
                + finding.ruleId()
                + '\n'
                + finding.weakness().id()
                + '\n'
                + finding.id()
                + (finding.location() == null ? "" : '\n' + finding.location().file()))
            .toLowerCase(Locale.ROOT);
  }

  public Finding finding() {
    return finding;
  }

  public String id() {
    return finding.id();
  }

  public Severity severity() {
    return finding.severity();
  }

  public Pillar pillar() {
    return finding.pillar();
  }

  public String weakness() {
    return finding.weakness().id();
  }

  public String title() {
    return finding.title();
  }

  public String resource() {
    return finding.resource();
  }

  /** The organization, group, repository or project the finding's resource belongs to. */
  public String repository() {
    return repository;
  }

  public String rule() {
    return finding.ruleId();
  }

  public String platform() {
    return platform;
  }

  public Status status() {
    return status;
  }

  void status(Status s) {
    this.status = s;
  }

  /** Whether every term (already lower case) occurs in the finding's text. */
  boolean matches(String[] terms) {
    for (String t : terms) {
      if (!search.contains(t)) {
        return false;
      }
    }
    return true;
  }
}
