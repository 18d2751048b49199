package dev.tenet.app.gui.reports;

import atlantafx.base.theme.Styles;
import dev.tenet.app.gui.common.Navigator;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.Views;
import dev.tenet.app.gui.reports.ReportsViewModel.State;
import dev.tenet.core.assessment.AssessmentSummary;
import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The reports screen: binds to its ViewModel, holds no logic. */
public final class ReportsView extends ScrollPane {
  private final ReportsViewModel model;
  private final FlowPane formats = new FlowPane(8, 8);
  private final Label formatHelp = new Label();

  public ReportsView(ReportsViewModel model, Navigator navigator) {
    this.model = model;
    getStyleClass().add("reports");
    setFitToWidth(true);
    Label title = Views.title("Reports", "title-2");
    Label subtitle =
        Views.muted(
            "Every format reads the same stored assessment; platform text is escaped in every"
                + " one of them.");
    Button scan = Views.button("Scan", "mdi2r-radar");
    scan.setOnAction(e -> navigator.scan(false));
    StackPane states =
        new StackPane(
            Views.showWhen(
                Views.loading(model.statusProperty()),
                model.stateProperty().isEqualTo(State.LOADING)),
            Views.showWhen(
                Views.message(
                    "mdi2f-file-document-outline",
                    "Nothing to report yet",
                    model.statusProperty(),
                    scan),
                model.stateProperty().isEqualTo(State.EMPTY)),
            Views.showWhen(
                Views.message(
                    "mdi2a-alert-circle-outline",
                    "The assessments could not be loaded",
                    model.statusProperty()),
                model.stateProperty().isEqualTo(State.ERROR)),
            Views.showWhen(form(), model.stateProperty().isEqualTo(State.READY)));
    VBox root = new VBox(20, new VBox(2, title, subtitle), states);
    root.setPadding(new Insets(24));
    setContent(root);
  }

