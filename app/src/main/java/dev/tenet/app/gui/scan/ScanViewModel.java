package dev.tenet.app.gui.scan;

import dev.tenet.app.gui.common.Messages;
import dev.tenet.app.gui.common.Navigator;
import dev.tenet.app.gui.common.Session;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.Connection;
import dev.tenet.app.service.ConnectionService;
import dev.tenet.app.service.ScanPlan;
import dev.tenet.app.service.ScanRunner;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.ScanListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The scan screen's state: which connections to scan, then a running scan's progress per connection
 * (items done, time left, rate-limit waits explained), the blind spots as they appear, and the
 * outcome. Scanner events arrive on scanner threads and are applied on the UI thread in batches.
 */
public final class ScanViewModel {
  public enum State {
    CHOOSING,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED
  }

  /** One connection that can be chosen; {@code connection} is null for the bundled demo. */
  public static final class Choice {
    private final Connection connection;
    private final String label;
    private final String detail;
    private final BooleanProperty chosen = new SimpleBooleanProperty();

    Choice(Connection connection, String label, String detail, boolean chosen) {
      this.connection = connection;
      this.label = label;
      this.detail = detail;
      this.chosen.set(chosen);
    }

    public Connection connection() {
      return connection;
    }

    public String label() {
      return label;
    }

    public String detail() {
      return detail;
    }

    public BooleanProperty chosenProperty() {
      return chosen;
    }

    public boolean isDemo() {
      return connection == null;
    }
  }

  /** Where one connection of a running scan stands. */
  public enum Step {
    WAITING,
    RUNNING,
    DONE,
    FAILED
  }

  /** The progress of one connection. */
  public static final class Progress {
    private final String key;
    private final StringProperty label = new SimpleStringProperty();
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.WAITING);
    private final DoubleProperty fraction = new SimpleDoubleProperty(0);
    private final StringProperty detail = new SimpleStringProperty("Waiting to start");
    private final StringProperty timeLeft = new SimpleStringProperty("");
    private final StringProperty wait = new SimpleStringProperty("");
    private Instant countingSince;
    private int countingFrom;
    private int done;
    private int total = -1;

    Progress(String key, String label) {
      this.key = key;
      this.label.set(label);
    }

    public StringProperty labelProperty() {
      return label;
    }

    public ObjectProperty<Step> stepProperty() {
      return step;
    }

    /** 0..1, or -1 while the number of items is not known. */
    public DoubleProperty fractionProperty() {
      return fraction;
    }

    public StringProperty detailProperty() {
      return detail;
    }

    public StringProperty timeLeftProperty() {
      return timeLeft;
    }

