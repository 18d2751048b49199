package dev.tenet.core.store.credentials;

/**
 * Cost of deriving the vault key from its passphrase with Argon2id (RFC 9106).
 *
 * <p>The default is RFC 9106's second recommended option (t=3, m=64 MiB, p=4), meant for machines
 * that cannot spare 2 GiB: every guess at the passphrase costs an attacker 64 MiB of memory, which
 * is what makes GPU and ASIC cracking expensive, and it takes well under a second on a laptop.
 * Files may carry other parameters (they are stored in the vault's header); a reader accepts only
 * the range below, so a hostile file cannot make Tenet allocate gigabytes or derive a key with
 * almost no cost.
 *
 * @param memoryKib memory in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record Argon2Params(int memoryKib, int iterations, int parallelism) {
  public static final Argon2Params DEFAULT = new Argon2Params(64 * 1024, 3, 4);

  static final int MIN_MEMORY_KIB = 8 * 1024;
  static final int MAX_MEMORY_KIB = 512 * 1024;
  static final int MAX_ITERATIONS = 64;
  static final int MAX_PARALLELISM = 16;

  /** Whether a file may ask for these parameters. */
  public boolean acceptable() {
    return memoryKib >= MIN_MEMORY_KIB
        && memoryKib <= MAX_MEMORY_KIB
        && iterations >= 1
        && iterations <= MAX_ITERATIONS
        && parallelism >= 1
        && parallelism <= MAX_PARALLELISM
        && memoryKib >= 8 * parallelism;
  }

  /** Whether these cost an attacker less than {@code other} does. */
  public boolean weakerThan(Argon2Params other) {
    return memoryKib < other.memoryKib || iterations < other.iterations;
  }

  @Override
  public String toString() {
    return "Argon2id(m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism + ")";
  }
}
