package nl.deurwaarder.avg.verwerker;

import java.time.LocalDate;

/** What a person fills in for a processor on the register page (new or changed). */
public record VerwerkerGegevens(
    String naam,
    String dienst,
    String contactNaam,
    String contactEmail,
    String contactTelefoon,
    LocalDate overeenkomstGetekendOp,
    LocalDate overeenkomstEindigtOp,
    Integer bezwaartermijnDagen,
    boolean buitenEer,
    String buitenEerLanden,
    String buitenEerWaarborg,
    LocalDate laatsteAuditOp,
    LocalDate laatsteBeveiligingsrapportOp,
    LocalDate verwijderverklaringOp) {
}
