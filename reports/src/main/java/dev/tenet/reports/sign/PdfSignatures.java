package dev.tenet.reports.sign;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/** Reads and checks the signatures of a PDF: who signed, when, and whether the bytes still hold. */
public final class PdfSignatures {
  /** What became of a signature since it was made. */
  public enum State {
    /** The signed bytes are the whole file and the signature verifies. */
    INTACT,
    /** The signature verifies, but bytes were appended to the file after it was made. */
    CHANGED_AFTER_SIGNING,
    /** The signed bytes were altered, or the signature is not a valid one. */
    BROKEN
  }

  /**
   * One signature of the document.
   *
   * @param signer the signing certificate's common name (its subject without one), or the name the
   *     signature gives when the certificate is missing
   * @param certificateSha256 SHA-256 of the signing certificate (hex), or null when it is missing
   * @param reason why it is broken, or null
   */
  public record Signature(
      String signer, String certificateSha256, Instant signedAt, State state, String reason) {}

  private PdfSignatures() {}

  /** The document's signatures, in file order; none for an unsigned PDF. */
  public static List<Signature> read(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return read(doc, pdf);
    }
  }

  /** The same, for a document already loaded from {@code pdf}. */
  public static List<Signature> read(PDDocument doc, byte[] pdf) {
    List<Signature> found = new ArrayList<>();
    for (PDSignature signature : doc.getSignatureDictionaries()) {
      found.add(check(signature, pdf));
    }
    return found;
  }

  /** SHA-256 of a certificate's DER encoding, in lower-case hex. */
  public static String fingerprint(byte[] derCertificate) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(derCertificate));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Signature check(PDSignature signature, byte[] pdf) {
    Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
    String named = signature.getName() == null ? "an unnamed signer" : signature.getName();
    int[] range = signature.getByteRange();
    if (range == null || range.length != 4 || range[0] != 0 || !withinFile(range, pdf.length)) {
      return new Signature(
          named, null, signedAt, State.BROKEN, "its byte range does not lie within the file");
    }
    try {
      CMSSignedData cms =
          new CMSSignedData(
              new CMSProcessableByteArray(signature.getSignedContent(pdf)),
              contentInfo(signature.getContents()));
      Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        return new Signature(
            named,
            null,
            signedAt,
            State.BROKEN,
            "it holds " + signers.size() + " signers, not one");
      }
      SignerInformation signer = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> certificates =
          cms.getCertificates().getMatches(signer.getSID());
      if (certificates.isEmpty()) {
        return new Signature(
            named, null, signedAt, State.BROKEN, "it does not carry the signing certificate");
      }
      X509CertificateHolder certificate = certificates.iterator().next();
      String subject =
          SigningKey.commonName(
              new JcaX509CertificateConverter()
                  .getCertificate(certificate)
                  .getSubjectX500Principal());
      String sha = fingerprint(certificate.getEncoded());
      boolean valid;
      String reason = null;
      try {
        valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
      } catch (CMSException e) {
        // Thrown, among others, when the certificate was not valid at the signing time.
        valid = false;
        reason = SigningKey.firstLine(e.getMessage());
      }
      if (!valid) {
        return new Signature(
            subject,
            sha,
            signedAt,
            State.BROKEN,
            reason != null ? reason : "the signed bytes were altered");
      }
      boolean wholeFile = (long) range[2] + range[3] == pdf.length;
      return new Signature(
          subject,
          sha,
          signedAt,
          wholeFile ? State.INTACT : State.CHANGED_AFTER_SIGNING,
          wholeFile ? null : "bytes were added to the file after it was signed");
    } catch (CMSException | IOException | CertificateException | OperatorCreationException e) {
      return new Signature(
          named,
          null,
          signedAt,
          State.BROKEN,
          "its signature cannot be read (" + SigningKey.firstLine(e.getMessage()) + ")");
    } catch (RuntimeException e) {
      return new Signature(named, null, signedAt, State.BROKEN, "its signature cannot be read");
    }
  }

  /**
   * The CMS structure at the start of the signature's contents: the contents are padded with zeros
   * to the room reserved for them, which Bouncy Castle refuses as extra data.
   */
  private static ContentInfo contentInfo(byte[] contents) throws IOException {
    try (ASN1InputStream in = new ASN1InputStream(contents)) {
      ASN1Primitive first = in.readObject();
      if (first == null) {
        throw new IOException("the signature is empty");
      }
      return ContentInfo.getInstance(first);
    }
  }

  private static boolean withinFile(int[] range, int length) {
    return range[1] >= 0
        && range[2] >= range[1]
        && range[3] >= 0
        && (long) range[2] + range[3] <= length;
  }
}
