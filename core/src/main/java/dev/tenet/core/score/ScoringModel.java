package dev.tenet.core.score;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.Severity;
import dev.tenet.core.util.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights and thresholds of scoring, read from {@code scoring.yaml}.
 *
 * @param exposureFactor how many times its points a finding on an attack path costs
 */
public record ScoringModel(
    String name,
    Map<Severity, Double> severityWeights,
    double unknownFactor,
    double exposureFactor,
    Map<Pillar, Double> pillarWeights,
    Map<String, Integer> grades) {

  public static ScoringModel standard() {
    try (InputStream in = ScoringModel.class.getResourceAsStream("/dev/tenet/core/scoring.yaml")) {
      JsonNode root = Yaml.readTree(in);
      Map<Severity, Double> severity = new EnumMap<>(Severity.class);
      root.path("severityWeights")
          .properties()
          .forEach(e -> severity.put(Severity.fromId(e.getKey()), e.getValue().asDouble()));
      Map<Pillar, Double> pillars = new EnumMap<>(Pillar.class);
      root.path("pillarWeights")
          .properties()
          .forEach(e -> pillars.put(Pillar.fromId(e.getKey()), e.getValue().asDouble()));
      Map<String, Integer> grades = new LinkedHashMap<>();
      root.path("grades").properties().forEach(e -> grades.put(e.getKey(), e.getValue().asInt()));
      return new ScoringModel(
          root.path("model").asText(),
          severity,
          root.path("unknownFactor").asDouble(),
          root.path("exposureFactor").asDouble(1),
          pillars,
          grades);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public double weight(Severity severity) {
    return severityWeights.getOrDefault(severity, 0.0);
  }

  public String grade(int score) {
    for (Map.Entry<String, Integer> g : grades.entrySet()) {
      if (score >= g.getValue()) {
        return g.getKey();
      }
    }
    return "F";
  }
}
