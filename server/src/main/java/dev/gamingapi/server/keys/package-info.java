/**
 * NATS keys at rest: the key vault (operator, accounts, signing keys) with seeds encrypted under
 * the master key (AES-GCM), and files only the owner may read.
 */
package dev.gamingapi.server.keys;
