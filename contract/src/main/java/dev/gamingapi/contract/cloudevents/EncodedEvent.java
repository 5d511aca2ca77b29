package dev.gamingapi.contract.cloudevents;

import java.util.Map;

/** An event ready for the wire: its subject, its headers (in write order) and its JSON body. */
public record EncodedEvent(String subject, Map<String, String> headers, byte[] body) {}
