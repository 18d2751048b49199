package dev.tenet.connectors.registry;

import dev.tenet.connectors.http.ApiClient;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import java.time.Duration;

/** Counts a registry connection's requests and reports its waits to the scan. */
public final class Observers {
  private Observers() {}

  public static ApiClient.Observer of(CollectContext context, ScopeEntry scope) {
    return new ApiClient.Observer() {
      @Override
      public void requestSent(String path, int status, boolean notModified) {
        context.countRequest(notModified);
      }

      @Override
      public void waiting(Duration duration, String reason) {
        context.waiting(scope, duration, reason);
      }
    };
  }
}
