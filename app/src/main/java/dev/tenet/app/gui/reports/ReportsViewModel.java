package dev.tenet.app.gui.reports;

import dev.tenet.app.gui.common.DesktopActions;
import dev.tenet.app.gui.common.Messages;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.ReportService;
import dev.tenet.app.service.Workspace;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.reports.sign.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The reports screen's state: which assessment, which format (every format {@link ReportService}
 * knows, so new writers appear by themselves), where to write it, and the export in progress.
 */
public final class ReportsViewModel {
  public enum State {
    LOADING,
    EMPTY,
    READY,
    ERROR
  }

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT).withZone(ZoneId.systemDefault());

  private final Workspace workspace;
  private final ReportService reports;
  private final UiExecutor executor;
  private final DesktopActions desktop;
  private final Path folder;

  private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
  private final StringProperty status = new SimpleStringProperty("Loading the assessments…");
  private final ObservableList<AssessmentSummary> assessments = FXCollections.observableArrayList();
  private final ObjectProperty<AssessmentSummary> assessment = new SimpleObjectProperty<>();
  private final ObservableList<String> formats = FXCollections.observableArrayList();
  private final StringProperty format = new SimpleStringProperty();
  private final ObjectProperty<Path> output = new SimpleObjectProperty<>();
  private final BooleanProperty openWhenDone = new SimpleBooleanProperty(true);
  private final BooleanProperty exporting = new SimpleBooleanProperty();
  private final StringProperty progress = new SimpleStringProperty("");
  private final StringProperty result = new SimpleStringProperty("");
  private final ObjectProperty<Path> written = new SimpleObjectProperty<>();
  private final ObjectProperty<Path> signingKey = new SimpleObjectProperty<>();
  private final BooleanBinding signs;
  private boolean outputChosen;
  private UiExecutor.Job job;

  /**
   * @param folder where reports go unless the user chooses another file
   */
  public ReportsViewModel(
      Workspace workspace,
      ReportService reports,
      UiExecutor executor,
      DesktopActions desktop,
      Path folder) {
    this.workspace = workspace;
    this.reports = reports;
    this.executor = executor;
    this.desktop = desktop;
    this.folder = folder;
    formats.setAll(reports.formats());
    format.set(formats.contains("pdf") ? "pdf" : formats.isEmpty() ? null : formats.get(0));
    format.addListener((o, a, b) -> suggest());
    assessment.addListener((o, a, b) -> suggest());
    signs = format.isEqualTo("pdf").and(signingKey.isNotNull());
  }

  public void load() {
    state.set(State.LOADING);
    executor.run(
        workspace::history,
        h -> {
          List<AssessmentSummary> newestFirst = new ArrayList<>(h);
          Collections.reverse(newestFirst);
          AssessmentSummary keep = assessment.get();
          assessments.setAll(newestFirst);
          if (newestFirst.isEmpty()) {
            state.set(State.EMPTY);
            status.set("No assessment yet: scan first, then export its report here.");
            return;
          }
          assessment.set(
              keep == null
                  ? newestFirst.get(0)
                  : newestFirst.stream()
                      .filter(s -> s.id().equals(keep.id()))
                      .findFirst()
                      .orElse(newestFirst.get(0)));
          state.set(State.READY);
        },
        e -> {
          state.set(State.ERROR);
          status.set(Messages.of(e));
        });
  }

  /** The file the user picked (the view's file chooser). */
  public void chooseOutput(Path file) {
    if (file != null) {
      outputChosen = true;
      String ext = "." + reports.extension(format.get());
      String name = file.getFileName().toString();
      output.set(name.contains(".") ? file : file.resolveSibling(name + ext));
    }
  }

  private void suggest() {
    AssessmentSummary a = assessment.get();
    String f = format.get();
    if (a == null || f == null) {
      return;
    }
    String ext = reports.extension(f);
    if (outputChosen && output.get() != null) {
      String name = output.get().getFileName().toString();
      int dot = name.lastIndexOf('.');
      output.set(
          output.get().resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "." + ext));
      return;
    }
    String scope =
        a.scope().stream()
            .map(s -> s.target().replaceAll("[^A-Za-z0-9._-]+", "-"))
            .reduce((x, y) -> x + "+" + y)
            .orElse("assessment");
    output.set(folder.resolve("tenet-" + scope + "-" + STAMP.format(a.finishedAt()) + "." + ext));
  }

  /** Writes an unsigned report (see {@link #export(char[])}). */
  public void export() {
    export(null);
  }

  /**
   * Writes the report in the background; cancel() stops it and leaves no partial file. A PDF is
   * signed when a signing key was chosen.
   *
   * @param password the signing key's password (wiped once the key is open), or null
   */
  public void export(char[] password) {
    AssessmentSummary a = assessment.get();
    Path target = output.get();
    String f = format.get();
    if (a == null || target == null || f == null || exporting.get()) {
      return;
    }
    exporting.set(true);
    written.set(null);
    result.set("");
    progress.set("Loading assessment " + a.id() + "…");
    boolean open = openWhenDone.get();
    Path key = signs.get() ? signingKey.get() : null;
    job =
        executor.run(
            () -> {
              SigningKey signing =
                  key == null ? null : reports.signingKey(key, null, () -> password);
              var assessment = workspace.load(a.id());
              executor.ui(
                  () ->
                      progress.set(
                          "Writing the "
                              + f.toUpperCase(Locale.ROOT)
                              + " report to "
                              + target
                              + "…"));
              reports.write(assessment, f, target, signing);
              String signedBy =
                  signing == null
                      ? ""
                      : ", signed by "
                          + signing.signerName()
                          + " (certificate SHA-256 "
                          + signing.certificateSha256().substring(0, 16)
                          + "…)";
              return new Written(Files.size(target), signedBy);
            },
            done -> {
              job = null;
              exporting.set(false);
              written.set(target);
              result.set(
                  "Wrote the "
                      + f.toUpperCase(Locale.ROOT)
                      + " report ("
                      + size(done.bytes())
                      + ") to "
                      + target
                      + done.signedBy()
                      + ".");
              if (open) {
                desktop.open(target);
              }
            },
            e -> {
              job = null;
              exporting.set(false);
              result.set(Messages.of(e));
            });
  }

  private record Written(long bytes, String signedBy) {}

  /** The PKCS #12 key the PDF is signed with (the view's file chooser), or null to not sign. */
  public void chooseSigningKey(Path file) {
    signingKey.set(file);
  }

  /** Stops a running export; the half-written file is removed. */
  public void cancel() {
    UiExecutor.Job j = job;
    if (j != null) {
      j.cancel();
      job = null;
      exporting.set(false);
      result.set("Export cancelled; no file was written.");
    }
  }

  /** Opens the last written report with the desktop's handler. */
  public void openWritten() {
    if (written.get() != null) {
      desktop.open(written.get());
    }
  }

  /** Opens the folder of the last written report. */
  public void openFolder() {
    if (written.get() != null && written.get().getParent() != null) {
      desktop.open(written.get().getParent());
    }
  }

  private static String size(long bytes) {
    return bytes < 1024
        ? Texts.count(bytes, "byte")
        : bytes < 1024 * 1024
            ? (bytes / 1024) + " KB"
            : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }

  public ObjectProperty<State> stateProperty() {
    return state;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public ObservableList<AssessmentSummary> assessments() {
    return assessments;
  }

  public ObjectProperty<AssessmentSummary> assessmentProperty() {
    return assessment;
  }

  public ObservableList<String> formats() {
    return formats;
  }

  public StringProperty formatProperty() {
    return format;
  }

  public ObjectProperty<Path> outputProperty() {
    return output;
  }

  public BooleanProperty openWhenDoneProperty() {
    return openWhenDone;
  }

  public BooleanProperty exportingProperty() {
    return exporting;
  }

  public StringProperty progressProperty() {
    return progress;
  }

  public StringProperty resultProperty() {
    return result;
  }

  public ObjectProperty<Path> writtenProperty() {
    return written;
  }

  public ObjectProperty<Path> signingKeyProperty() {
    return signingKey;
  }

  /** True when the export will be signed: a PDF, with a signing key chosen. */
  public BooleanBinding signsProperty() {
    return signs;
  }
}
