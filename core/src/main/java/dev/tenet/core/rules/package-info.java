/**
 * The rules Tenet evaluates, one small class per rule with its metadata beside it, grouped by
 * platform. {@link dev.tenet.core.rules.StandardRules} is the one list of them.
 */
package dev.tenet.core.rules;