  private Node form() {
    ComboBox<AssessmentSummary> assessment = new ComboBox<>(model.assessments());
    assessment.setId("report-assessment");
    assessment.setCellFactory(v -> new AssessmentCell());
    assessment.setButtonCell(new AssessmentCell());
    assessment.valueProperty().bindBidirectional(model.assessmentProperty());
    assessment.setMaxWidth(Double.MAX_VALUE);

    formats.setId("report-formats");
    renderFormats();
    model.formats().addListener((ListChangeListener<String>) c -> renderFormats());
    formatHelp.getStyleClass().add("text-muted");
    formatHelp.setWrapText(true);
    formatHelp
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> help(model.formatProperty().get()), model.formatProperty()));

    TextField output = new TextField();
    output.setId("report-output");
    output.setEditable(false);
    output
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.outputProperty().get() == null
                        ? ""
                        : model.outputProperty().get().toString(),
                model.outputProperty()));
    HBox.setHgrow(output, Priority.ALWAYS);
    Button choose = Views.button("Choose…", "mdi2f-folder-outline");
    choose.setOnAction(e -> chooseFile());
    HBox outputLine = new HBox(8, output, choose);
    CheckBox open = new CheckBox("Open the report when it is written");
    open.setId("report-open-when-done");
    open.selectedProperty().bindBidirectional(model.openWhenDoneProperty());

    Label key = new Label();
    key.setId("report-sign-key");
    key.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.signingKeyProperty().get() == null
                        ? "Not signed"
                        : "Signed with " + model.signingKeyProperty().get(),
                model.signingKeyProperty()));
    Button chooseKey = Views.button("Sign with a key…", "mdi2c-certificate-outline");
    chooseKey.setId("report-sign-choose");
    chooseKey.setOnAction(e -> chooseSigningKey());
    Button noSignature = new Button("Do not sign");
    noSignature.setId("report-sign-clear");
    noSignature.setOnAction(e -> model.chooseSigningKey(null));
    Views.showWhen(noSignature, model.signingKeyProperty().isNotNull());
    HBox signLine = new HBox(8, key, chooseKey, noSignature);
    signLine.setAlignment(Pos.CENTER_LEFT);
    Label signHelp =
        Views.muted(
            "A PKCS #12 key (keytool -genkeypair -storetype PKCS12): readers then see who issued"
                + " the report, and any later change breaks the signature.");
    signHelp.setWrapText(true);
    Label signLabel = Views.muted("Signature");
    VBox signing = new VBox(6, signLine, signHelp);
    Views.showWhen(signLabel, model.formatProperty().isEqualTo("pdf"));
    Views.showWhen(signing, model.formatProperty().isEqualTo("pdf"));

    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(14);
    // The labels keep their width: wrapped help text must not squeeze them into a column of
    // letters.
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setFillWidth(true);
    grid.getColumnConstraints().setAll(labels, fields);
    grid.addRow(0, Views.muted("Assessment"), assessment);
    grid.addRow(1, Views.muted("Format"), new VBox(6, formats, formatHelp));
    grid.addRow(2, Views.muted("Save as"), outputLine);
    grid.addRow(3, signLabel, signing);
    grid.add(open, 1, 4);
    GridPane.setHgrow(assessment, Priority.ALWAYS);
    GridPane.setHgrow(outputLine, Priority.ALWAYS);

    Button export = Views.button("Export", "mdi2e-export");
    export.setId("report-export");
    export.getStyleClass().add(Styles.ACCENT);
    export.setDefaultButton(true);
    export.disableProperty().bind(model.exportingProperty());
    export.setOnAction(e -> export());
    Button cancel = new Button("Cancel");
    cancel.setId("report-cancel");
    cancel.setOnAction(e -> model.cancel());
    Views.showWhen(cancel, model.exportingProperty());
    ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    bar.setPrefWidth(160);
    Views.showWhen(bar, model.exportingProperty());
    Label progress = Views.muted("");
    progress.textProperty().bind(model.progressProperty());
    Views.showWhen(progress, model.exportingProperty());
    HBox actions = new HBox(10, export, cancel, bar, progress);
    actions.setAlignment(Pos.CENTER_LEFT);

    Label result = new Label();
    result.setId("report-result");
    result.setWrapText(true);
    result.textProperty().bind(model.resultProperty());
    Button openFile = Views.button("Open", "mdi2o-open-in-new");
    openFile.setId("report-open");
    openFile.setOnAction(e -> model.openWritten());
    Button folder = Views.button("Show folder", "mdi2f-folder-open-outline");
    folder.setOnAction(e -> model.openFolder());
    HBox afterButtons = new HBox(8, openFile, folder);
    Views.showWhen(afterButtons, model.writtenProperty().isNotNull());
    VBox after = new VBox(8, result, afterButtons);
    Views.showWhen(after, model.resultProperty().isNotEmpty());

    VBox card = Views.card(new VBox(18, grid, actions));
    card.setMaxWidth(860);
    return new VBox(16, card, after);
  }

  private void renderFormats() {
    formats.getChildren().clear();
    ToggleGroup group = new ToggleGroup();
    for (String f : model.formats()) {
      ToggleButton b = new ToggleButton(f.toUpperCase(Locale.ROOT));
      b.setId("report-format-" + f);
      b.setToggleGroup(group);
      b.setUserData(f);
      b.setSelected(f.equals(model.formatProperty().get()));
      formats.getChildren().add(b);
    }
    Views.keepOneSelected(group, t -> model.formatProperty().set((String) t.getUserData()));
  }

  private static String help(String format) {
    if (format == null) {
      return "";
    }
    return switch (format) {
      case "pdf" -> "For people: the scores, top risks, findings and framework status, to share.";
      case "html" -> "For people, in a browser: one self-contained page.";
      case "sarif" -> "For code-scanning tools (GitHub code scanning, IDEs): SARIF 2.1.0.";
      case "csv" -> "For spreadsheets: one finding per line.";
      case "json" -> "For scripts and other tools: the tenet.assessment/v1 schema.";
      default -> format.toUpperCase(Locale.ROOT) + " report.";
    };
  }

  /** A signed export asks for the key's password first, in a masked field. */
  private void export() {
    if (!model.signsProperty().get()) {
      model.export();
      return;
    }
    Dialog<char[]> ask = new Dialog<>();
    ask.setTitle("Sign the report");
    ask.setHeaderText("Password of the signing key " + model.signingKeyProperty().get());
    PasswordField password = new PasswordField();
    password.setId("report-sign-password");
    password.setPromptText("Password");
    ask.getDialogPane().setContent(password);
    ask.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    ask.setResultConverter(b -> b == ButtonType.OK ? password.getText().toCharArray() : null);
    if (getScene() != null) {
      ask.initOwner(getScene().getWindow());
    }
    ask.setOnShown(e -> password.requestFocus());
    ask.showAndWait().ifPresent(model::export);
    password.clear();
  }

  private void chooseSigningKey() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("The key to sign the report with");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("PKCS #12 keys", "*.p12", "*.pfx"),
            new FileChooser.ExtensionFilter("All files", "*"));
    File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
    if (file != null) {
      model.chooseSigningKey(file.toPath());
    }
  }

  private void chooseFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save the report as");
    if (model.outputProperty().get() != null) {
      File current = model.outputProperty().get().toFile();
      if (current.getParentFile() != null && current.getParentFile().isDirectory()) {
        chooser.setInitialDirectory(current.getParentFile());
      }
      chooser.setInitialFileName(current.getName());
    }
    File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (file != null) {
      model.chooseOutput(file.toPath());
    }
  }

  private static final class AssessmentCell extends ListCell<AssessmentSummary> {
    @Override
    protected void updateItem(AssessmentSummary s, boolean empty) {
      super.updateItem(s, empty);
      setText(
          empty || s == null
              ? null
              : Texts.when(s.finishedAt())
                  + " · "
                  + s.scope().stream()
                      .map(e -> e.target())
                      .reduce((a, b) -> a + ", " + b)
                      .orElse("")
                  + " · score "
                  + (s.overall() == null ? "n/a" : s.overall())
                  + " · "
                  + s.id());
    }
  }
}
