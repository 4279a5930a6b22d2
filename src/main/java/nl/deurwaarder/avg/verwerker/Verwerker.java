package nl.deurwaarder.avg.verwerker;

import java.time.LocalDate;
import java.util.List;

/**
 * An entry of the register of processors (PH-ORG-05; AVG art. 28 and 30(1)(d)): the processor, its service, the
 * contact person, the agreement (signed, ends, objection period for sub-processors, the signed copy in the archive under
 * {@code referentie}), its sub-processors, processing outside the EEA and its safeguard, the last audit and security
 * report, the deletion/return statement at the end, the status; and what links to it: the processings of the
 * verwerkingsregister ({@code verwerkingen}, codes), the breaches it reported ({@code datalekken}) and the reports it
 * passed on too late ({@code termijnoverschrijdingen}). Names as in spec/api.md.
 */
public record Verwerker(
    long id,
    String referentie,
    String naam,
    String dienst,
    String contactNaam,
    String contactEmail,
    String contactTelefoon,
    LocalDate overeenkomstGetekendOp,
    LocalDate overeenkomstEindigtOp,
    int bezwaartermijnDagen,
    boolean buitenEer,
    String buitenEerLanden,
    String buitenEerWaarborg,
    LocalDate laatsteAuditOp,
    LocalDate laatsteBeveiligingsrapportOp,
    LocalDate verwijderverklaringOp,
    VerwerkerStatus status,
    List<Long> overeenkomstDocumenten,
    List<Subverwerker> subverwerkers,
    List<String> verwerkingen,
    List<String> datalekken,
    List<Termijnoverschrijding> termijnoverschrijdingen) {
}
