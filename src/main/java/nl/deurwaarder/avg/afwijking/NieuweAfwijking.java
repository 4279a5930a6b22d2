package nl.deurwaarder.avg.afwijking;

/** What a procedure records when a decision deviates from the FG's advice; the register adds the time. */
public record NieuweAfwijking(Afwijkingssoort soort, String referentie, String onderwerp, String fgAdvies,
    String fgToelichting, String besluit, String motivering, String beslotenDoor) {

  public NieuweAfwijking {
    if (soort == null || leeg(referentie) || leeg(onderwerp) || leeg(fgAdvies) || leeg(besluit)) {
      throw new IllegalArgumentException("Een afwijking heeft een soort, kenmerk, onderwerp, FG-advies en besluit");
    }
    if (leeg(motivering)) {
      throw new IllegalArgumentException("Een afwijking van het FG-advies heeft een schriftelijke motivering");
    }
  }

  private static boolean leeg(String s) {
    return s == null || s.isBlank();
  }
}
