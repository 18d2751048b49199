/**
 * Cross-system links: relations between entities that different connectors reported and that no
 * connector can see alone, made after collection and before the rules run. A pipeline in one system
 * reaching a role in another (OIDC federation), a cloud role acting as a cluster identity. Pure:
 * the graph in, relations added.
 */
package dev.tenet.core.link;
