package dev.tenet.reports.sign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF report with a local key: a detached CMS signature (adbe.pkcs7.detached) over the
 * whole file, appended as an incremental update so the report's bytes stay as written. It is a
 * certification signature that permits no later change, so readers flag any edit; no timestamp
 * authority is asked, since Tenet never leaves the machine: the signing time is the local clock's.
 */
public final class PdfSigner {
  /** Room for the CMS structure: a signature plus a chain of a few certificates. */
  private static final int SIGNATURE_BYTES = 32 * 1024;

  /** DocMDP permission 1: no change of any kind is permitted after signing. */
  private static final int NO_CHANGES = 1;

  static final String REASON = "Tenet assessment report: any change after signing is an alteration";

  private PdfSigner() {}

  /** Writes {@code pdf}, signed with {@code key} at {@code when}, to {@code out}. */
  public static void sign(byte[] pdf, SigningKey key, Instant when, OutputStream out)
      throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      if (!doc.getSignatureDictionaries().isEmpty()) {
        throw new SigningException("This PDF is already signed; a report is signed once.");
      }
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
      signature.setName(key.signerName());
      signature.setReason(REASON);
      Calendar signed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      signed.setTimeInMillis(when.toEpochMilli());
      signature.setSignDate(signed);
      certify(doc, signature);
      try (SignatureOptions options = new SignatureOptions()) {
        options.setPreferredSignatureSize(SIGNATURE_BYTES);
        doc.addSignature(signature, content -> cms(content, key), options);
        doc.saveIncremental(out);
      }
    }
  }

  private static byte[] cms(InputStream content, SigningKey key) throws IOException {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .build(
                  new JcaContentSignerBuilder(key.signatureAlgorithm()).build(key.privateKey()),
                  key.certificate()));
      generator.addCertificates(new JcaCertStore(key.chain()));
      return generator
          .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
          .getEncoded();
    } catch (OperatorCreationException | CMSException | java.security.cert.CertificateException e) {
      throw new SigningException(
          "Could not sign with this key: " + SigningKey.firstLine(e.getMessage()) + ".", e);
    }
  }

  /** Marks the signature as the document's certification (DocMDP), permitting no change. */
  private static void certify(PDDocument doc, PDSignature signature) {
    COSDictionary parameters = new COSDictionary();
    parameters.setItem(COSName.TYPE, COSName.TRANSFORM_PARAMS);
    parameters.setInt(COSName.P, NO_CHANGES);
    parameters.setName(COSName.V, "1.2");
    COSDictionary reference = new COSDictionary();
    reference.setItem(COSName.TYPE, COSName.SIG_REF);
    reference.setItem(COSName.TRANSFORM_METHOD, COSName.DOCMDP);
    reference.setItem(COSName.TRANSFORM_PARAMS, parameters);
    COSArray references = new COSArray();
    references.add(reference);
    signature.getCOSObject().setItem(COSName.REFERENCE, references);
    COSDictionary permissions = new COSDictionary();
    permissions.setItem(COSName.DOCMDP, signature);
    COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
    catalog.setItem(COSName.PERMS, permissions);
    catalog.setNeedToBeUpdated(true);
  }
}
