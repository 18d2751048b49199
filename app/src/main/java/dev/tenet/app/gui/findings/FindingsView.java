package dev.tenet.app.gui.findings;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tenet.app.gui.common.DesktopActions;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.Views;
import dev.tenet.app.gui.findings.FindingsViewModel.Column;
import dev.tenet.app.gui.findings.FindingsViewModel.Detail;
import dev.tenet.app.gui.findings.FindingsViewModel.GroupRow;
import dev.tenet.app.gui.findings.FindingsViewModel.Row;
import dev.tenet.app.gui.findings.FindingsViewModel.SortKey;
import dev.tenet.app.gui.findings.FindingsViewModel.State;
import dev.tenet.core.assessment.AssessmentSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The findings screen: binds to its ViewModel, holds no logic. */
public final class FindingsView extends BorderPane {
  private final FindingsViewModel model;
  private final DesktopActions desktop;
  private final CustomTextField search = new CustomTextField();
  private final TableView<Row> table = new TableView<>();
  private final VBox detailBox = new VBox(14);
  private boolean syncingSort;

  public FindingsView(FindingsViewModel model, DesktopActions desktop) {
    this.model = model;
    this.desktop = desktop;
    getStyleClass().add("findings");

    Label title = Views.title("Findings", "title-2");
    Label heading = Views.muted("");
    heading.textProperty().bind(model.headingProperty());
    ComboBox<AssessmentSummary> assessment = new ComboBox<>(model.assessments());
    assessment.setId("findings-assessment");
    assessment.setPromptText("Assessment");
    assessment.setButtonCell(new AssessmentCell());
    assessment.setCellFactory(v -> new AssessmentCell());
    assessment.valueProperty().bindBidirectional(model.assessmentProperty());
    assessment.setOnAction(
        e -> {
          AssessmentSummary s = assessment.getValue();
          if (s != null && (model.current() == null || !model.current().id().equals(s.id()))) {
            model.load(s.id());
          }
        });
    assessment.setTooltip(new Tooltip("The assessment whose findings are listed"));
    HBox top = new HBox(12, new VBox(2, title, heading), Views.spacer(), assessment);
    top.setAlignment(Pos.CENTER_LEFT);

    StackPane states =
        new StackPane(
            Views.showWhen(
                Views.loading(model.statusProperty()),
                model.stateProperty().isEqualTo(State.LOADING)),
            Views.showWhen(
                Views.message(
                    "mdi2c-check-circle-outline", "No findings to show", model.statusProperty()),
                model.stateProperty().isEqualTo(State.EMPTY)),
            Views.showWhen(
                Views.message(
                    "mdi2a-alert-circle-outline",
                    "The findings could not be loaded",
                    model.statusProperty(),
                    retry()),
                model.stateProperty().isEqualTo(State.ERROR)),
            Views.showWhen(ready(), model.stateProperty().isEqualTo(State.READY)));
    VBox.setVgrow(states, Priority.ALWAYS);
    VBox root = new VBox(16, top, states);
    root.setPadding(new Insets(24, 24, 16, 24));
    setCenter(root);
    model
        .stateProperty()
        .addListener(
            (o, a, st) -> {
              if (st == State.READY && focusWhenReady) {
                focusWhenReady = false;
                focusSearch();
              }
            });
  }

  private Button retry() {
    Button b = new Button("Try again");
    b.setOnAction(e -> model.load());
    return b;
  }

  /** Puts the cursor in the search field (Ctrl+F), once the findings are shown. */
  public void focusSearch() {
    if (model.stateProperty().get() == State.READY) {
      javafx.application.Platform.runLater(
          () -> {
            search.requestFocus();
            search.selectAll();
          });
    } else {
      focusWhenReady = true;
    }
  }

  private boolean focusWhenReady;

