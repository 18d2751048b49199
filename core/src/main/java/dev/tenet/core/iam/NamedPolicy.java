package dev.tenet.core.iam;

/**
 * A policy in force on a principal, named as the user would recognise it: the managed policy's
 * name, or "inline:NAME", or "group GROUP: NAME" when it comes through a group.
 */
public record NamedPolicy(String name, PolicyDocument document) {}
