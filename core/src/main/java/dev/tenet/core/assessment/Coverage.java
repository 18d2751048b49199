package dev.tenet.core.assessment;

/**
 * How much of the scope Tenet could see.
 *
 * @param resources entities in the trust graph
 * @param relations relations in the trust graph
 * @param blindSpots resources or parts that could not be read (each is a coverage-gap finding)
 */
public record Coverage(int resources, int relations, int blindSpots) {}
