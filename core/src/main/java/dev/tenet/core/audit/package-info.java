/**
 * Tenet's audit trail of its own actions (scans, exports, risk acceptances, credentials, forgotten
 * organizations), kept in the assessment store by {@link dev.tenet.core.store.AuditLog}.
 */
package dev.tenet.core.audit;
