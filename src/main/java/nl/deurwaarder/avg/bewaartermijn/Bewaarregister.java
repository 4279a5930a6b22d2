package nl.deurwaarder.avg.bewaartermijn;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A register whose entries carry a retention period: the Register AVG-verzoeken and the Register datalekken. It says
 * which entries are due and anonymises its own entry (the anonymous entry stays for trend analysis); the personal data
 * other capabilities hold for the same reference are removed by the {@link PersoonsgegevensOpruimer}s.
 */
public interface Bewaarregister {

  /** Short name for the log and the job's result, e.g. {@code verzoeken}. */
  String naam();

  /** References not yet anonymised whose moment of receipt/discovery lies before {@code grens}, after {@code vanaf}. */
  List<String> teAnonimiseren(OffsetDateTime grens, String vanaf, int aantal);

  /**
   * Anonymises the entry (in the caller's transaction). False when it was already done (e.g. by another node
   * meanwhile): the job then leaves the reference alone.
   */
  boolean anonimiseer(String referentie, OffsetDateTime grens, OffsetDateTime nu);

  /** Entries that are due and not yet anonymised (reports, tests). */
  int aantalOpenstaand(OffsetDateTime grens);
}
