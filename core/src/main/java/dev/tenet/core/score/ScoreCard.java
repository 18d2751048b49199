package dev.tenet.core.score;

import dev.tenet.core.model.Pillar;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Overall and per-pillar scores of an assessment.
 *
 * @param overall 0-100, or null when no pillar could be assessed
 * @param model the scoring model that produced it, e.g. tenet-score/1
 */
public record ScoreCard(
    Integer overall, String grade, Map<Pillar, PillarScore> pillars, String model) {
  public ScoreCard {
    pillars = Collections.unmodifiableMap(new EnumMap<>(pillars));
  }

  public PillarScore pillar(Pillar pillar) {
    return pillars.get(pillar);
  }
}
