/**
 * The trust graph in other tools' formats: GraphML (yEd, Gephi, NetworkX, Neo4j's APOC) and
 * BloodHound OpenGraph JSON. Both stream, so a graph of a million relations exports in constant
 * memory beyond the graph itself. Text from the platforms is untrusted: it is escaped (and
 * characters XML cannot carry are replaced), never interpreted.
 */
package dev.tenet.core.graph.export;
