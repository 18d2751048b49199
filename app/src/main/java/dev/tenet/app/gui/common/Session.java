package dev.tenet.app.gui.common;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * What the screens share: a revision of the stored assessments, raised when a scan stores one, so
 * that each screen reloads when it is next shown instead of showing stale data.
 */
public final class Session {
  private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);

  /** Says that the stored assessments changed (a scan finished, an organization was forgotten). */
  public void assessmentsChanged() {
    revision.set(revision.get() + 1);
  }

  public int revision() {
    return revision.get();
  }

  public ReadOnlyIntegerProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }
}
