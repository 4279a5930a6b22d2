package nl.deurwaarder.avg.levering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.Verzendregister;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decision table of issue 12.7: which letters go the secure way (docs/levering.md, "Other replies"). */
class BeveiligdeReactieLeveringTest {

  static final String REF = "AVG-2026-0001";
  static final String SLEUTEL = "pi:Task_ReactieVerzenden";

  Leveringen leveringen = mock(Leveringen.class);
  Verzendregister verzendregister = mock(Verzendregister.class);
  VerzoekRegister register = mock(VerzoekRegister.class);
  Verzoek verzoek = mock(Verzoek.class);
  BeveiligdeReactieLevering regel = new BeveiligdeReactieLevering(null, null, leveringen, verzendregister, register);

  @BeforeEach
  void standaard() {
    when(leveringen.vind(SLEUTEL)).thenReturn(Optional.empty());
    when(verzendregister.vind(SLEUTEL)).thenReturn(Optional.empty());
    when(register.vind(REF)).thenReturn(Optional.of(verzoek));
    when(verzoek.briefadresEmail()).thenReturn("p@voorbeeld.example");
  }

  static Map<String, Object> metGegevens() {
    return Map.of("omschrijvingGegevens", "Dossierapplicatie: naam en adres");
  }

  @ParameterizedTest
  @EnumSource(value = BriefType.class, names = {"REACTIE_VERWIJDERING", "REACTIE_CORRECTIE", "REACTIE_BEPERKING"})
  void confirmationsThatListDataGoSecurely(BriefType type) {
    assertThat(regel.geldtVoor(type, REF, SLEUTEL, metGegevens())).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = BriefType.class, names = {"REACTIE_VERWIJDERING", "REACTIE_CORRECTIE", "REACTIE_BEPERKING"},
      mode = EnumSource.Mode.EXCLUDE)
  void otherLettersStayOrdinary(BriefType type) {
    assertThat(regel.geldtVoor(type, REF, SLEUTEL, metGegevens())).isFalse();
  }

  @Test
  void aConfirmationWithoutAListOfDataStaysOrdinary() {
    assertThat(regel.geldtVoor(BriefType.REACTIE_VERWIJDERING, REF, SLEUTEL, Map.of())).isFalse();
    assertThat(regel.geldtVoor(BriefType.REACTIE_VERWIJDERING, REF, SLEUTEL, Map.of("omschrijvingGegevens", " ")))
        .isFalse();
  }

  @Test
  void withoutAnEmailAddressTheLetterGoesByPostAsBefore() {
    when(verzoek.briefadresEmail()).thenReturn(null);
    assertThat(regel.geldtVoor(BriefType.REACTIE_CORRECTIE, REF, SLEUTEL, metGegevens())).isFalse();
  }

  @Test
  void aLetterBegunTheStandardWayStaysThatWayAndOneBegunSecurelyStaysSecure() {
    when(verzendregister.vind(SLEUTEL)).thenReturn(Optional.of(mock(Verzendregister.Verzending.class)));
    assertThat(regel.geldtVoor(BriefType.REACTIE_BEPERKING, REF, SLEUTEL, metGegevens())).isFalse();
    when(leveringen.vind(SLEUTEL)).thenReturn(Optional.of(mock(Levering.class)));
    assertThat(regel.geldtVoor(BriefType.REACTIE_BEPERKING, REF, SLEUTEL, Map.of())).isTrue();
  }
}
