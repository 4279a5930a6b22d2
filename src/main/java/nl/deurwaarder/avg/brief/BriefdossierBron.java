package nl.deurwaarder.avg.brief;

import java.util.Map;

/**
 * A source of letter data for one kind of reference: the Register AVG-verzoeken for {@code AVG-...}
 * ({@link VerzoekBriefdossiers}); breaches ({@code DL-...}) for now from the caller's input
 * ({@link DatalekBriefdossiers}), to be replaced by a source on the breach register. Add a bean to plug one in.
 */
public interface BriefdossierBron {

  /** Whether this source holds the file with this reference. */
  boolean kent(String referentie);

  /**
   * The file's addressee and data. {@code invoer} is what the caller supplied (process variables, input parameters);
   * a source may use it where it has no data of its own.
   */
  Briefdossier dossier(BriefType type, String referentie, Map<String, Object> invoer);

  /**
   * Writes a line about a letter in the file's own history (the register), inside the caller's transaction. The
   * line may name the recipient's address: the register is the place for it. Default: no history (yet).
   */
  default void logBrief(String referentie, String gebruiker, String regel) {
  }
}
