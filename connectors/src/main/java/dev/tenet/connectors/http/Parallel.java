package dev.tenet.connectors.http;

import dev.tenet.core.scan.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task per item on a few threads, stopping early on cancellation. */
public final class Parallel {
  private Parallel() {}

  /** A task that may wait on the network. */
  @FunctionalInterface
  public interface Task<T> {
    void run(T item) throws InterruptedException;
  }

  public static <T> void forEach(
      List<T> items, int threads, Cancellation cancellation, Task<T> task)
      throws InterruptedException {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())));
    try {
      List<Future<Void>> work = new ArrayList<>();
      for (T item : items) {
        work.add(
            pool.submit(
                () -> {
                  cancellation.check();
                  task.run(item);
                  return null;
                }));
      }
      for (Future<Void> f : work) {
        try {
          f.get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof CancellationException ce) {
            throw ce;
          }
          if (cause instanceof InterruptedException ie) {
            throw ie;
          }
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
