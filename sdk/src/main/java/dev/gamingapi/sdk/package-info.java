/**
 * The GamingAPI Java SDK.
 *
 * <p>Game servers publish with {@link dev.gamingapi.sdk.GameServerClient}: events are validated,
 * written to an on-disk journal and then sent to the broker in order, surviving broker outages and
 * crashes of the game server. Owners and apps read with {@link dev.gamingapi.sdk.EventReader}:
 * replay what is stored, or subscribe to what comes. A game server runs the commands sent to it
 * with {@link dev.gamingapi.sdk.CommandReceiver}; bots and backends send them with {@link
 * dev.gamingapi.sdk.CommandSender} (over the REST API). Anything else of the REST API is at hand
 * through {@link dev.gamingapi.sdk.rest.RestClient}.
 *
 * <p>Errors the SDK raises itself extend {@link dev.gamingapi.sdk.GamingApiException}; bad input is
 * reported with the contract's exceptions ({@code dev.gamingapi.contract.ContractException}).
 * Everything in an {@code internal} package may change without notice.
 */
package dev.gamingapi.sdk;
