package nl.deurwaarder.avg.kantoor;

import java.time.LocalDate;

/**
 * The report's section "Verwerkers" (processors late with their obligations, e.g. a breach reported after more than
 * 24 hours or a request forwarded after more than 3 working days, PH-ORG-05 §7, §8; sub-processor objections, audits,
 * agreements ending). Implemented by the register of processors ({@code verwerker.Verwerkersrapportage}); it lives in
 * the shared room {@code kantoor} so that neither the report (package privacyrapportage) depends on that capability
 * nor the capability on the report. Without such a bean the report says that the register does not exist
 * ({@link #GEEN_REGISTER}) — it does not pretend there were no late processors.
 */
public interface VerwerkersCijfers {

  String GEEN_REGISTER = "Het register van verwerkers bestaat in deze versie nog niet; cijfers over verwerkers die te"
      + " laat waren (melding van een datalek binnen 24 uur, doorsturen van een verzoek binnen 3 werkdagen) volgen"
      + " zodra het verwerkersregister is ingevoerd.";

  /** The section's Dutch text for the days {@code van} up to but not including {@code tot}; no personal data. */
  String samenvatting(LocalDate van, LocalDate tot);
}
