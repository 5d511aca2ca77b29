package dev.gamingapi.server.notify;

import java.util.List;

/**
 * What a request says about a rule; a null field is "not given" (the default on create, unchanged
 * on update).
 *
 * @param name a label for people
 * @param kind {@code discord} or {@code webhook}; only on create
 * @param url the endpoint
 * @param eventTypes event types or families ({@code player.*}); empty: all but heartbeats
 * @param servers server ids; empty: all
 * @param template message text with placeholders; an empty string on update goes back to the
 *     default
 * @param ratePerMinute deliveries a minute at most
 * @param paused true pauses, false resumes (and forgets the failing streak)
 */
public record RuleSpec(
    String name,
    String kind,
    String url,
    List<String> eventTypes,
    List<String> servers,
    String template,
    Integer ratePerMinute,
    Boolean paused) {}
