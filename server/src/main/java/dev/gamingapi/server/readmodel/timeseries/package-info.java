/**
 * The time-series model: events and players online per server and minute, events per player and ten
 * minutes, kept for {@link dev.gamingapi.server.readmodel.timeseries.Retention#DAYS} days; the
 * folds of a batch and the queries of the charts.
 */
package dev.gamingapi.server.readmodel.timeseries;
