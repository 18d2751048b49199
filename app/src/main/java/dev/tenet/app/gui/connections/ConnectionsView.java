package dev.tenet.app.gui.connections;

import atlantafx.base.theme.Styles;
import dev.tenet.app.gui.common.Icons;
import dev.tenet.app.gui.common.Navigator;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.Views;
import dev.tenet.app.gui.connections.ConnectionsViewModel.State;
import dev.tenet.app.gui.connections.ConnectionsViewModel.TestView;
import dev.tenet.app.service.Connection;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** The connections screen: binds to its ViewModel, holds no logic. */
public final class ConnectionsView extends BorderPane {
  private final ConnectionsViewModel model;
  private final VBox details = new VBox(14);
  private final PasswordField token = new PasswordField();

  public ConnectionsView(ConnectionsViewModel model, Navigator navigator) {
    this.model = model;
    getStyleClass().add("connections");

    Label title = Views.title("Connections", "title-2");
    Label subtitle =
        Views.muted(
            "What Tenet assesses. Tokens stay in the OS keychain or Tenet's encrypted vault and"
                + " are never shown again.");
    Button add = Views.button("Add connection", "mdi2p-plus");
    add.setId("connection-add");
    add.getStyleClass().add(Styles.ACCENT);
    add.setOnAction(e -> model.startAdd());
    HBox top = new HBox(12, new VBox(2, title, subtitle), Views.spacer(), add);
    top.setAlignment(Pos.CENTER_LEFT);

    Button demo = Views.button("Scan the demo instead", "mdi2p-play-circle-outline");
    demo.setOnAction(e -> navigator.scan(true));
    Button first = Views.button("Add a connection", "mdi2p-plus");
    first.getStyleClass().add(Styles.ACCENT);
    first.setOnAction(e -> model.startAdd());

    StackPane body =
        new StackPane(
            Views.showWhen(
                Views.loading(model.statusProperty()),
                model.stateProperty().isEqualTo(State.LOADING)),
            Views.showWhen(
                Views.message(
                    "mdi2l-lan-disconnect",
                    "No connection yet",
                    model.statusProperty(),
                    first,
                    demo),
                model.stateProperty().isEqualTo(State.EMPTY).and(model.editingProperty().not())),
            Views.showWhen(
                Views.message(
                    "mdi2a-alert-circle-outline",
                    "The connections could not be read",
                    model.statusProperty()),
                model.stateProperty().isEqualTo(State.ERROR)),
            Views.showWhen(
                main(), model.stateProperty().isEqualTo(State.READY).or(model.editingProperty())));
    VBox.setVgrow(body, Priority.ALWAYS);
    VBox root = new VBox(16, top, body);
    root.setPadding(new Insets(24));
    setCenter(root);
  }

