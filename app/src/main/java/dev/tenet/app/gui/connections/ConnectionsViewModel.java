package dev.tenet.app.gui.connections;

import dev.tenet.app.gui.common.Messages;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.Connection;
import dev.tenet.app.service.ConnectionService;
import dev.tenet.app.service.ConnectionTester;
import dev.tenet.core.credentials.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connections screen's state: the saved connections, the editor of one, and what testing one
 * found. A pasted token only passes through on its way to the credential store; it is never kept
 * here.
 */
public final class ConnectionsViewModel {
  public enum State {
    LOADING,
    EMPTY,
    READY,
    ERROR
  }

  /** A connection test, as the screen words it. */
  public record TestView(
      boolean ok,
      String verdict,
      String identity,
      String scopes,
      String rate,
      List<String> cannotSee,
      Instant at) {}

  /** The editor's platforms that read live or from exported files ({@code aws-export}…). */
  public static final Set<String> CLOUD = Set.of("aws", "k8s");

  private static final String EMPTY =
      "Add a GitHub organization, a GitLab group, a container registry, an AWS account or a"
          + " Kubernetes cluster. Tokens stay in the OS keychain (or Tenet's encrypted vault) and"
          + " are only ever used for their host.";

  private static final String EXPORT = "-export";

  private final ConnectionService connections;
  private final UiExecutor executor;
  private final Clock clock;

  private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
  private final StringProperty status = new SimpleStringProperty("Loading the connections…");
  private final ObservableList<Connection> list = FXCollections.observableArrayList();
  private final ObjectProperty<Connection> selected = new SimpleObjectProperty<>();

  private final BooleanProperty editing = new SimpleBooleanProperty();
  private final StringProperty editorTitle = new SimpleStringProperty("");
  private final StringProperty platform = new SimpleStringProperty("github");
  private final StringProperty baseUrl = new SimpleStringProperty(ConnectionService.GITHUB_URL);
  private final StringProperty target = new SimpleStringProperty("");
  private final StringProperty user = new SimpleStringProperty("");
  private final StringProperty path = new SimpleStringProperty("");
  private final BooleanProperty fromFiles = new SimpleBooleanProperty();
  private final StringProperty editorMessage = new SimpleStringProperty("");
  private final BooleanProperty keepsToken = new SimpleBooleanProperty();
  private String editingId;
  private String editingCredential;

  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final StringProperty busyText = new SimpleStringProperty("");
  private final ObjectProperty<TestView> result = new SimpleObjectProperty<>();
  private final StringProperty notice = new SimpleStringProperty("");
  private final BooleanProperty confirmingRemoval = new SimpleBooleanProperty();
  private final Map<String, TestView> results = new HashMap<>();

  public ConnectionsViewModel(ConnectionService connections, UiExecutor executor, Clock clock) {
    this.connections = connections;
    this.executor = executor;
    this.clock = clock;
    platform.addListener(
        (o, old, now) -> {
          // Switching platform swaps the default address, never one the user typed.
          if (baseUrl.get() == null
              || baseUrl.get().isBlank()
              || baseUrl.get().equals(ConnectionService.defaultUrl(old))) {
            baseUrl.set(ConnectionService.defaultUrl(now));
          }
        });
    selected.addListener(
        (o, a, c) -> {
          confirmingRemoval.set(false);
          notice.set("");
          result.set(c == null ? null : results.get(c.id()));
        });
  }

  public void load() {
    state.set(State.LOADING);
    executor.run(
        connections::list,
        l -> {
          Connection keep = selected.get();
          list.setAll(l);
          state.set(l.isEmpty() ? State.EMPTY : State.READY);
          status.set(l.isEmpty() ? EMPTY : "");
          selected.set(
              keep == null
                  ? (l.isEmpty() ? null : l.get(0))
                  : l.stream().filter(c -> c.id().equals(keep.id())).findFirst().orElse(null));
        },
        e -> {
          state.set(State.ERROR);
          status.set(Messages.of(e));
        });
  }

