package dev.tenet.app.service;

/**
 * A connection to scan, as the user described it.
 *
 * @param platform github, gitlab (others as their connectors arrive)
 * @param baseUrl the API base URL
 * @param target the organization or group
 * @param tokenVariable the environment variable holding its token (never the token itself)
 */
public record ConnectionSpec(
    String platform, String baseUrl, String target, String tokenVariable) {}
