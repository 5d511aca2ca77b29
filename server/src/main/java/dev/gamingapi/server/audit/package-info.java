/**
 * The audit log: who ({@code Actor}) changed what in the control plane, and when; written in the
 * same transaction as the change.
 */
package dev.gamingapi.server.audit;
