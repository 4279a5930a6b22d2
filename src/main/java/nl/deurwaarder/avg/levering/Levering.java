package nl.deurwaarder.avg.levering;

import java.time.OffsetDateTime;

/**
 * One delivery of a reply through a secure channel (PH-PRO-01 §6): a row of {@code avg_levering}. The package itself
 * ({@code pakket}) is read separately; it is null once the delivery expired or was locked.
 */
public record Levering(long id, String referentie, String sleutel, Verzendwijze verzendwijze, Status status,
    String tokenHash, String codeHash, Codekanaal codeKanaal, String bestandsnaam, String contentType,
    Long archiefstukId, int misluktePogingen, OffsetDateTime aangemaaktOp, OffsetDateTime verzondenOp,
    OffsetDateTime verlooptOp, OffsetDateTime opgehaaldOp, OffsetDateTime verwijderdOp) {

  /** The secure ways of PH-PRO-01 §6 that this package handles (register value {@code verzendwijze}). */
  public enum Verzendwijze { BEVEILIGDE_LINK, BEVEILIGDE_EMAIL }

  /** Where the delivery stands. */
  public enum Status {
    /** Package made; the code (link) or password (e-mail) has not gone out yet. */
    VOORBEREID,
    /** The code or password went out over the second channel. */
    CODE_VERZONDEN,
    /** The mail went out: the package can be fetched (link) or opened (e-mail). */
    VERZONDEN,
    /** Too many wrong codes: the package is removed from the portal. */
    GEBLOKKEERD,
    /** The fetch period passed: the package is removed from the portal. */
    VERLOPEN
  }

  /** How the access code or the password reaches the data subject. */
  public enum Codekanaal { SMS, POST }

  /** Whether the portal may show this package at moment {@code nu}. */
  public boolean ophaalbaar(OffsetDateTime nu) {
    return verzendwijze == Verzendwijze.BEVEILIGDE_LINK && status == Status.VERZONDEN && verwijderdOp == null
        && verlooptOp != null && nu.isBefore(verlooptOp);
  }
}
