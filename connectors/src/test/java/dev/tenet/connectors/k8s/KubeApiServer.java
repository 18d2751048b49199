package dev.tenet.connectors.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local server answering the Kubernetes API's list calls (and API discovery) from a {@code
 * kubectl get -o json} export, checking a bearer token, for the live connector's tests. Paths can
 * be made to answer 403.
 */
final class KubeApiServer implements AutoCloseable {
  /** kind → (API path of its collection, group/version, plural, namespaced). */
  private record Resource(String kind, String groupVersion, String plural, boolean namespaced) {
    String path() {
      return (groupVersion.equals("v1") ? "/api/v1" : "/apis/" + groupVersion) + "/" + plural;
    }
  }

  private static final List<Resource> RESOURCES =
      List.of(
          new Resource("ClusterRole", "rbac.authorization.k8s.io/v1", "clusterroles", false),
          new Resource(
              "ClusterRoleBinding", "rbac.authorization.k8s.io/v1", "clusterrolebindings", false),
          new Resource("Role", "rbac.authorization.k8s.io/v1", "roles", true),
          new Resource("RoleBinding", "rbac.authorization.k8s.io/v1", "rolebindings", true),
          new Resource("ServiceAccount", "v1", "serviceaccounts", true),
          new Resource("Namespace", "v1", "namespaces", false),
          new Resource(
              "ValidatingWebhookConfiguration",
              "admissionregistration.k8s.io/v1",
              "validatingwebhookconfigurations",
              false),
          new Resource(
              "MutatingWebhookConfiguration",
              "admissionregistration.k8s.io/v1",
              "mutatingwebhookconfigurations",
              false),
          new Resource("ClusterPolicy", "kyverno.io/v1", "clusterpolicies", false),
          new Resource("Policy", "kyverno.io/v1", "policies", true));

  private final HttpServer server;
  private final String token;
  private final Map<String, List<JsonNode>> byKind = new LinkedHashMap<>();
  private final Map<String, Integer> refused = new ConcurrentHashMap<>();
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

  KubeApiServer(JsonNode export, String token) throws IOException {
    this.token = token;
    for (JsonNode item : export.path("items")) {
      byKind.computeIfAbsent(item.path("kind").asText(), k -> new ArrayList<>()).add(item);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void refuse(String path, int status) {
    refused.put(path, status);
  }

  /** A kubeconfig for this server, named like an EKS cluster. */
  String kubeconfig(String extraClusterFields) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: arn:aws:eks:eu-west-1:123456789012:cluster/acme-prod-eks
          cluster:
            server: %s
        %s
        contexts:
        - name: prod
          context:
            cluster: arn:aws:eks:eu-west-1:123456789012:cluster/acme-prod-eks
            user: auditor
        current-context: prod
        users:
        - name: auditor
          user:
            token: %s
        """
        .formatted(url(), extraClusterFields, token);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    requests.add(path);
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    authorizations.add(auth == null ? "" : auth);
    if (!("Bearer " + token).equals(auth)) {
      status(ex, 401, "Unauthorized");
      return;
    }
    Integer refusal = refused.get(path);
    if (refusal != null) {
      status(ex, refusal, refusal == 403 ? "Forbidden" : "InternalError");
      return;
    }
    for (Resource r : RESOURCES) {
      if (path.equals(r.path())) {
        list(ex, r);
        return;
      }
    }
    if (path.equals("/api/v1/namespaces/kube-system/configmaps/aws-auth")) {
      for (JsonNode cm : byKind.getOrDefault("ConfigMap", List.of())) {
        if (cm.path("metadata").path("name").asText().equals("aws-auth")) {
          send(ex, 200, cm);
          return;
        }
      }
    }
    if (path.equals("/apis")) {
      ObjectNode groups =
          Json.mapper().createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
      ArrayNode list = groups.putArray("groups");
      for (String gv :
          List.of(
              "rbac.authorization.k8s.io/v1", "admissionregistration.k8s.io/v1", "kyverno.io/v1")) {
        String group = gv.substring(0, gv.indexOf('/'));
        ObjectNode g = list.addObject().put("name", group);
        g.putArray("versions").addObject().put("groupVersion", gv).put("version", "v1");
        g.putObject("preferredVersion").put("groupVersion", gv).put("version", "v1");
      }
      send(ex, 200, groups);
      return;
    }
    if (path.startsWith("/apis/") && path.chars().filter(c -> c == '/').count() == 3) {
      String gv = path.substring("/apis/".length());
      List<Resource> in = RESOURCES.stream().filter(r -> r.groupVersion().equals(gv)).toList();
      if (!in.isEmpty()) {
        ObjectNode list =
            Json.mapper()
                .createObjectNode()
                .put("kind", "APIResourceList")
                .put("apiVersion", "v1")
                .put("groupVersion", gv);
        ArrayNode resources = list.putArray("resources");
        for (Resource r : in) {
          ObjectNode res =
              resources
                  .addObject()
                  .put("name", r.plural())
                  .put("kind", r.kind())
                  .put("namespaced", r.namespaced())
                  .put("singularName", "");
          res.putArray("verbs").add("get").add("list").add("watch");
        }
        send(ex, 200, list);
        return;
      }
    }
    status(ex, 404, "NotFound");
  }

  private void list(HttpExchange ex, Resource r) throws IOException {
    ObjectNode list = Json.mapper().createObjectNode();
    list.put("kind", r.kind() + "List").put("apiVersion", r.groupVersion());
    list.putObject("metadata").put("resourceVersion", "4711");
    ArrayNode items = list.putArray("items");
    for (JsonNode item : byKind.getOrDefault(r.kind(), List.of())) {
      ObjectNode copy = item.deepCopy();
      // Items of a typed list carry no kind or apiVersion, as in the real API.
      copy.remove("kind");
      copy.remove("apiVersion");
      items.add(copy);
    }
    send(ex, 200, list);
  }

  private static void status(HttpExchange ex, int code, String reason) throws IOException {
    ObjectNode status = Json.mapper().createObjectNode();
    status
        .put("kind", "Status")
        .put("apiVersion", "v1")
        .put("status", "Failure")
        .put("message", "the server says " + reason.toLowerCase())
        .put("reason", reason)
        .put("code", code);
    send(ex, code, status);
  }

  private static void send(HttpExchange ex, int code, JsonNode body) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  static JsonNode read(byte[] content) throws IOException {
    return Json.mapper().readTree(new String(content, StandardCharsets.UTF_8));
  }
}
