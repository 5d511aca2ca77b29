/**
 * The read models' lifecycle: one consumer per tenant started and stopped with its ownership, their
 * state and lag, rebuilds, and the erasure of a player. The models themselves live in the
 * sub-packages.
 */
package dev.gamingapi.server.readmodel;
