package nl.deurwaarder.avg.archief;

import java.util.Optional;

/**
 * The register that holds the file an archive belongs to, for one kind of reference (the Register AVG-verzoeken for
 * {@code AVG-...}: {@code verzoek.VerzoekArchiefdossiers}). The archive knows no capability: the archive page asks
 * the source whether the file exists, whose it is, and lets it log an added document in the file's own history.
 * A reference no source knows (e.g. a breach, {@code DL-...}) has an archive without these checks.
 */
public interface ArchiefdossierBron {

  /** Whether this source holds files with this kind of reference. */
  boolean kent(String referentie);

  /** Whether the file with this reference is in the register. */
  boolean bestaat(String referentie);

  /** The data subject's name, for the page's title; empty when unknown. */
  Optional<String> naam(String referentie);

  /** One line in the file's history (the register) about a document added, inside the caller's transaction. */
  void stukToegevoegd(String referentie, String gebruiker, String regel);
}