  private Node main() {
    ListView<Connection> list = new ListView<>(model.connections());
    list.setId("connection-list");
    list.setPrefWidth(320);
    list.setMinWidth(260);
    list.setCellFactory(v -> new ConnectionCell());
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, c) -> {
              if (c != null) {
                model.selectedProperty().set(c);
              }
            });
    model
        .selectedProperty()
        .addListener(
            (o, a, c) -> {
              if (c != null && list.getSelectionModel().getSelectedItem() != c) {
                list.getSelectionModel().select(c);
              }
              render();
            });
    model.resultProperty().addListener((o, a, b) -> render());
    model.editingProperty().addListener((o, a, b) -> render());
    model.confirmingRemovalProperty().addListener((o, a, b) -> render());
    Views.showWhen(list, Bindings.isNotEmpty(model.connections()));

    ScrollPane right = new ScrollPane(details);
    right.setFitToWidth(true);
    details.setPadding(new Insets(4, 4, 4, 20));
    HBox.setHgrow(right, Priority.ALWAYS);
    render();
    HBox box = new HBox(0, list, right);
    return box;
  }

  private void render() {
    details.getChildren().clear();
    if (model.editingProperty().get()) {
      details.getChildren().add(editor());
      return;
    }
    Connection c = model.selectedProperty().get();
    if (c == null) {
      return;
    }
    Label name = Views.title(c.label(), "title-3");
    name.setId("connection-title");
    GridPane facts = new GridPane();
    facts.setHgap(16);
    facts.setVgap(6);
    facts.addRow(0, Views.muted("Platform"), new Label(Connection.platformTitle(c.platform())));
    if (c.isRegistry()) {
      facts.addRow(1, Views.muted("Address"), new Label(c.baseUrl()));
      facts.addRow(2, Views.muted("User"), new Label(c.user() == null ? "none" : c.user()));
    } else if (!c.isTestable()) {
      boolean exported = c.platform().endsWith("-export");
      boolean aws = c.platform().startsWith("aws");
      facts.addRow(
          1,
          Views.muted("Source"),
          new Label(
              exported
                  ? "Exported files"
                  : aws
                      ? "Live, with the AWS profile's credentials"
                      : "Live, with the kubeconfig"));
      facts.addRow(
          2,
          Views.muted(aws ? (exported ? "Files" : "Profile") : exported ? "Files" : "Kubeconfig"),
          new Label(aws && !exported ? c.target() : String.join(", ", c.files())));
      if (!aws) {
        facts.addRow(
            3,
            Views.muted(exported ? "Cluster" : "Context"),
            new Label(
                c.target() != null
                    ? c.target()
                    : exported ? "named after the file" : "the kubeconfig's current one"));
      }
    } else {
      facts.addRow(
          1,
          Views.muted(c.platform().equals("gitlab") ? "Instance" : "API address"),
          new Label(c.baseUrl()));
      facts.addRow(
          2,
          Views.muted(c.platform().equals("gitlab") ? "Group" : "Organization"),
          new Label(c.target()));
    }
    if (c.isTestable() || c.isRegistry()) {
      facts.addRow(3, Views.muted("Token"), new Label(ConnectionsViewModel.tokenPlace(c)));
    }

    Button test = Views.button("Test connection", "mdi2c-connection");
    test.setId("connection-test");
    test.getStyleClass().add(Styles.ACCENT);
    test.disableProperty().bind(model.busyProperty());
    test.setOnAction(e -> model.test(c));
    // Registries, AWS and clusters are read when they are scanned; there is no separate test.
    test.setVisible(c.isTestable());
    test.setManaged(c.isTestable());
    Button edit = Views.button("Edit", "mdi2p-pencil-outline");
    edit.setId("connection-edit");
    edit.setOnAction(e -> model.startEdit(c));
    Button remove = Views.button("Remove", "mdi2t-trash-can-outline");
    remove.setId("connection-remove");
    remove.getStyleClass().add(Styles.DANGER);
    remove.setOnAction(e -> model.askRemoval());
    HBox actions = new HBox(8, test, edit, remove);
    details.getChildren().addAll(name, facts, actions);

    if (model.confirmingRemovalProperty().get()) {
      Button yes = new Button("Remove it");
      yes.setId("connection-remove-confirm");
      yes.getStyleClass().add(Styles.DANGER);
      yes.setOnAction(e -> model.remove());
      Button no = new Button("Keep it");
      no.setOnAction(e -> model.cancelRemoval());
      VBox confirm =
          Views.card(
              new VBox(
                  8,
                  new Label(
                      "Remove "
                          + c.label()
                          + "? The token Tenet stored for it is deleted; its assessments stay."),
                  new HBox(8, yes, no)));
      details.getChildren().add(confirm);
    }
    Label notice = Views.muted("");
    notice.setId("connection-notice");
    notice.textProperty().bind(model.noticeProperty());
    Views.showWhen(notice, model.noticeProperty().isNotEmpty());
    details.getChildren().add(notice);

    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(18, 18);
    Label busy = Views.muted("");
    busy.textProperty().bind(model.busyTextProperty());
    HBox busyLine = new HBox(8, spinner, busy);
    busyLine.setAlignment(Pos.CENTER_LEFT);
    Views.showWhen(busyLine, model.busyProperty());
    details.getChildren().add(busyLine);

    TestView r = model.resultProperty().get();
    if (r != null) {
      details.getChildren().add(result(r));
    } else if (!model.busyProperty().get()) {
      details
          .getChildren()
          .add(
              Views.muted(
                  "Test the connection to see whose token it is, its scopes, what Tenet will not"
                      + " see with it, and how many requests it has left."));
    }
  }

  private Node result(TestView r) {
    FontIcon icon = new FontIcon(r.ok() ? "mdi2c-check-circle-outline" : "mdi2a-alert-outline");
    icon.getStyleClass().add(r.ok() ? "result-ok" : "result-warn");
    Label verdict = new Label(r.verdict());
    verdict.setId("test-verdict");
    verdict.setWrapText(true);
    HBox head = new HBox(10, icon, verdict);
    head.setAlignment(Pos.TOP_LEFT);
    VBox box = new VBox(12, head);
    if (!r.identity().isEmpty()) {
      GridPane facts = new GridPane();
      facts.setHgap(16);
      facts.setVgap(6);
      Label who = new Label(r.identity());
      who.setId("test-identity");
      who.setWrapText(true);
      Label scopes = new Label(r.scopes());
      scopes.setId("test-scopes");
      scopes.setWrapText(true);
      Label rate = new Label(r.rate());
      rate.setId("test-rate");
      rate.setWrapText(true);
      facts.addRow(0, Views.muted("Acts as"), who);
      facts.addRow(1, Views.muted("Scopes"), scopes);
      facts.addRow(2, Views.muted("Rate limit"), rate);
      box.getChildren().add(facts);
    }
    if (!r.cannotSee().isEmpty()) {
      Label heading = new Label("What Tenet will not see with this token");
      heading.getStyleClass().add("section-title");
      VBox items = new VBox(6);
      items.setId("test-blind");
      for (String s : r.cannotSee()) {
        FontIcon eye = new FontIcon("mdi2e-eye-off-outline");
        Label text = new Label(s);
        text.setWrapText(true);
        HBox line = new HBox(8, eye, text);
        line.setAlignment(Pos.TOP_LEFT);
        items.getChildren().add(line);
      }
      Label after =
          Views.muted("Each of these becomes a blind spot in the scan: never counted as a pass.");
      box.getChildren().addAll(heading, items, after);
    } else if (!r.identity().isEmpty()) {
      box.getChildren().add(Views.muted("Tenet expects to see everything it assesses."));
    }
    box.getChildren().add(Views.muted("Tested " + Texts.when(r.at())));
    box.setId("test-result");
    return Views.card(box);
  }

  private Node editor() {
    Label title = Views.title("", "title-3");
    title.textProperty().bind(model.editorTitleProperty());
    ToggleGroup platforms = new ToggleGroup();
    ToggleButton github = new ToggleButton("GitHub", new FontIcon("mdi2g-github"));
    github.setId("editor-github");
    github.setUserData("github");
    ToggleButton gitlab = new ToggleButton("GitLab", new FontIcon("mdi2g-gitlab"));
    gitlab.setId("editor-gitlab");
    gitlab.setUserData("gitlab");
    ToggleButton registry =
        new ToggleButton("Registry", new FontIcon("mdi2p-package-variant-closed"));
    registry.setId("editor-registry");
    registry.setUserData(Connection.REGISTRY);
    ToggleButton aws = new ToggleButton("AWS", new FontIcon("mdi2a-aws"));
    aws.setId("editor-aws");
    aws.setUserData("aws");
    ToggleButton k8s = new ToggleButton("Kubernetes", new FontIcon("mdi2k-kubernetes"));
    k8s.setId("editor-k8s");
    k8s.setUserData("k8s");
    List<ToggleButton> all = List.of(github, gitlab, registry, aws, k8s);
    for (ToggleButton b : all) {
      b.setToggleGroup(platforms);
      b.getStyleClass()
          .add(b == github ? Styles.LEFT_PILL : b == k8s ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
      b.setSelected(b.getUserData().equals(model.platformProperty().get()));
    }
    Views.keepOneSelected(platforms, t -> model.platformProperty().set((String) t.getUserData()));
    HBox platformRow = new HBox(0, github, gitlab, registry, aws, k8s);

    StringProperty platform = model.platformProperty();
    BooleanBinding isRegistry = platform.isEqualTo(Connection.REGISTRY);
    BooleanBinding isAws = platform.isEqualTo("aws");
    BooleanBinding isK8s = platform.isEqualTo("k8s");
    BooleanBinding isCloud = isAws.or(isK8s);
    BooleanBinding fromFiles = model.fromFilesProperty().and(isCloud);

    ToggleGroup sources = new ToggleGroup();
    ToggleButton live = new ToggleButton("Read live");
    live.setId("editor-live");
    ToggleButton files = new ToggleButton("Exported files");
    files.setId("editor-files");
    live.setToggleGroup(sources);
    files.setToggleGroup(sources);
    live.getStyleClass().add(Styles.LEFT_PILL);
    files.getStyleClass().add(Styles.RIGHT_PILL);
    (model.fromFilesProperty().get() ? files : live).setSelected(true);
    Views.keepOneSelected(sources, t -> model.fromFilesProperty().set(t == files));

    TextField url = new TextField();
    url.setId("editor-url");
    url.textProperty().bindBidirectional(model.baseUrlProperty());
    url.promptTextProperty()
        .bind(Bindings.when(isRegistry).then("https://registry.acme.example/team").otherwise(""));
    url.setPrefColumnCount(32);
    TextField target = new TextField();
    target.setId("editor-target");
    target.textProperty().bindBidirectional(model.targetProperty());
    target
        .promptTextProperty()
        .bind(
            Bindings.createStringBinding(
                () -> targetPrompt(platform.get(), fromFiles.get()), platform, fromFiles));
    TextField user = new TextField();
    user.setId("editor-user");
    user.setPromptText("The user the token belongs to (a plain OCI registry needs one)");
    user.textProperty().bindBidirectional(model.userProperty());
    TextField path = new TextField();
    path.setId("editor-path");
    path.textProperty().bindBidirectional(model.pathProperty());
    path.promptTextProperty()
        .bind(
            Bindings.when(fromFiles)
                .then("A file, or a folder of files")
                .otherwise("~/.kube/config"));
    Button chooseFile = Views.button("File…", "mdi2f-file-outline");
    chooseFile.setOnAction(e -> choosePath(false));
    Button chooseFolder = Views.button("Folder…", "mdi2f-folder-outline");
    chooseFolder.setOnAction(e -> choosePath(true));
    Views.showWhen(chooseFolder, fromFiles);
    HBox.setHgrow(path, Priority.ALWAYS);
    HBox pathLine = new HBox(8, path, chooseFile, chooseFolder);
    token.clear();
    token.setId("editor-token");
    token.setPromptText(
        model.keepsTokenProperty().get()
            ? "Leave empty to keep the stored token"
            : "Paste a read-only token");

    Label help = Views.muted("");
    help.setWrapText(true);
    help.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> help(platform.get(), fromFiles.get()), platform, fromFiles));
    VBox form =
        new VBox(
            10,
            row(new Label("Platform"), platformRow),
            Views.showWhen(row(new Label("Source"), new HBox(0, live, files)), isCloud),
            Views.showWhen(
                row(
                    label(Bindings.createStringBinding(() -> urlLabel(platform.get()), platform)),
                    url),
                isCloud.not()),
            Views.showWhen(
                row(
                    label(
                        Bindings.createStringBinding(
                            () -> targetLabel(platform.get(), fromFiles.get()),
                            platform,
                            fromFiles)),
                    target),
                isRegistry.not().and(isAws.and(fromFiles).not())),
            Views.showWhen(row(new Label("User"), user), isRegistry),
            Views.showWhen(
                row(
                    label(
                        Bindings.createStringBinding(
                            () -> pathLabel(platform.get(), fromFiles.get()), platform, fromFiles)),
                    pathLine),
                fromFiles.or(isK8s)),
            Views.showWhen(row(new Label("Token"), token), isCloud.not()));
    Label tokenNote = Views.muted("");
    tokenNote.setWrapText(true);
    tokenNote
        .textProperty()
        .bind(
            Bindings.when(isCloud)
                .then(
                    "Tenet reads with the credentials the AWS profile or the kubeconfig already"
                        + " holds, read-only (docs/PERMISSIONS.md); it stores none of them.")
                .otherwise(
                    "The token goes to the OS keychain (or Tenet's encrypted vault), bound to this"
                        + " host. It is never shown again, never copied, and never written to the"
                        + " store, reports or logs."));
    Label error = new Label();
    error.setId("editor-error");
    error.getStyleClass().add(Styles.DANGER);
    error.setWrapText(true);
    error.textProperty().bind(model.editorMessageProperty());
    Views.showWhen(error, model.editorMessageProperty().isNotEmpty());

    Button save = Views.button("Save and test", "mdi2c-content-save-outline");
    save.textProperty()
        .bind(Bindings.when(isRegistry.or(isCloud)).then("Save").otherwise("Save and test"));
    save.setId("editor-save");
    save.getStyleClass().add(Styles.ACCENT);
    save.setDefaultButton(true);
    save.disableProperty().bind(model.busyProperty());
    save.setOnAction(
        e -> {
          String text = token.getText();
          token.clear();
          model.saveAndTest(text);
        });
    Button cancel = new Button("Cancel");
    cancel.setId("editor-cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(
        e -> {
          token.clear();
          model.cancelEdit();
        });
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(18, 18);
    Views.showWhen(spinner, model.busyProperty());
    HBox buttons = new HBox(8, save, cancel, spinner);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(14, title, form, help, tokenNote, error, buttons);
    box.setId("connection-editor");
    box.setMaxWidth(720);
    javafx.application.Platform.runLater(() -> (isRegistry.get() ? url : target).requestFocus());
    return box;
  }

  private static final double LABEL_WIDTH = 140;

  private static HBox row(Label label, Node field) {
    label.getStyleClass().add("text-muted");
    label.setMinWidth(LABEL_WIDTH);
    label.setPrefWidth(LABEL_WIDTH);
    HBox.setHgrow(field, Priority.ALWAYS);
    HBox row = new HBox(12, label, field);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private static Label label(ObservableValue<String> text) {
    Label label = new Label();
    label.textProperty().bind(text);
    return label;
  }

  private static String urlLabel(String platform) {
    return switch (platform) {
      case "gitlab" -> "Instance address";
      case Connection.REGISTRY -> "Registry address";
      default -> "API address";
    };
  }

  private static String targetLabel(String platform, boolean fromFiles) {
    return switch (platform) {
      case "gitlab" -> "Group (full path)";
      case "aws" -> "Profile";
      case "k8s" -> fromFiles ? "Cluster name" : "Context";
      default -> "Organization";
    };
  }

  private static String targetPrompt(String platform, boolean fromFiles) {
    return switch (platform) {
      case "aws" -> "default";
      case "k8s" -> fromFiles ? "From the file's name" : "The kubeconfig's current context";
      default -> "";
    };
  }

  private static String pathLabel(String platform, boolean fromFiles) {
    if (!fromFiles) {
      return "Kubeconfig";
    }
    return platform.equals("aws") ? "IAM export" : "Cluster export";
  }

  private static String help(String platform, boolean fromFiles) {
    return switch (platform) {
      case Connection.REGISTRY ->
          "Any OCI registry (https://registry.acme.example/team), Docker Hub"
              + " (https://hub.docker.com/acme), Artifactory, https://ghcr.io/acme or a GitLab"
              + " registry. A read-only token (pull, list); a plain OCI registry may be left"
              + " without one to see what it serves to anyone.";
      case "gitlab" ->
          "GitLab.com or your instance, e.g. https://gitlab.example.com. Token: a group access"
              + " token or an Owner's personal token with read_api and read_repository only, with"
              + " an expiry date.";
      case "aws" ->
          fromFiles
              ? "The output of 'aws iam get-account-authorization-details' (and optionally the"
                  + " credential report and OIDC providers): a file, or a folder of them."
              : "An AWS CLI profile with read-only IAM rights (iam:GetAccountAuthorizationDetails,"
                  + " the credential report, access keys last used).";
      case "k8s" ->
          fromFiles
              ? "'kubectl get clusterroles,clusterrolebindings,roles,rolebindings,serviceaccounts"
                  + " -A -o json': a file, or a folder of them."
              : "A kubeconfig whose user may get and list RBAC objects and service accounts.";
      default ->
          "https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. Token: a"
              + " fine-grained token with read-only access to the organization, made by an owner"
              + " (owners see two-factor settings).";
    };
  }

  private void choosePath(boolean folder) {
    Window window = getScene() == null ? null : getScene().getWindow();
    File chosen;
    if (folder) {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("The folder of exported files");
      chosen = chooser.showDialog(window);
    } else {
      FileChooser chooser = new FileChooser();
      chooser.setTitle("The file to read");
      chosen = chooser.showOpenDialog(window);
    }
    if (chosen != null) {
      model.pathProperty().set(chosen.getPath());
    }
  }

  private static final class ConnectionCell extends ListCell<Connection> {
    @Override
    protected void updateItem(Connection c, boolean empty) {
      super.updateItem(c, empty);
      if (empty || c == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      FontIcon icon = new FontIcon(Icons.forPlatform(c.platform()));
      icon.setIconSize(22);
      Label name = new Label(c.label());
      name.getStyleClass().add("text-bold");
      Label where =
          Views.muted(
              c.baseUrl() == null || c.baseUrl().isBlank()
                  ? (c.platform().endsWith("-export") ? "exported files" : "read live")
                  : host(c.baseUrl()) + " · " + tokenShort(c));
      VBox text = new VBox(2, name, where);
      HBox box = new HBox(10, icon, text);
      box.setAlignment(Pos.CENTER_LEFT);
      box.setPadding(new Insets(6, 4, 6, 4));
      setText(null);
      setGraphic(box);
    }

    private static String tokenShort(Connection c) {
      String cred = c.credential() == null ? "" : c.credential();
      if (cred.isBlank()) {
        return "no token";
      }
      return cred.startsWith("keychain:")
          ? "keychain"
          : cred.startsWith("vault:") ? "vault" : cred.startsWith("env:") ? cred : "token";
    }

    private static String host(String url) {
      try {
        String h = java.net.URI.create(url).getHost();
        return h == null ? url : h;
      } catch (IllegalArgumentException e) {
        return url;
      }
    }
  }
}
