package dev.tenet.app.gui.paths;

import dev.tenet.app.gui.common.Icons;
import dev.tenet.app.gui.paths.PathLayout.Position;
import dev.tenet.app.gui.paths.PathsViewModel.GraphEdge;
import dev.tenet.app.gui.paths.PathsViewModel.GraphNode;
import dev.tenet.app.gui.paths.PathsViewModel.PathGraph;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Draws an attack path and the entities around it with plain JavaFX nodes: icons by entity kind,
 * relations labelled, the path's own relations emphasised. The mouse wheel zooms around the
 * pointer, dragging pans, a click on an entity selects it; +, - and 0 (fit) work from the keyboard.
 */
public final class PathGraphView extends Region {
  static final double RADIUS = 24;
  private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

  private final Group edges = new Group();
  private final Group nodes = new Group();
  private final Group content = new Group(edges, nodes);
  private final Scale zoom = new Scale(1, 1, 0, 0);
  private final Translate pan = new Translate();
  private final Map<String, VBox> drawn = new HashMap<>();
  private Consumer<String> onSelect = id -> {};
  private double dragX;
  private double dragY;
  private boolean dragged;

  public PathGraphView() {
    getStyleClass().add("path-graph");
    setFocusTraversable(true);
    content.getTransforms().addAll(pan, zoom);
    getChildren().add(content);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    setOnScroll(
        e -> {
          double factor = e.getDeltaY() > 0 ? 1.12 : 1 / 1.12;
          zoomAt(factor, e.getX(), e.getY());
          e.consume();
        });
    setOnMousePressed(
        e -> {
          requestFocus();
          dragX = e.getX();
          dragY = e.getY();
          dragged = false;
        });
    setOnMouseDragged(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
            pan.setX(pan.getX() + e.getX() - dragX);
            pan.setY(pan.getY() + e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
            dragged = true;
          }
        });
    setOnKeyPressed(
        e -> {
          switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> zoomAt(1.2, getWidth() / 2, getHeight() / 2);
            case MINUS, SUBTRACT -> zoomAt(1 / 1.2, getWidth() / 2, getHeight() / 2);
            case DIGIT0, NUMPAD0 -> fit();
            case LEFT -> pan.setX(pan.getX() + 40);
            case RIGHT -> pan.setX(pan.getX() - 40);
            case UP -> pan.setY(pan.getY() + 40);
            case DOWN -> pan.setY(pan.getY() - 40);
            default -> {
              return;
            }
          }
          e.consume();
        });
    widthProperty().addListener((o, a, b) -> fitIfNew());
    heightProperty().addListener((o, a, b) -> fitIfNew());
  }

  private boolean fitted;

  private void fitIfNew() {
    if (!fitted && getWidth() > 0 && getHeight() > 0 && !drawn.isEmpty()) {
      fit();
    }
  }

  /** What a click on an entity does (the screen shows its blast radius). */
  public void setOnSelect(Consumer<String> action) {
    this.onSelect = action;
  }

  /** The current zoom factor (1 = 100 %). */
  public double zoomFactor() {
    return zoom.getX();
  }

  public void zoomIn() {
    zoomAt(1.2, getWidth() / 2, getHeight() / 2);
  }

  public void zoomOut() {
    zoomAt(1 / 1.2, getWidth() / 2, getHeight() / 2);
  }

  private void zoomAt(double factor, double x, double y) {
    double next = Math.max(0.2, Math.min(4, zoom.getX() * factor));
    double applied = next / zoom.getX();
    // Keep the point under the pointer where it is.
    pan.setX(x - (x - pan.getX()) * applied);
    pan.setY(y - (y - pan.getY()) * applied);
    zoom.setX(next);
    zoom.setY(next);
  }

  /** Scales and centres the drawing to fill the view. */
  public void fit() {
    Bounds b = content.getLayoutBounds();
    if (b.isEmpty() || getWidth() <= 0 || getHeight() <= 0) {
      return;
    }
    double scale =
        Math.min(
            1.4, Math.min((getWidth() - 60) / b.getWidth(), (getHeight() - 60) / b.getHeight()));
    scale = Math.max(0.2, scale);
    zoom.setX(scale);
    zoom.setY(scale);
    pan.setX((getWidth() - b.getWidth() * scale) / 2 - b.getMinX() * scale);
    pan.setY((getHeight() - b.getHeight() * scale) / 2 - b.getMinY() * scale);
    fitted = true;
  }

  /** Replaces the drawing. */
  public void show(PathGraph graph) {
    edges.getChildren().clear();
    nodes.getChildren().clear();
    drawn.clear();
    fitted = false;
    if (graph == null) {
      return;
    }
    Map<String, Position> at = PathLayout.of(graph);
    for (GraphEdge e : graph.edges()) {
      Position a = at.get(e.from());
      Position b = at.get(e.to());
      if (a != null && b != null) {
        edges.getChildren().add(edge(a, b, e));
      }
    }
    for (GraphNode n : graph.nodes()) {
      Position p = at.get(n.id());
      VBox v = node(n);
      v.setLayoutX(p.x() - 60);
      v.setLayoutY(p.y() - RADIUS);
      nodes.getChildren().add(v);
      drawn.put(n.id(), v);
    }
    if (getWidth() > 0) {
      applyCss();
      layout();
      fit();
    }
  }

  /** Marks an entity as the selected one. */
  public void highlight(String id) {
    drawn.forEach((k, v) -> v.pseudoClassStateChanged(SELECTED, k.equals(id)));
  }

  private VBox node(GraphNode n) {
    Circle circle = new Circle(RADIUS);
    circle
        .getStyleClass()
        .addAll("node-circle", "node-" + n.role().name().toLowerCase(Locale.ROOT));
    FontIcon icon = new FontIcon(Icons.forKind(n.kind()));
    icon.getStyleClass().add("node-icon");
    icon.setIconSize(22);
    StackPane badge = new StackPane(circle, icon);
    if (n.findings() > 0) {
      Label count = new Label(String.valueOf(n.findings()));
      count.getStyleClass().add("node-findings");
      StackPane.setAlignment(count, Pos.TOP_RIGHT);
      badge.getChildren().add(count);
    }
    badge.setMaxSize(2 * RADIUS + 8, 2 * RADIUS);
    Label name = new Label(shorten(n.label(), 22));
    name.getStyleClass().add("node-label");
    Label kind =
        new Label(
            switch (n.role()) {
              case ENTRY -> "entry · " + n.kind();
              case TARGET -> "crown jewel · " + n.kind();
              default -> n.kind();
            });
    kind.getStyleClass().add("node-kind");
    VBox box = new VBox(2, badge, name, kind);
    box.setAlignment(Pos.TOP_CENTER);
    box.setPrefWidth(120);
    box.setMinWidth(120);
    box.setMaxWidth(120);
    box.getStyleClass().add("graph-node");
    box.setUserData(n.id());
    Tooltip.install(
        box, new Tooltip(n.id() + (n.findings() > 0 ? "\n" + n.findings() + " finding(s)" : "")));
    box.setOnMouseClicked(
        e -> {
          if (!dragged) {
            highlight(n.id());
            onSelect.accept(n.id());
          }
          e.consume();
        });
    return box;
  }

  private Group edge(Position a, Position b, GraphEdge e) {
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double len = Math.max(1, Math.hypot(dx, dy));
    double ux = dx / len;
    double uy = dy / len;
    double sx = a.x() + ux * (RADIUS + 2);
    double sy = a.y() + uy * (RADIUS + 2);
    double ex = b.x() - ux * (RADIUS + 4);
    double ey = b.y() - uy * (RADIUS + 4);
    Line line = new Line(sx, sy, ex, ey);
    line.getStyleClass().addAll("edge-line", e.onPath() ? "edge-path" : "edge-around");
    double size = e.onPath() ? 10 : 7;
    Polygon head =
        new Polygon(
            ex,
            ey,
            ex - ux * size - uy * size * 0.6,
            ey - uy * size + ux * size * 0.6,
            ex - ux * size + uy * size * 0.6,
            ey - uy * size - ux * size * 0.6);
    head.getStyleClass().addAll("edge-head", e.onPath() ? "edge-path" : "edge-around");
    Label label = new Label(e.label());
    label
        .getStyleClass()
        .addAll("edge-label", e.onPath() ? "edge-label-path" : "edge-label-around");
    label.applyCss();
    double w = label.prefWidth(-1);
    double h = label.prefHeight(-1);
    label.setLayoutX((sx + ex) / 2 - w / 2);
    label.setLayoutY((sy + ey) / 2 - h / 2);
    return new Group(line, head, label);
  }

  private static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** The drawn entity nodes (for tests and keyboard access). */
  public Map<String, VBox> drawnNodes() {
    return Map.copyOf(drawn);
  }

  @Override
  protected void layoutChildren() {
    // The drawing is positioned by its transforms, not by layout.
  }
}