    /** Why the scan is waiting (a rate limit), and until when; empty when it is not. */
    public StringProperty waitProperty() {
      return wait;
    }
  }

  private final ConnectionService connections;
  private final ScanRunner scans;
  private final UiExecutor executor;
  private final Session session;
  private final Navigator navigator;
  private final Clock clock;

  private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.CHOOSING);
  private final ObservableList<Choice> choices = FXCollections.observableArrayList();
  private final ObservableList<Progress> progress = FXCollections.observableArrayList();
  private final ObservableList<BlindSpot> blindSpots = FXCollections.observableArrayList();
  private final StringProperty phase = new SimpleStringProperty("");
  private final StringProperty elapsed = new SimpleStringProperty("");
  private final StringProperty outcome = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final BooleanProperty canStart = new SimpleBooleanProperty();

  private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private Cancellation cancellation;
  private Instant startedAt;
  private String finishedId;

  public ScanViewModel(
      ConnectionService connections,
      ScanRunner scans,
      UiExecutor executor,
      Session session,
      Navigator navigator,
      Clock clock) {
    this.connections = connections;
    this.scans = scans;
    this.executor = executor;
    this.session = session;
    this.navigator = navigator;
    this.clock = clock;
  }

  /** Lists the connections to choose from (all saved ones chosen; the demo when there are none). */
  public void load() {
    if (state.get() == State.RUNNING) {
      return;
    }
    executor.run(
        connections::list,
        list -> {
          List<Choice> next = new ArrayList<>();
          next.add(
              new Choice(
                  null,
                  "Demo organization",
                  "The bundled acme-corp (GitHub), acme (GitLab), their registry, AWS account and"
                      + " cluster, served locally: no token, no network",
                  list.isEmpty()));
          for (Connection c : list) {
            next.add(
                new Choice(
                    c,
                    c.label(),
                    c.baseUrl() != null
                        ? c.baseUrl()
                        : c.files().isEmpty() ? "read live" : String.join(", ", c.files()),
                    true));
          }
          for (Choice c : next) {
            c.chosenProperty().addListener((o, a, b) -> updateCanStart());
          }
          choices.setAll(next);
          updateCanStart();
        },
        e -> message.set(Messages.of(e)));
  }

  private void updateCanStart() {
    canStart.set(choices.stream().anyMatch(c -> c.chosenProperty().get()));
  }

  /** Scans the bundled demo organization only. */
  public void startDemo() {
    if (state.get() == State.RUNNING) {
      return;
    }
    run(ScanPlan.demoOnly(), List.of());
  }

  /** Scans the chosen connections. */
  public void start() {
    if (state.get() == State.RUNNING) {
      return;
    }
    List<Connection> chosen = new ArrayList<>();
    boolean demo = false;
    for (Choice c : choices) {
      if (c.chosenProperty().get()) {
        if (c.isDemo()) {
          demo = true;
        } else {
          chosen.add(c.connection());
        }
      }
    }
    if (!demo && chosen.isEmpty()) {
      message.set("Choose at least one connection to scan.");
      return;
    }
    run(ConnectionService.planOf(chosen, demo), chosen);
  }

  private void run(ScanPlan plan, List<Connection> planned) {
    Cancellation cancel = new Cancellation();
    cancellation = cancel;
    startedAt = clock.instant();
    finishedId = null;
    progress.clear();
    blindSpots.clear();
    pending.clear();
    message.set("");
    outcome.set("");
    elapsed.set("");
    phase.set(plan.demo() ? "Starting the local demo servers…" : "Connecting…");
    for (Connection c : planned) {
      // A registry, an AWS account or a cluster is named by what it reads (its kind, its account
      // id, its cluster): its row appears when it starts.
      if (c.isTestable()) {
        progress.add(new Progress(key(c.platform(), c.target()), c.label()));
      }
    }
    state.set(State.RUNNING);
    executor.run(
        () -> scans.run(plan, new Listener(), cancel),
        this::finished,
        e -> {
          flush();
          cancellation = null;
          if (e instanceof CancellationException || cancel.isCancelled()) {
            state.set(State.CANCELLED);
            outcome.set(
                "Scan cancelled; nothing was stored. Run it again: what was read is cached.");
          } else {
            state.set(State.FAILED);
            outcome.set(Messages.of(e));
          }
          markUnfinished();
        });
  }

  private void finished(Assessment a) {
    flush();
    cancellation = null;
    finishedId = a.id();
    for (Progress p : progress) {
      if (p.step.get() != Step.FAILED) {
        p.step.set(Step.DONE);
        p.fraction.set(1);
        p.timeLeft.set("");
        p.wait.set("");
      }
    }
    state.set(State.DONE);
    phase.set("");
    outcome.set(
        "Assessment stored: score "
            + (a.score().overall() == null ? "n/a" : a.score().overall())
            + ", "
            + Texts.count(a.findings().size(), "finding")
            + ", "
            + Texts.count(a.coverage().blindSpots(), "blind spot")
            + ".");
    session.assessmentsChanged();
    navigator.dashboard();
  }

  private void markUnfinished() {
    for (Progress p : progress) {
      if (p.step.get() == Step.RUNNING || p.step.get() == Step.WAITING) {
        p.timeLeft.set("");
        p.wait.set("");
        p.detail.set(state.get() == State.CANCELLED ? "Cancelled" : "Not finished");
        p.step.set(Step.FAILED);
      }
    }
  }

  /** Stops the running scan at the next request; nothing is stored. */
  public void cancel() {
    Cancellation c = cancellation;
    if (c != null) {
      c.cancel();
      phase.set("Cancelling…");
    }
  }

  /** Back to choosing connections after a scan ended. */
  public void again() {
    if (state.get() != State.RUNNING) {
      state.set(State.CHOOSING);
      load();
    }
  }

  /** Recomputes the elapsed time and the times left; the view calls it every second. */
  public void tick() {
    if (state.get() != State.RUNNING || startedAt == null) {
      return;
    }
    Instant now = clock.instant();
    elapsed.set("Elapsed " + Texts.duration(Duration.between(startedAt, now)));
    for (Progress p : progress) {
      p.timeLeft.set(timeLeft(p, now));
    }
  }

  private static String timeLeft(Progress p, Instant now) {
    if (p.step.get() != Step.RUNNING || p.total <= 0 || p.countingSince == null) {
      return "";
    }
    int counted = p.done - p.countingFrom;
    if (counted <= 0 || p.done >= p.total) {
      return "";
    }
    Duration spent = Duration.between(p.countingSince, now);
    Duration left = spent.multipliedBy(p.total - p.done).dividedBy(counted);
    return "about " + Texts.duration(left.plusSeconds(1)) + " left";
  }

  /** Runs scanner events on the UI thread, a batch at a time. */
  private void later(Runnable change) {
    pending.add(change);
    if (flushScheduled.compareAndSet(false, true)) {
      executor.ui(this::flush);
    }
  }

  private void flush() {
    flushScheduled.set(false);
    Runnable r;
    while ((r = pending.poll()) != null) {
      r.run();
    }
  }

  private Progress progressOf(ScopeEntry scope) {
    String key = key(scope.platform(), scope.target());
    for (Progress p : progress) {
      if (p.key.equals(key)) {
        return p;
      }
    }
    Progress p =
        new Progress(key, Connection.platformTitle(scope.platform()) + " · " + scope.target());
    progress.add(p);
    return p;
  }

  private static String key(String platform, String target) {
    return (platform + ":" + target).toLowerCase(Locale.ROOT);
  }

  /** "31 repositories", "9 projects", "1 account": what a connector of this platform counts. */
  static String counted(String platform, int total) {
    return switch (platform) {
      case "gitlab" -> Texts.count(total, "project");
      case "aws" -> Texts.count(total, "account");
      case "k8s" -> Texts.count(total, "cluster");
      default -> Texts.count(total, "repository", "repositories");
    };
  }

  private final class Listener implements ScanListener {
    @Override
    public void connectionStarted(ScopeEntry scope) {
      Instant now = clock.instant();
      later(
          () -> {
            Progress p = progressOf(scope);
            p.step.set(Step.RUNNING);
            p.fraction.set(-1);
            p.detail.set("Reading " + scope.target() + "…");
            p.countingSince = now;
            phase.set("Collecting " + p.label.get());
          });
    }

    @Override
    public void progress(ScopeEntry scope, int reported, int total, String item) {
      Instant now = clock.instant();
      later(
          () -> {
            Progress p = progressOf(scope);
            // Workers report in parallel: a late report of an earlier count never moves it back.
            int done = p.total == total ? Math.max(reported, p.done) : reported;
            p.step.set(Step.RUNNING);
            p.wait.set("");
            if (total > 0) {
              if (p.total != total) {
                p.total = total;
                p.countingSince = now;
                p.countingFrom = done;
              }
              p.done = done;
              p.fraction.set(Math.min(1.0, done / (double) total));
              p.detail.set(
                  Texts.number(done)
                      + " of "
                      + counted(scope.platform(), total)
                      + (item == null || item.isBlank() || done == 0 ? "" : " · " + item));
            } else {
              p.fraction.set(-1);
              p.detail.set("Reading " + item + "…");
            }
            p.timeLeft.set(timeLeft(p, now));
          });
    }

    @Override
    public void waiting(ScopeEntry scope, Duration duration, String reason) {
      Instant until = clock.instant().plus(duration);
      later(
          () -> {
            Progress p = progressOf(scope);
            p.wait.set(
                "Waiting "
                    + Texts.duration(duration)
                    + ": "
                    + reason
                    + ". It resumes by itself at "
                    + Texts.time(until)
                    + "; cancelling keeps nothing, but what was read is cached for the next scan.");
          });
    }

    @Override
    public void blindSpot(BlindSpot spot) {
      later(() -> blindSpots.add(spot));
    }

    @Override
    public void phase(String description) {
      later(
          () -> {
            phase.set(description + "…");
            for (Progress p : progress) {
              if (p.step.get() == Step.RUNNING) {
                p.step.set(Step.DONE);
                p.fraction.set(1);
                p.wait.set("");
                p.timeLeft.set("");
                p.detail.set(p.total > 0 ? p.detail.get().replaceAll(" · .*$", "") : "Read");
              }
            }
          });
    }

    @Override
    public void connectionFailed(ScopeEntry scope, String reason) {
      later(
          () -> {
            Progress p = progressOf(scope);
            p.step.set(Step.FAILED);
            p.fraction.set(0);
            p.wait.set("");
            p.timeLeft.set("");
            p.detail.set("Not assessed: " + reason);
          });
    }
  }

  public String finishedId() {
    return finishedId;
  }

  public ObjectProperty<State> stateProperty() {
    return state;
  }

  public ObservableList<Choice> choices() {
    return choices;
  }

  public ObservableList<Progress> progress() {
    return progress;
  }

  public ObservableList<BlindSpot> blindSpots() {
    return blindSpots;
  }

  public StringProperty phaseProperty() {
    return phase;
  }

  public StringProperty elapsedProperty() {
    return elapsed;
  }

  public StringProperty outcomeProperty() {
    return outcome;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public BooleanProperty canStartProperty() {
    return canStart;
  }
}
