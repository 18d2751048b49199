package dev.tenet.app;

import dev.tenet.core.credentials.Redactor;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Every log line, as formatted (message, parameters and stack trace), through the redaction layer:
 * a library that logs a header or an exception message cannot print a token.
 */
public final class RedactingLogFormatter extends SimpleFormatter {
  @Override
  public String format(LogRecord record) {
    return Redactor.redact(super.format(record));
  }
}
