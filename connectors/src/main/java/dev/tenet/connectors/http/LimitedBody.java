package dev.tenet.connectors.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: an API answer is untrusted, and one that never
 * ends (or announces gigabytes) must fail as an invalid response, not exhaust the heap.
 */
final class LimitedBody implements HttpResponse.BodyHandler<byte[]> {
  /** The body was larger than allowed. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super(
          "larger than "
              + (limit >= 1024 * 1024 ? (limit / (1024 * 1024)) + " MiB" : limit + " bytes"));
    }

    /** The client rethrows a body's failure wrapped in a new IOException: find it in the chain. */
    static TooLarge in(Throwable error) {
      for (Throwable t = error; t != null; t = t.getCause()) {
        if (t instanceof TooLarge tl) {
          return tl;
        }
      }
      return null;
    }
  }

  private final long limit;

  LimitedBody(long limit) {
    this.limit = limit;
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    long announced = info.headers().firstValueAsLong("content-length").orElse(-1);
    return new Subscriber(limit, announced > limit);
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final boolean refuseAtOnce;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    Subscriber(long limit, boolean refuseAtOnce) {
      this.limit = limit;
      this.refuseAtOnce = refuseAtOnce;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (refuseAtOnce) {
        subscription.cancel();
        result.completeExceptionally(new TooLarge(limit));
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : buffers) {
        if (bytes.size() + (long) b.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge(limit));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
