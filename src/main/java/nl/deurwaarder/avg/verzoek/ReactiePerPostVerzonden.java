package nl.deurwaarder.avg.verzoek;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.PerPostVerzonden;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import org.springframework.stereotype.Component;

/**
 * A reply whose request was closed before its posting was confirmed (a letter the former version counted as sent
 * when it was merely handed over for post, see migration V12_4): once a person confirms posting it, the register's
 * {@code verzondenOp} becomes the posting date. While the procedure still runs, it records the date itself when it
 * ends (the waiting procedure receives the date, {@code BriefPerPost.procedureLatenDoorgaan}).
 */
@Component
class ReactiePerPostVerzonden implements PerPostVerzonden {

  private static final Set<BriefType> REACTIES = Set.of(BriefType.REACTIE_INZAGE, BriefType.REACTIE_VERWIJDERING,
      BriefType.REACTIE_CORRECTIE, BriefType.REACTIE_BEPERKING);

  private final VerzoekRegister register;

  ReactiePerPostVerzonden(VerzoekRegister register) {
    this.register = register;
  }

  @Override
  public void verzonden(Verzending brief, LocalDate gepostOp, String door) {
    if (!REACTIES.contains(brief.briefType())) {
      return;
    }
    register.vind(brief.referentie()).filter(v -> v.afgeslotenOp() != null).ifPresent(v -> register.wijzig(
        v.referentie(), Map.of("verzondenOp", gepostOp.atTime(12, 0).atZone(ZoneId.of("Europe/Amsterdam"))
            .toOffsetDateTime()), door));
  }
}
