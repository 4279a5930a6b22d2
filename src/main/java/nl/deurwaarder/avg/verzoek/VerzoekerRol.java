package nl.deurwaarder.avg.verzoek;

import static nl.deurwaarder.avg.verzoek.Verificatiebewijs.BESCHIKKING;
import static nl.deurwaarder.avg.verzoek.Verificatiebewijs.BEWINDREGISTER;
import static nl.deurwaarder.avg.verzoek.Verificatiebewijs.BRIEFPAPIER_OF_ORDE;
import static nl.deurwaarder.avg.verzoek.Verificatiebewijs.BSN_CIJFERS;
import static nl.deurwaarder.avg.verzoek.Verificatiebewijs.DOSSIERGEGEVENS;
import static nl.deurwaarder.avg.verzoek.Verificatiebewijs.GEZAGSBEWIJS;
import static nl.deurwaarder.avg.verzoek.Verificatiebewijs.IDENTITEITSBEWIJS;
import static nl.deurwaarder.avg.verzoek.Verificatiebewijs.IDENTITEITSBEWIJS_VERZOEKER;
import static nl.deurwaarder.avg.verzoek.Verificatiebewijs.MACHTIGING;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who files the request (PH-PRO-01 §3.2), with exactly what must be checked for that role before the request can be
 * handled. The verification task shows this list, offers only this role's evidence and the server accepts a positive
 * verification only when the role's {@link #bewijsregel() rule} is met. This enum is the one table of it; see
 * docs/identiteitsverificatie.md.
 */
public enum VerzoekerRol {
  BETROKKENE("de betrokkene zelf", List.of(
      "Kopie paspoort, rijbewijs of identiteitskaart (BSN en pasfoto afgeschermd), of",
      "de laatste 3 cijfers van het burgerservicenummer, of",
      "de combinatie van dossiernummer, achternaam, volledige voorletters en woonadres.",
      "Bij twijfel: vraag aanvullende informatie op."),
      List.of(EnumSet.of(IDENTITEITSBEWIJS, BSN_CIJFERS, DOSSIERGEGEVENS))),
  GEMACHTIGDE("informele gemachtigde (derde)", List.of(
      "Een door de betrokkene ondertekende verklaring die deze derde als gemachtigde aanwijst.",
      "Kopie van een geldig identiteitsbewijs van de betrokkene.",
      "Kopie van een geldig identiteitsbewijs van de verzoeker."),
      List.of(EnumSet.of(MACHTIGING), EnumSet.of(IDENTITEITSBEWIJS), EnumSet.of(IDENTITEITSBEWIJS_VERZOEKER))),
  WETTELIJK_VERTEGENWOORDIGER("wettelijk vertegenwoordiger", List.of(
      "Kopie van de beschikking waarbij de vertegenwoordiger (bijv. curator of mentor) is aangesteld."),
      List.of(EnumSet.of(BESCHIKKING))),
  GEZAGHEBBER_MINDERJARIGE("gezaghebbende ouder of voogd van een kind jonger dan 16 jaar", List.of(
      "Officieel document met het burgerservicenummer van het kind waaruit het gezag blijkt.",
      "Kopie van het identiteitsbewijs van de verzoeker."),
      List.of(EnumSet.of(GEZAGSBEWIJS), EnumSet.of(IDENTITEITSBEWIJS_VERZOEKER))),
  BEWINDVOERDER("bewindvoerder", List.of(
      "Expliciete machtiging van de betrokkene voor dit verzoek.",
      "Controle dat de verzoeker bewindvoerder van de betrokkene is: beschikking of curatele- en bewindregister.",
      "Kopie van het identiteitsbewijs van de betrokkene (niet van de bewindvoerder)."),
      List.of(EnumSet.of(MACHTIGING), EnumSet.of(BESCHIKKING, BEWINDREGISTER), EnumSet.of(IDENTITEITSBEWIJS))),
  SCHULDHULPVERLENER("schuldhulpverlener", List.of(
      "Expliciete machtiging van de betrokkene voor dit verzoek.",
      "Controle dat de verzoeker schuldhulpverlener van de betrokkene is (beschikking of register).",
      "Kopie van het identiteitsbewijs van de betrokkene (niet van de schuldhulpverlener)."),
      List.of(EnumSet.of(MACHTIGING), EnumSet.of(BESCHIKKING, BEWINDREGISTER), EnumSet.of(IDENTITEITSBEWIJS))),
  ADVOCAAT("advocaat", List.of(
      "Geen kopie identiteitsbewijs van de advocaat nodig.",
      "Identiteit controleren via het briefpapier of navraag bij de Orde van Advocaten."),
      List.of(EnumSet.of(BRIEFPAPIER_OF_ORDE)));

  private final String omschrijving;
  private final List<String> teControleren;
  private final List<Set<Verificatiebewijs>> bewijsregel;

  VerzoekerRol(String omschrijving, List<String> teControleren, List<Set<Verificatiebewijs>> bewijsregel) {
    this.omschrijving = omschrijving;
    this.teControleren = teControleren;
    this.bewijsregel = bewijsregel.stream().map(Set::copyOf).toList();
  }

  /**
   * What a positive verification needs for this role: every set must be met by at least one of its evidence (so
   * {@code [{MACHTIGING}, {BESCHIKKING, BEWINDREGISTER}, {IDENTITEITSBEWIJS}]} means an authorisation and a court
   * order or register check and the data subject's ID).
   */
  public List<Set<Verificatiebewijs>> bewijsregel() {
    return bewijsregel;
  }

  /** The evidence the verification form offers for this role, in the enum's order. */
  public Set<Verificatiebewijs> toegestaanBewijs() {
    Set<Verificatiebewijs> alle = EnumSet.noneOf(Verificatiebewijs.class);
    bewijsregel.forEach(alle::addAll);
    return alle;
  }

  /** Evidence ticked that does not belong to this role (e.g. "Briefpapier advocaat" for the data subject). */
  public Set<Verificatiebewijs> nietPassend(Collection<Verificatiebewijs> aangevinkt) {
    Set<Verificatiebewijs> fout = new LinkedHashSet<>(aangevinkt);
    fout.removeAll(toegestaanBewijs());
    return fout;
  }

  /** The parts of the rule not met by the ticked evidence, in Dutch ("… of …"); empty when the rule is met. */
  public List<String> ontbrekend(Collection<Verificatiebewijs> aangevinkt) {
    return bewijsregel.stream().filter(deel -> deel.stream().noneMatch(aangevinkt::contains))
        .map(deel -> deel.stream().sorted().map(Verificatiebewijs::omschrijving)
            .collect(Collectors.joining(" of ")))
        .toList();
  }

  public String omschrijving() {
    return omschrijving;
  }

  public List<String> teControleren() {
    return teControleren;
  }

  public boolean isDerde() {
    return this != BETROKKENE;
  }
}
