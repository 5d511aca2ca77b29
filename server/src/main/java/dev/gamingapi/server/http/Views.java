package dev.gamingapi.server.http;

import dev.gamingapi.server.accounts.Share;
import dev.gamingapi.server.accounts.plans.Plan;
import dev.gamingapi.server.resolver.BrokerStorage;
import java.time.Instant;
import java.util.List;

/** Response shapes that differ from the domain records. */
final class Views {
  private Views() {}

  /** A plan as {@code GET /plans} shows it. */
  record PlanView(
      String name,
      long memoryStorage,
      long diskStorage,
      long streams,
      long consumers,
      long maxPayload,
      long eventMaxAgeSeconds,
      long eventMaxBytes,
      long connections,
      long apiRequestsPerMinute) {
    static PlanView of(Plan plan) {
      return new PlanView(
          plan.name(),
          plan.memoryStorage(),
          plan.diskStorage(),
          plan.streams(),
          plan.consumers(),
          plan.maxPayload(),
          plan.eventMaxAge().toSeconds(),
          plan.eventMaxBytes(),
          plan.connections(),
          plan.apiRequestsPerMinute());
    }
  }

  /** A share as its granting account sees it. */
  record ShareView(String id, String grantee, List<String> servers, Instant createdAt) {
    static ShareView of(Share share) {
      return new ShareView(share.id(), share.grantee(), share.servers(), share.createdAt());
    }
  }

  /** The health of the platform. */
  record Health(String status, String broker, String database, String version) {}

  /** What the broker's nodes can still reserve for streams ({@code GET /api/v1/broker/storage}). */
  record BrokerStorageView(List<NodeStorage> nodes) {
    static BrokerStorageView of(List<BrokerStorage> nodes) {
      return new BrokerStorageView(
          nodes.stream()
              .map(
                  node ->
                      new NodeStorage(
                          node.node(),
                          new Reservable(
                              node.maxMemory(), node.reservedMemory(), node.remainingMemory()),
                          new Reservable(
                              node.maxStorage(), node.reservedStorage(), node.remainingStorage())))
              .toList());
    }
  }

  /** One node's memory and disk. */
  record NodeStorage(String node, Reservable memory, Reservable disk) {}

  /** Bytes JetStream may use, already reserved by streams' limits, and left to reserve. */
  record Reservable(long max, long reserved, long remaining) {}
}