  public void startAdd() {
    editingId = null;
    editingCredential = null;
    editorTitle.set("Add a connection");
    platform.set("github");
    baseUrl.set(ConnectionService.GITHUB_URL);
    target.set("");
    user.set("");
    path.set("");
    fromFiles.set(false);
    keepsToken.set(false);
    editorMessage.set("");
    editing.set(true);
  }

  public void startEdit(Connection c) {
    if (c == null) {
      return;
    }
    editingId = c.id();
    editingCredential = c.credential();
    editorTitle.set("Edit " + c.label());
    boolean exported = c.platform().endsWith(EXPORT);
    platform.set(
        exported
            ? c.platform().substring(0, c.platform().length() - EXPORT.length())
            : c.platform());
    fromFiles.set(exported);
    baseUrl.set(c.baseUrl() == null ? "" : c.baseUrl());
    target.set(c.target() == null ? "" : c.target());
    user.set(c.user() == null ? "" : c.user());
    path.set(c.files().isEmpty() ? "" : c.files().get(0));
    keepsToken.set(c.credential() != null);
    editorMessage.set("");
    editing.set(true);
  }

  public void cancelEdit() {
    editing.set(false);
    editorMessage.set("");
  }

  /**
   * Saves the connection being edited (its token, when one was pasted, to the credential store),
   * then tests it. The caller clears its token field whatever happens.
   */
  public void saveAndTest(String tokenText) {
    Secret token = tokenText == null || tokenText.isBlank() ? null : Secret.of(tokenText.strip());
    boolean cloud = CLOUD.contains(platform.get());
    Connection draft =
        new Connection(
            editingId,
            cloud && fromFiles.get() ? platform.get() + EXPORT : platform.get(),
            cloud ? null : baseUrl.get(),
            target.get(),
            cloud ? null : editingCredential,
            user.get(),
            cloud && !path.get().isBlank() ? List.of(path.get()) : List.of());
    busy.set(true);
    busyText.set("Saving…");
    editorMessage.set("");
    executor.run(
        () -> {
          try {
            return new Saved(connections.save(draft, token), connections.list());
          } finally {
            if (token != null) {
              token.destroy();
            }
          }
        },
        done -> {
          ConnectionService.Saved saved = done.saved();
          busy.set(false);
          editing.set(false);
          notice.set(saved.note() == null ? "" : saved.note());
          list.setAll(done.all());
          state.set(State.READY);
          selected.set(
              list.stream()
                  .filter(c -> c.id().equals(saved.connection().id()))
                  .findFirst()
                  .orElse(null));
          if (!saved.connection().isTestable()) {
            notice.set(
                (notice.get().isEmpty() ? "" : notice.get() + " ")
                    + "Saved. Tenet reads it when it scans: choose it on the Scan screen.");
          } else {
            test(saved.connection());
          }
        },
        e -> {
          busy.set(false);
          editorMessage.set(Messages.of(e));
        });
  }

  private record Saved(ConnectionService.Saved saved, List<Connection> all) {}

  /** Tests a connection in the background: identity, scopes, blind spots to expect, budget. */
  public void test(Connection c) {
    if (c == null) {
      return;
    }
    busy.set(true);
    busyText.set("Testing " + c.label() + "…");
    result.set(null);
    executor.run(
        () -> connections.test(c),
        report -> {
          busy.set(false);
          TestView view = view(report);
          results.put(c.id(), view);
          if (selected.get() != null && selected.get().id().equals(c.id())) {
            result.set(view);
          }
        },
        e -> {
          busy.set(false);
          TestView view =
              new TestView(false, Messages.of(e), "", "", "", List.of(), clock.instant());
          results.put(c.id(), view);
          if (selected.get() != null && selected.get().id().equals(c.id())) {
            result.set(view);
          }
        });
  }

