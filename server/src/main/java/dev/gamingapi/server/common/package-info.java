/**
 * The shared toolbox of every capability: paging ({@code Page}, {@code PageRequest}, keyset {@code
 * Cursors}), the rules for names and ids, the clock of stored times, JSON lists in columns, and the
 * request exceptions ({@code InvalidRequestException}, {@code NotFoundException}, {@code
 * ConflictException}, {@code ForbiddenException}) that carry their {@code ProblemKind}. It depends
 * on no other package of the server.
 */
package dev.gamingapi.server.common;
