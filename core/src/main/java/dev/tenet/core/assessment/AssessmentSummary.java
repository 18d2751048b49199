package dev.tenet.core.assessment;

import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ScopeEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One line of history: an assessment without its findings. */
public record AssessmentSummary(
    String id,
    Instant startedAt,
    Instant finishedAt,
    List<ScopeEntry> scope,
    Integer overall,
    String grade,
    Map<Pillar, Integer> pillars,
    int findings,
    int blindSpots) {}
