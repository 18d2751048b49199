package dev.tenet.app.gui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs work off the UI thread and hands results back to it: the one bridge between services and
 * JavaFX. ViewModels take it by constructor, so tests can run everything on one thread.
 */
public interface UiExecutor {
  /** A piece of background work that can be stopped. */
  interface Job {
    /** Interrupts the work (file writes and HTTP calls stop) and drops its result. */
    void cancel();
  }

  /**
   * Runs {@code work} in the background, then {@code onDone} or {@code onError} on the UI thread;
   * neither runs once the job was cancelled.
   */
  <T> Job run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError);

  /** Runs on the UI thread (later, if called from elsewhere). */
  void ui(Runnable action);

  /**
   * The JavaFX implementation: daemon threads for work (a scan, an export and a load may run at
   * once), Platform.runLater for results.
   */
  static UiExecutor javaFx() {
    ExecutorService pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "tenet-background");
              t.setDaemon(true);
              return t;
            });
    return new UiExecutor() {
      @Override
      public <T> Job run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future =
            pool.submit(
                () -> {
                  try {
                    T result = work.call();
                    Platform.runLater(
                        () -> {
                          if (!cancelled.get()) {
                            onDone.accept(result);
                          }
                        });
                  } catch (Exception e) {
                    Platform.runLater(
                        () -> {
                          if (!cancelled.get()) {
                            onError.accept(e);
                          }
                        });
                  }
                });
        return () -> {
          cancelled.set(true);
          future.cancel(true);
        };
      }

      @Override
      public void ui(Runnable action) {
        if (Platform.isFxApplicationThread()) {
          action.run();
        } else {
          Platform.runLater(action);
        }
      }
    };
  }

  /** Everything at once on the calling thread: for ViewModel tests. */
  static UiExecutor direct() {
    return new UiExecutor() {
      @Override
      public <T> Job run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError) {
        T result;
        try {
          result = work.call();
        } catch (Exception e) {
          onError.accept(e);
          return () -> {};
        }
        onDone.accept(result);
        return () -> {};
      }

      @Override
      public void ui(Runnable action) {
        action.run();
      }
    };
  }
}
