package nl.deurwaarder.avg.brief;

import nl.deurwaarder.avg.brief.Verzendregister.Verzending;

/**
 * How a letter travels in its e-mail. The standard form (in {@link BriefVerzenden}) attaches the archived PDF; a secure
 * delivery (package {@code levering}) replaces it by a mail with a link and no attachment, or by an encrypted PDF
 * ({@link BriefVerzenden#verstuur(BriefType, String, String, java.util.Map, String, Mailvorm)}).
 * Called once per attempt to send, right before the mail server is contacted; must give the same attachment on a
 * retry.
 */
public interface Mailvorm {

  /** An attachment of the mail. */
  record Bijlage(String bestandsnaam, byte[] inhoud, String contentType) {
  }

  /** The subject line (the letter's subject and reference by default). */
  String onderwerp(Verzending v, String referentie);

  /** Whether the mail may name the addressee (To header and salutation). */
  boolean metNaam();

  /** The plain-text body. */
  String tekst(Verzending v, String referentie, String aanhef);

  /** The attachment, or null for none. {@code briefPdf} is the archived letter. */
  Bijlage bijlage(Verzending v, String bestandsnaam, byte[] briefPdf);
}
