package dev.tenet.core.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/** Turns SQLite failures into one sentence that says what happened to which file. */
final class SqlErrors {
  private SqlErrors() {}

  static StoreException describe(Throwable error, Path db, String action) {
    SQLException sql = find(error);
    int code = sql instanceof SQLiteException se ? se.getResultCode().code & 0xff : -1;
    if (code < 0 && sql != null) {
      code = sql.getErrorCode() & 0xff;
    }
    String what =
        switch (code) {
          case 13 -> "the disk is full";
          case 8 -> "the database or its folder is read-only";
          case 5, 6 -> "another Tenet process is using it; try again when it has finished";
          case 14 -> "the file cannot be opened (missing folder or no permission)";
          case 23 -> "permission denied";
          case 10 -> "an input/output error occurred (disk failing or full?)";
          case 11, 26 -> "it is not a Tenet database, or it is damaged";
          default -> null;
        };
    if (what == null) {
      String detail = sql != null ? sql.getMessage() : error.getMessage();
      what = detail == null ? error.getClass().getSimpleName() : firstLine(detail);
    }
    return new StoreException("Could not " + action + " " + db + ": " + what + ".", error);
  }

  private static SQLException find(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
