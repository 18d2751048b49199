package dev.tenet.app.gui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs work off the UI thread and hands results back to it: the one bridge between services and
 * JavaFX. ViewModels take it by constructor, so tests can run everything on one thread.
 */
public interface UiExecutor {
  /**
   * Runs {@code work} in the background, then {@code onDone} or {@code onError} on the UI thread.
   */
  <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError);

  /** Runs on the UI thread (later, if called from elsewhere). */
  void ui(Runnable action);

  /** The JavaFX implementation: a small daemon pool for work, Platform.runLater for results. */
  static UiExecutor javaFx() {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "tenet-background");
              t.setDaemon(true);
              return t;
            });
    return new UiExecutor() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError) {
        pool.submit(
            () -> {
              try {
                T result = work.call();
                Platform.runLater(() -> onDone.accept(result));
              } catch (Exception e) {
                Platform.runLater(() -> onError.accept(e));
              }
            });
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
      public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError) {
        T result;
        try {
          result = work.call();
        } catch (Exception e) {
          onError.accept(e);
          return;
        }
        onDone.accept(result);
      }

      @Override
      public void ui(Runnable action) {
        action.run();
      }
    };
  }
}
