/**
 * Kubernetes RBAC, pure: parsing a role's rules and summarizing what they grant (administrator,
 * wildcards, reading secrets, the verbs that let an identity raise its own rights).
 */
package dev.tenet.core.rbac;