  private Node ready() {
    search.setId("findings-search");
    search.setPromptText("Search title, resource, rule, file…  (Ctrl+F)");
    search.setLeft(new FontIcon("mdi2m-magnify"));
    search.textProperty().bindBidirectional(model.searchProperty());
    search.setPrefWidth(380);
    search.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            search.clear();
          } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
            table.requestFocus();
            if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
              table.getSelectionModel().select(0);
            }
            e.consume();
          }
        });
    var pillar = filter("findings-pillar", model.pillarChoices(), model.pillarProperty());
    var severity = filter("findings-severity", model.severityChoices(), model.severityProperty());
    var platform = filter("findings-platform", model.platformChoices(), model.platformProperty());
    var weakness = filter("findings-weakness", model.weaknessChoices(), model.weaknessProperty());
    var status = filter("findings-status", model.statusChoices(), model.findingStatusProperty());
    ComboBox<FindingsViewModel.Grouping> grouping =
        new ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(
                FindingsViewModel.Grouping.values()));
    grouping.setId("findings-grouping");
    grouping.valueProperty().bindBidirectional(model.groupingProperty());
    grouping.setTooltip(new Tooltip("Group the findings"));
    Button clear = new Button(null, new FontIcon("mdi2f-filter-remove-outline"));
    clear.setId("findings-clear");
    clear.setTooltip(new Tooltip("Clear every filter"));
    clear.getStyleClass().add(Styles.BUTTON_ICON);
    clear.setOnAction(e -> model.clearFilters());
    Label summary = new Label();
    summary.setId("findings-summary");
    summary.getStyleClass().add("text-muted");
    summary.textProperty().bind(model.summaryProperty());
    Label groupLabel = Views.muted("Group by");
    HBox groupBox = new HBox(6, groupLabel, grouping);
    groupBox.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(search, Priority.ALWAYS);
    search.setMaxWidth(520);
    HBox searchLine = new HBox(12, search, summary, Views.spacer(), groupBox);
    searchLine.setAlignment(Pos.CENTER_LEFT);
    pillar.setPrefWidth(150);
    severity.setPrefWidth(140);
    platform.setPrefWidth(140);
    weakness.setPrefWidth(220);
    status.setPrefWidth(130);
    FlowPane filterLine = new FlowPane(8, 8, pillar, severity, platform, weakness, status, clear);
    filterLine.setAlignment(Pos.CENTER_LEFT);

    buildTable();
    ScrollPane detailScroll = new ScrollPane(detailBox);
    detailScroll.setFitToWidth(true);
    detailScroll.getStyleClass().add("detail-pane");
    detailBox.setPadding(new Insets(16));
    detailBox.setId("finding-detail");
    model.detailProperty().addListener((o, a, d) -> renderDetail(d));
    model.webPageProperty().addListener((o, a, b) -> renderDetail(model.detailProperty().get()));
    renderDetail(null);
    detailScroll.setMinWidth(320);
    detailScroll.setPrefWidth(420);
    table.setMinWidth(420);
    SplitPane split = new SplitPane(table, detailScroll);
    split.setDividerPositions(0.6);
    SplitPane.setResizableWithParent(detailScroll, false);
    VBox.setVgrow(split, Priority.ALWAYS);
    return new VBox(10, searchLine, filterLine, split);
  }

  private <T> ComboBox<FindingsViewModel.Choice<T>> filter(
      String id,
      javafx.collections.ObservableList<FindingsViewModel.Choice<T>> choices,
      javafx.beans.property.ObjectProperty<FindingsViewModel.Choice<T>> value) {
    ComboBox<FindingsViewModel.Choice<T>> box = new ComboBox<>(choices);
    box.setId(id);
    box.valueProperty().bindBidirectional(value);
    box.setVisibleRowCount(14);
    return box;
  }

  private void buildTable() {
    table.setId("findings-table");
    table.setItems(model.rows());
    table.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.DENSE);
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    table.setFixedCellSize(34);
    table.setPlaceholder(
        Views.muted("No finding matches these filters. Clear them with the filter button."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

    TableColumn<Row, Row> severity = column("Severity", Column.SEVERITY, 100);
    severity.setMinWidth(100);
    severity.setCellFactory(c -> new SeverityCell());
    TableColumn<Row, Row> title = column("Finding", Column.TITLE, 340);
    title.setMinWidth(180);
    title.setCellFactory(c -> new TextCell(r -> r.title(), true));
    TableColumn<Row, Row> resource = column("Resource", Column.RESOURCE, 260);
    resource.setCellFactory(c -> new TextCell(FindingRow::resource, false));
    TableColumn<Row, Row> pillar = column("Pillar", Column.PILLAR, 120);
    pillar.setMinWidth(90);
    pillar.setCellFactory(c -> new TextCell(r -> r.pillar().title(), false));
    TableColumn<Row, Row> weakness = column("Weakness", Column.WEAKNESS, 170);
    weakness.setCellFactory(c -> new TextCell(FindingRow::weakness, false));
    TableColumn<Row, Row> status = column("Status", Column.STATUS, 90);
    status.setMinWidth(76);
    status.setCellFactory(c -> new TextCell(r -> r.status().label(), false));
    List.of(severity, title, resource, pillar, weakness, status).forEach(table.getColumns()::add);

    table.setRowFactory(
        t -> {
          TableRow<Row> row =
              new TableRow<>() {
                @Override
                protected void updateItem(Row item, boolean empty) {
                  super.updateItem(item, empty);
                  pseudoClassStateChanged(GROUP, !empty && item instanceof GroupRow);
                }
              };
          row.setOnMouseClicked(
              e -> {
                if (row.getItem() instanceof GroupRow g) {
                  model.toggle(g);
                }
              });
          return row;
        });
    table.setSortPolicy(
        t -> {
          if (!syncingSort) {
            List<SortKey> keys = new ArrayList<>();
            for (TableColumn<Row, ?> c : t.getSortOrder()) {
              keys.add(
                  new SortKey(
                      (Column) c.getUserData(), c.getSortType() == TableColumn.SortType.ASCENDING));
            }
            if (!keys.equals(model.sortKeys())) {
              model.sortBy(keys);
            }
          }
          return true;
        });
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, r) -> {
              if (r instanceof FindingRow f) {
                model.select(f);
              }
            });
    // Filtering replaces the rows: keep the selected finding selected when it is still shown.
    model
        .rows()
        .addListener(
            (ListChangeListener<Row>)
                c -> {
                  Detail d = model.detailProperty().get();
                  if (d != null) {
                    int i = model.rows().indexOf(d.row());
                    if (i >= 0) {
                      table.getSelectionModel().select(i);
                    }
                  }
                });
    table.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          Row r = table.getSelectionModel().getSelectedItem();
          if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE)
              && r instanceof GroupRow g) {
            int at = table.getSelectionModel().getSelectedIndex();
            model.toggle(g);
            table.getSelectionModel().select(at);
            e.consume();
          } else if (COPY.match(e) && r instanceof FindingRow) {
            copy();
            e.consume();
          }
        });
    VBox.setVgrow(table, Priority.ALWAYS);
  }

  private static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
  private static final javafx.css.PseudoClass GROUP =
      javafx.css.PseudoClass.getPseudoClass("group");

  private TableColumn<Row, Row> column(String name, Column key, double width) {
    TableColumn<Row, Row> c = new TableColumn<>(name);
    c.setUserData(key);
    c.setPrefWidth(width);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
    c.setSortable(true);
    return c;
  }

  private final class SeverityCell extends TableCell<Row, Row> {
    @Override
    protected void updateItem(Row item, boolean empty) {
      super.updateItem(item, empty);
      setText(null);
      if (empty || item == null) {
        setGraphic(null);
      } else if (item instanceof GroupRow g) {
        FontIcon chevron =
            new FontIcon(g.collapsed() ? "mdi2c-chevron-right" : "mdi2c-chevron-down");
        HBox box = new HBox(4, chevron, Views.severityChip(g.worst()));
        box.setAlignment(Pos.CENTER_LEFT);
        setGraphic(box);
      } else if (item instanceof FindingRow f) {
        setGraphic(Views.severityChip(f.severity()));
      }
    }
  }

  private static final class TextCell extends TableCell<Row, Row> {
    private final Function<FindingRow, String> text;
    private final boolean headingColumn;

    TextCell(Function<FindingRow, String> text, boolean headingColumn) {
      this.text = text;
      this.headingColumn = headingColumn;
    }

    @Override
    protected void updateItem(Row item, boolean empty) {
      super.updateItem(item, empty);
      setGraphic(null);
      if (empty || item == null) {
        setText(null);
      } else if (item instanceof GroupRow g) {
        setText(headingColumn ? g.label() + "  ·  " + Texts.count(g.count(), "finding") : null);
      } else {
        setText(text.apply((FindingRow) item));
      }
    }
  }

  private void copy() {
    String text = model.copyText();
    if (!text.isEmpty()) {
      ClipboardContent content = new ClipboardContent();
      content.putString(text);
      Clipboard.getSystemClipboard().setContent(content);
      model.tell("Copied the finding to the clipboard.");
    }
  }

  private void renderDetail(Detail d) {
    detailBox.getChildren().clear();
    if (d == null) {
      Label none =
          Views.muted(
              "Select a finding to see its evidence, the resource, how to fix it and the"
                  + " framework references. Arrow keys move through the list; Ctrl+C copies the"
                  + " selected finding.");
      none.setId("finding-detail-empty");
      detailBox.getChildren().add(none);
      return;
    }
    FindingRow r = d.row();
    Label title = Views.title(r.title(), "title-4");
    title.setId("detail-title");
    HBox tags =
        new HBox(
            6,
            Views.severityChip(r.severity()),
            Views.tag(r.pillar().title()),
            Views.tag(r.status().label(), "status-" + r.status().name().toLowerCase()));
    Label message = new Label(r.finding().message());
    message.setWrapText(true);
    message.setId("detail-message");

    Button copy = Views.button("Copy", "mdi2c-content-copy");
    copy.setId("detail-copy");
    copy.setOnAction(e -> copy());
    String platformName = Texts.platform(r.platform());
    Button open = Views.button("Open in " + platformName, "mdi2o-open-in-new");
    open.setId("detail-open");
    open.setDisable(model.webPageProperty().get() == null);
    open.setTooltip(
        new Tooltip(
            model.webPageProperty().get() == null
                ? platformName + " gave no web address for this resource"
                : model.webPageProperty().get().toString()));
    open.setOnAction(
        e -> {
          if (model.webPageProperty().get() != null) {
            desktop.browse(model.webPageProperty().get());
          }
        });
    // The detail pane is narrow: the actions wrap to a second line rather than being cut.
    FlowPane actions = new FlowPane(8, 8, copy, open);
    VBox acceptForm = new VBox(8);
    if (model.acceptAvailable()) {
      Button accept = Views.button("Accept risk…", "mdi2s-shield-check-outline");
      accept.setId("detail-accept");
      accept.disableProperty().bind(model.canAcceptProperty().not());
      accept.setOnAction(e -> showAcceptForm(acceptForm));
      actions.getChildren().add(accept);
    }
    Label said = new Label();
    said.setId("detail-action-message");
    said.getStyleClass().add("text-muted");
    said.setWrapText(true);
    said.textProperty().bind(model.actionMessageProperty());
    Views.showWhen(said, model.actionMessageProperty().isNotEmpty());
    Views.showWhen(acceptForm, javafx.beans.binding.Bindings.isNotEmpty(acceptForm.getChildren()));

    VBox resource =
        section(
            "Resource",
            selectable(r.resource(), "detail-resource"),
            d.location().isEmpty() ? null : selectable(d.location(), "detail-location"));
    detailBox.getChildren().addAll(title, tags, message, actions, acceptForm, said, resource);

    if (!d.evidence().isEmpty()) {
      GridPane grid = new GridPane();
      grid.setHgap(12);
      grid.setVgap(4);
      int i = 0;
      for (FindingsViewModel.Evidence ev : d.evidence()) {
        Label k = Views.muted(ev.name());
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label v = new Label(ev.value());
        v.setWrapText(true);
        grid.addRow(i++, k, v);
      }
      grid.setId("detail-evidence");
      detailBox.getChildren().add(section("Evidence", grid));
    }
    if (!d.remediation().isEmpty()) {
      VBox steps = new VBox(6);
      steps.setId("detail-remediation");
      for (int i = 0; i < d.remediation().size(); i++) {
        Label n = new Label((i + 1) + ".");
        n.setMinWidth(20);
        Label step = new Label(d.remediation().get(i));
        step.setWrapText(true);
        HBox line = new HBox(6, n, step);
        steps.getChildren().add(line);
      }
      detailBox.getChildren().add(section("How to fix it", steps));
    }
    if (!d.rationale().isEmpty()) {
      Label why = new Label(d.rationale());
      why.setWrapText(true);
      detailBox.getChildren().add(section("Why it matters", why));
    }
    VBox refs = new VBox(2);
    refs.setId("detail-references");
    for (FindingsViewModel.Reference ref : d.references()) {
      if (ref.link() != null) {
        Hyperlink link = new Hyperlink(ref.label());
        link.setWrapText(true);
        link.setOnAction(e -> desktop.browse(ref.link()));
        link.setTooltip(new Tooltip(ref.link().toString()));
        refs.getChildren().add(link);
      } else {
        Label l = new Label(ref.label());
        l.setWrapText(true);
        l.setPadding(new Insets(2, 0, 2, 4));
        refs.getChildren().add(l);
      }
    }
    detailBox.getChildren().add(section("Framework references", refs));
    detailBox
        .getChildren()
        .add(
            Views.muted(
                "Weakness "
                    + r.weakness()
                    + " ("
                    + d.weaknessTitle()
                    + ") · rule "
                    + r.rule()
                    + " · finding "
                    + r.id()));
  }

  private void showAcceptForm(VBox form) {
    form.getChildren().clear();
    TextArea reason = new TextArea();
    reason.setId("accept-reason");
    reason.setPromptText("Why is this risk accepted?");
    reason.setPrefRowCount(3);
    reason.setWrapText(true);
    TextField owner = new TextField();
    owner.setId("accept-owner");
    owner.setPromptText("Who answers for it");
    DatePicker expires = new DatePicker(LocalDate.now().plusDays(90));
    expires.setId("accept-expires");
    Button ok = new Button("Accept the risk");
    ok.setId("accept-confirm");
    ok.getStyleClass().add(Styles.ACCENT);
    ok.setOnAction(
        e -> {
          model.accept(reason.getText(), owner.getText(), expires.getValue());
          if (!model.canAcceptProperty().get()) {
            form.getChildren().clear();
          }
        });
    Button cancel = new Button("Cancel");
    cancel.setOnAction(e -> form.getChildren().clear());
    HBox buttons = new HBox(8, ok, cancel);
    form.getChildren()
        .addAll(
            Views.muted(
                "An accepted risk stays listed as accepted and stops lowering the score until it"
                    + " expires."),
            reason,
            owner,
            until(expires),
            buttons);
    form.getStyleClass().add("accept-form");
    reason.requestFocus();
  }

  private static HBox until(DatePicker expires) {
    Label until = new Label("Until");
    until.setMinWidth(Region.USE_PREF_SIZE);
    HBox.setHgrow(expires, Priority.ALWAYS);
    expires.setMaxWidth(Double.MAX_VALUE);
    HBox line = new HBox(8, until, expires);
    line.setAlignment(Pos.CENTER_LEFT);
    return line;
  }

  private static TextField selectable(String text, String id) {
    TextField field = new TextField(text);
    field.setEditable(false);
    field.setId(id);
    field.getStyleClass().add("selectable-text");
    return field;
  }

  private static VBox section(String title, Node... content) {
    Label heading = new Label(title);
    heading.getStyleClass().add("section-title");
    VBox box = new VBox(6, heading);
    for (Node n : content) {
      if (n != null) {
        box.getChildren().add(n);
      }
    }
    return box;
  }

  private static final class AssessmentCell extends ListCell<AssessmentSummary> {
    @Override
    protected void updateItem(AssessmentSummary s, boolean empty) {
      super.updateItem(s, empty);
      if (empty || s == null) {
        setText(null);
      } else {
        setText(
            Texts.shortWhen(s.finishedAt())
                + " · "
                + s.scope().stream().map(e -> e.target()).reduce((a, b) -> a + ", " + b).orElse("")
                + " · "
                + (s.overall() == null ? "n/a" : s.overall()));
      }
    }
  }
}
