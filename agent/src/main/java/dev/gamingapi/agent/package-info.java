/**
 * The GamingAPI agent: a process that runs on a game-server host, beside servers that link no
 * GamingAPI library, turns what they write (Source-engine and Minecraft logs, any log file, JSON
 * posted to a local HTTP door) into catalog events published through the SDK's journal, and hands
 * the platform's commands on to them (RCON, a local HTTP outlet, a shell command).
 *
 * <p>It depends on the SDK and the contract only, never on the platform.
 */
package dev.gamingapi.agent;
