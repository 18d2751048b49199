package dev.tenet.app.service;

/**
 * A connection to scan, as the user described it.
 *
 * @param platform github, gitlab (others as their connectors arrive)
 * @param baseUrl the API base URL
 * @param target the organization or group
 * @param credential where its token is: {@code keychain:NAME}, {@code vault:NAME}, {@code env:VAR},
 *     or a stored credential's name (a bare environment variable name, as {@code --token-env}
 *     gives, also works); never the token itself
 */
public record ConnectionSpec(String platform, String baseUrl, String target, String credential) {}