  TestView view(ConnectionTester.Report r) {
    String identity =
        r.identity() == null
            ? "The platform named no account (an app or fine-grained token may have none)"
            : r.identity() + (r.role() == null ? "" : " · " + r.role());
    if (r.identity() == null && r.role() != null) {
      identity = r.role();
    }
    String scopes =
        r.scopes() == null
            ? "Not listed by the platform"
            : r.scopes().isEmpty() ? "None" : String.join(", ", r.scopes());
    String rate;
    if (r.rate() == null) {
      rate = "No rate limit reported";
    } else {
      rate =
          Texts.number(r.rate().remaining())
              + " of "
              + Texts.number(r.rate().limit())
              + " requests left";
      if (r.rate().resetsAt() != null) {
        Duration left = Duration.between(clock.instant(), r.rate().resetsAt());
        rate +=
            left.isNegative()
                ? ""
                : " · refills in "
                    + Texts.duration(left)
                    + " ("
                    + Texts.time(r.rate().resetsAt())
                    + ")";
      }
    }
    boolean ok = r.accepted() && r.broaderScopes().isEmpty();
    return new TestView(
        ok && r.accepted(),
        r.summary(),
        r.accepted() ? identity : "",
        r.accepted() ? scopes : "",
        r.accepted() ? rate : "",
        r.cannotSee(),
        clock.instant());
  }

  /** Asks to confirm the removal of the selected connection. */
  public void askRemoval() {
    confirmingRemoval.set(selected.get() != null);
  }

  public void cancelRemoval() {
    confirmingRemoval.set(false);
  }

  /** Removes the selected connection and the token Tenet stored for it. */
  public void remove() {
    Connection c = selected.get();
    if (c == null) {
      return;
    }
    confirmingRemoval.set(false);
    executor.run(
        () -> {
          connections.remove(c.id());
          return connections.list();
        },
        l -> {
          results.remove(c.id());
          list.setAll(l);
          state.set(l.isEmpty() ? State.EMPTY : State.READY);
          selected.set(l.isEmpty() ? null : l.get(0));
          notice.set("Removed " + c.label() + "; its assessments stay until you forget them.");
          if (l.isEmpty()) {
            status.set(EMPTY);
          }
        },
        e -> notice.set(Messages.of(e)));
  }

  /** Where a connection's token lives, in words. */
  public static String tokenPlace(Connection c) {
    if (c.credential() == null || c.credential().isBlank()) {
      return "No token: read as anyone may read it";
    }
    String cred = c.credential();
    if (cred.startsWith("keychain:")) {
      return "Token in the OS keychain";
    }
    if (cred.startsWith("vault:")) {
      return "Token in Tenet's encrypted vault";
    }
    if (cred.startsWith("env:")) {
      return "Token from the environment variable " + cred.substring(4);
    }
    return "Token: " + cred;
  }

  public ObjectProperty<State> stateProperty() {
    return state;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public ObservableList<Connection> connections() {
    return list;
  }

  public ObjectProperty<Connection> selectedProperty() {
    return selected;
  }

  public BooleanProperty editingProperty() {
    return editing;
  }

  public StringProperty editorTitleProperty() {
    return editorTitle;
  }

  public StringProperty platformProperty() {
    return platform;
  }

  public StringProperty baseUrlProperty() {
    return baseUrl;
  }

  public StringProperty targetProperty() {
    return target;
  }

  /** The file or folder an AWS or Kubernetes connection reads (its kubeconfig or an export). */
  public StringProperty pathProperty() {
    return path;
  }

  /** True when an AWS or Kubernetes connection reads exported files rather than the live API. */
  public BooleanProperty fromFilesProperty() {
    return fromFiles;
  }

  /** The user a registry token belongs to (registries only). */
  public StringProperty userProperty() {
    return user;
  }

  public StringProperty editorMessageProperty() {
    return editorMessage;
  }

  /** True while editing a saved connection: an empty token field keeps its stored token. */
  public BooleanProperty keepsTokenProperty() {
    return keepsToken;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty busyTextProperty() {
    return busyText;
  }

  public ObjectProperty<TestView> resultProperty() {
    return result;
  }

  public StringProperty noticeProperty() {
    return notice;
  }

  public BooleanProperty confirmingRemovalProperty() {
    return confirmingRemoval;
  }
}
