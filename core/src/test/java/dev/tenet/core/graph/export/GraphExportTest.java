package dev.tenet.core.graph.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.testing.PipelineGraph;
import dev.tenet.core.util.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The trust graph in GraphML and BloodHound OpenGraph, read back and checked against the formats.
 */
class GraphExportTest {

  /** A small graph with every attribute type and hostile text from a platform. */
  private static TrustGraph graph() {
    PipelineGraph p = PipelineGraph.org("acme");
    p.organization().set(Attr.MFA_REQUIRED, false).set(Attr.BASE_PERMISSION, "write");
    Entity bob = p.github().member("bob", "owner", false);
    bob.set(Attr.WEB_URL, "https://example.test/<script>&\"x\"\u0007");
    Entity repo = p.repository("web", "public");
    p.github().defaultBranch(repo).set(Attr.PROTECTED, true).set(Attr.REQUIRED_APPROVALS, 2);
    Entity wf = p.workflow(repo, "ci.yml", "push", "pull_request_target");
    p.relate(bob, RelationKind.CAN_ADMIN, repo).set("permission", "admin");
    p.relate(p.internet(), RelationKind.CAN_TRIGGER, wf);
    return p.graph();
  }

  private static byte[] export(GraphExport format, TrustGraph g) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.write(g, out);
    return out.toByteArray();
  }

  @Test
  void graphMlHasEveryEntityAndRelationWithTypedKeys() throws Exception {
    TrustGraph g = graph();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc =
        f.newDocumentBuilder().parse(new ByteArrayInputStream(export(GraphExport.GRAPHML, g)));
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("graphml");
    assertThat(root.getNamespaceURI()).isEqualTo("http://graphml.graphdrawing.org/xmlns");

    Map<String, String> types = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    NodeList keys = doc.getElementsByTagNameNS("*", "key");
    for (int i = 0; i < keys.getLength(); i++) {
      Element k = (Element) keys.item(i);
      types.put(
          k.getAttribute("for") + ":" + k.getAttribute("attr.name"), k.getAttribute("attr.type"));
      names.put(k.getAttribute("id"), k.getAttribute("attr.name"));
    }
    assertThat(types)
        .containsEntry("node:mfaEnabled", "boolean")
        .containsEntry("node:requiredApprovals", "long")
        .containsEntry("node:triggers", "string")
        .containsEntry("edge:role", "string")
        .containsEntry("edge:kind", "string");

    NodeList nodes = doc.getElementsByTagNameNS("*", "node");
    NodeList edges = doc.getElementsByTagNameNS("*", "edge");
    assertThat(nodes.getLength()).isEqualTo(g.entityCount());
    assertThat(edges.getLength()).isEqualTo(g.relationCount());

    Map<String, Map<String, String>> data = new HashMap<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element n = (Element) nodes.item(i);
      Map<String, String> values = new HashMap<>();
      NodeList d = n.getElementsByTagNameNS("*", "data");
      for (int j = 0; j < d.getLength(); j++) {
        Element e = (Element) d.item(j);
        values.put(names.get(e.getAttribute("key")), e.getTextContent());
      }
      data.put(n.getAttribute("id"), values);
    }
    Map<String, String> bob = data.get("github:acme#member/bob");
    assertThat(bob).containsEntry("kind", "user").containsEntry("mfaEnabled", "false");
    // Markup in platform text arrives as text; a control character XML cannot carry is replaced.
    assertThat(bob.get("webUrl")).isEqualTo("https://example.test/<script>&\"x\"\uFFFD");
    assertThat(data.get("github:acme/web#workflow/.github/workflows/ci.yml").get("triggers"))
        .isEqualTo("[\"push\",\"pull_request_target\"]");

    Set<String> edgeEnds = new HashSet<>();
    for (int i = 0; i < edges.getLength(); i++) {
      Element e = (Element) edges.item(i);
      edgeEnds.add(e.getAttribute("source") + ">" + e.getAttribute("target"));
    }
    assertThat(edgeEnds).contains("github:acme#member/bob>github:acme/web");
  }

  @Test
  void openGraphFollowsTheBloodHoundSchema() throws Exception {
    TrustGraph g = graph();
    JsonNode root = Json.mapper().readTree(export(GraphExport.BLOODHOUND, g));
    assertThat(root.path("metadata").path("source_kind").asText()).isEqualTo("Tenet");
    JsonNode nodes = root.path("graph").path("nodes");
    JsonNode edges = root.path("graph").path("edges");
    assertThat(nodes.size()).isEqualTo(g.entityCount());
    assertThat(edges.size()).isEqualTo(g.relationCount());

    Set<String> ids = new HashSet<>();
    for (JsonNode n : nodes) {
      assertThat(n.path("id").isTextual()).isTrue();
      ids.add(n.path("id").asText());
      JsonNode kinds = n.path("kinds");
      assertThat(kinds.isArray()).isTrue();
      assertThat(kinds.size()).isBetween(1, 3);
      kinds.forEach(k -> assertThat(k.asText()).matches("TN_[A-Za-z]+"));
      assertPropertiesArePrimitiveOrHomogeneousArrays(n.path("properties"));
    }
    for (JsonNode e : edges) {
      assertThat(e.path("kind").asText()).matches("TN_[A-Za-z]+");
      for (String end : List.of("start", "end")) {
        assertThat(e.path(end).path("match_by").asText()).isEqualTo("id");
        assertThat(ids).contains(e.path(end).path("value").asText());
      }
      assertPropertiesArePrimitiveOrHomogeneousArrays(e.path("properties"));
    }
    JsonNode wf = null;
    for (JsonNode n : nodes) {
      if (n.path("id").asText().endsWith("ci.yml")) {
        wf = n;
      }
    }
    assertThat(wf.path("kinds").get(0).asText()).isEqualTo("TN_Workflow");
    assertThat(wf.path("properties").path("triggers").get(1).asText())
        .isEqualTo("pull_request_target");
    assertThat(edges.findValuesAsText("kind"))
        .contains("TN_CanAdmin", "TN_CanTrigger", "TN_MemberOf");
  }

  private static void assertPropertiesArePrimitiveOrHomogeneousArrays(JsonNode properties) {
    assertThat(properties.isObject()).isTrue();
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode v = p.getValue();
      assertThat(v.isObject()).as(p.getKey()).isFalse();
      if (v.isArray()) {
        Set<String> types = new HashSet<>();
        v.forEach(item -> types.add(item.getNodeType().name()));
        assertThat(types).as(p.getKey()).hasSizeLessThanOrEqualTo(1);
        assertThat(types).as(p.getKey()).doesNotContain("OBJECT", "ARRAY");
      }
    }
  }
}
