package dev.gamingapi.server.http;

import dev.gamingapi.server.accounts.Share;
import dev.gamingapi.server.accounts.plans.Plan;
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
}
