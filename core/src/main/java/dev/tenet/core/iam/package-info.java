/**
 * The AWS IAM policy language, pure: parsing policy documents (identity, resource and trust
 * policies), evaluating conditions with IAM's semantics (StringEquals vs StringLike, set
 * qualifiers, IfExists, negation) and summarizing what identity policies grant.
 */
package dev.tenet.core.iam;
