package dev.tenet.core.store.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.tenet.core.credentials.CredentialException;
import dev.tenet.core.credentials.Redactor;
import dev.tenet.core.credentials.Secret;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The OS keychain through java-keyring: entries under the service name {@value #SERVICE}, one per
 * credential name. Every call has a time limit, because a keychain may wait for an unlock prompt
 * nobody answers (or a D-Bus service that never replies); a call that runs out says so.
 */
public final class OsKeychain implements Keychain {
  static final String SERVICE = "dev.tenet";

  private final Duration probeLimit;
  private final Duration callLimit;
  private final ExecutorService calls =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tenet-keychain");
            t.setDaemon(true);
            return t;
          });
  private volatile Keyring keyring;
  private volatile String unavailable;

  public OsKeychain() {
    this(Duration.ofSeconds(10), Duration.ofMinutes(2));
  }

  OsKeychain(Duration probeLimit, Duration callLimit) {
    this.probeLimit = probeLimit;
    this.callLimit = callLimit;
  }

  @Override
  public synchronized Optional<String> unavailable() {
    if (keyring == null && unavailable == null) {
      try {
        keyring = call(Keyring::create, probeLimit);
      } catch (CredentialException e) {
        unavailable = e.getMessage();
      }
    }
    return Optional.ofNullable(unavailable);
  }

  @Override
  public Optional<Secret> read(String name) {
    Keyring k = require();
    try {
      String value = call(() -> k.getPassword(SERVICE, name), callLimit);
      return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Secret.of(value));
    } catch (CredentialException e) {
      if (e.getCause() instanceof PasswordAccessException) {
        // The backends report a missing entry and a refused one alike.
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void write(String name, Secret secret) {
    Keyring k = require();
    call(
        () -> {
          k.setPassword(SERVICE, name, secret.reveal());
          return null;
        },
        callLimit);
  }

  @Override
  public boolean delete(String name) {
    Keyring k = require();
    if (read(name).isEmpty()) {
      return false;
    }
    call(
        () -> {
          k.deletePassword(SERVICE, name);
          return null;
        },
        callLimit);
    return true;
  }

  private Keyring require() {
    Optional<String> why = unavailable();
    if (why.isPresent()) {
      throw new CredentialException(why.get());
    }
    return keyring;
  }

  private <T> T call(Callable<T> work, Duration limit) {
    Future<T> future = calls.submit(work);
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new CredentialException(
          "The OS keychain did not answer within "
              + limit.toSeconds()
              + " s (is it locked, waiting for a prompt?); use the vault (--store vault) or an"
              + " environment variable (env:VAR) instead.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialException("Interrupted while waiting for the OS keychain.", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BackendNotSupportedException) {
        throw new CredentialException(noBackend(), cause);
      }
      throw new CredentialException(
          "The OS keychain refused the request ("
              + Redactor.redact(String.valueOf(cause.getMessage()))
              + ").",
          cause);
    }
  }

  /** Why no keychain answered, in the words of the platform at hand. */
  static String noBackend() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String why =
        os.contains("linux") || os.contains("bsd")
            ? "No OS keychain is reachable: on Linux, Tenet uses the Secret Service (GNOME Keyring,"
                + " KWallet) over a D-Bus session, and none answered here."
            : "The OS keychain cannot be reached from this session.";
    return why
        + " Store the token in Tenet's encrypted vault instead (--store vault), or reference an"
        + " environment variable (env:VAR) for headless runs.";
  }
}
