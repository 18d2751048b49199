package dev.tenet.reports;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one report format of an assessment. One implementation per format. */
public interface ReportWriter {
  /** The format id used on the command line: json, sarif, csv, html, pdf. */
  String format();

  /** The usual file extension, without the dot. */
  String extension();

  void write(ReportInput input, OutputStream out) throws IOException;
}
