package nl.deurwaarder.avg.verzoekprocedure;

import static nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun.lijst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekStatus;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verification per requester role (PH-PRO-01 §3.1–§3.3), enforced on the server in "Identiteit verifiëren": for each
 * role the form offers only that role's evidence, the complete evidence is accepted, incomplete or foreign evidence is
 * refused with a Dutch message; after a negative verification the warning goes to the data subject's address that the
 * coordinator confirmed from the dossier, never to the requester.
 */
@AvgSpringTest
class VerificatiePerRolProcesTest {

  static final LocalDate MAANDAG = LocalDate.of(2026, 3, 2);

  @Autowired
  ProcesTestSteun t;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void klok() {
    t.klok(MAANDAG, 10);
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  private ProcessInstance start(VerzoekerRol rol) {
    Verzoek v = t.registreer(VerzoekType.INZAGE, rol);
    t.runtime.deleteProcessInstance(v.processInstanceId(), "alleen de deelprocedure wordt getest");
    return t.runtime.startProcessInstanceByKey("avg-identiteit-verifieren", v.referentie(), ProcesTestSteun.vars(
        "verificatieAltijd", true, "referentie", v.referentie(), "betrokkeneNaam", "Pieter de Vries",
        "termijnTekst", "16 maart 2026", "verzoekerRol", rol.name(),
        "ontvangenOp", Date.from(v.ontvangenOp().toInstant()), "uitersteReactiedatum",
        t.datum(v.uitersteReactiedatum())));
  }

  /** Role, complete evidence, evidence that is refused, and a word of the refusal. */
  static Stream<Arguments> rollen() {
    return Stream.of(
        Arguments.of(VerzoekerRol.BETROKKENE, List.of("BSN_CIJFERS"), List.of("BRIEFPAPIER_OF_ORDE"),
            "hoort niet bij"),
        Arguments.of(VerzoekerRol.BETROKKENE, List.of("DOSSIERGEGEVENS"), List.of("MACHTIGING"), "hoort niet bij"),
        Arguments.of(VerzoekerRol.GEMACHTIGDE, List.of("MACHTIGING", "IDENTITEITSBEWIJS",
            "IDENTITEITSBEWIJS_VERZOEKER"), List.of("MACHTIGING", "IDENTITEITSBEWIJS"), "identiteitsbewijs van de "
            + "verzoeker"),
        Arguments.of(VerzoekerRol.WETTELIJK_VERTEGENWOORDIGER, List.of("BESCHIKKING"), List.of("IDENTITEITSBEWIJS"),
            "hoort niet bij"),
        Arguments.of(VerzoekerRol.GEZAGHEBBER_MINDERJARIGE, List.of("GEZAGSBEWIJS", "IDENTITEITSBEWIJS_VERZOEKER"),
            List.of("GEZAGSBEWIJS"), "identiteitsbewijs van de verzoeker"),
        Arguments.of(VerzoekerRol.BEWINDVOERDER, List.of("MACHTIGING", "BEWINDREGISTER", "IDENTITEITSBEWIJS"),
            List.of("BSN_CIJFERS"), "hoort niet bij"),
        Arguments.of(VerzoekerRol.BEWINDVOERDER, List.of("MACHTIGING", "BESCHIKKING", "IDENTITEITSBEWIJS"),
            List.of("MACHTIGING", "IDENTITEITSBEWIJS"), "beschikking"),
        Arguments.of(VerzoekerRol.SCHULDHULPVERLENER, List.of("MACHTIGING", "BESCHIKKING", "IDENTITEITSBEWIJS"),
            List.of("BESCHIKKING", "IDENTITEITSBEWIJS"), "machtiging"),
        Arguments.of(VerzoekerRol.ADVOCAAT, List.of("BRIEFPAPIER_OF_ORDE"), List.of("IDENTITEITSBEWIJS_VERZOEKER"),
            "hoort niet bij"));
  }

  @ParameterizedTest(name = "{0}: {1} geaccepteerd, {2} geweigerd")
  @MethodSource("rollen")
  void theRolesEvidenceIsOfferedCompleteEvidencePassesOtherEvidenceIsRefused(VerzoekerRol rol, List<String> goed,
      List<String> fout, String melding) throws Exception {
    ProcessInstance pi = start(rol);
    String ref = pi.getBusinessKey();
    // the form offers exactly this role's evidence
    JsonNode opties = new ObjectMapper().readTree(
        t.runtime.getVariableTyped(pi.getId(), "verificatieBewijsOpties").getValue().toString());
    List<String> aangeboden = new ArrayList<>();
    opties.forEach(o -> aangeboden.add(o.get("value").asText()));
    assertThat(aangeboden).containsExactlyInAnyOrderElementsOf(
        rol.toegestaanBewijs().stream().map(Enum::name).toList()).containsAll(goed);
    opties.forEach(o -> assertThat(o.get("label").asText()).isNotBlank());

    assertThatThrownBy(() -> t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT",
        "verificatieResultaat", "POSITIEF", "verificatieMethode", lijst(fout.toArray(String[]::new))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining(melding);
    assertThat(pi).isWaitingAt("Task_IdentiteitVerifieren");

    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "POSITIEF",
        "verificatieMethode", lijst(goed.toArray(String[]::new)));
    assertThat(pi).isEnded().hasPassed("EndEvent_Geverifieerd");
    assertThat(t.register.haal(ref).verificatieResultaat()).isEqualTo("POSITIEF");
    assertThat(t.register.haal(ref).verificatieMethode()).isEqualTo(String.join(",", goed));
  }

  @Test
  void theDataSubjectIsNotOfferedALawyersLetterheadAndABewindvoerderDoesNotPassOnBsnDigits() {
    assertThat(VerzoekerRol.BETROKKENE.toegestaanBewijs()).extracting(Enum::name)
        .doesNotContain("BRIEFPAPIER_OF_ORDE");
    ProcessInstance pi = start(VerzoekerRol.BEWINDVOERDER);
    assertThat((String) t.runtime.getVariable(pi.getId(), "teControlerenTekst")).contains("bewindregister");
    assertThatThrownBy(() -> t.rondAf(pi.getBusinessKey(), "Task_IdentiteitVerifieren", "verificatieStap",
        "RESULTAAT", "verificatieResultaat", "POSITIEF", "verificatieMethode", lijst("BSN_CIJFERS")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("'BSN_CIJFERS' hoort niet bij de opties");
    // incomplete: the authorisation alone
    assertThatThrownBy(() -> t.rondAf(pi.getBusinessKey(), "Task_IdentiteitVerifieren", "verificatieStap",
        "RESULTAAT", "verificatieResultaat", "POSITIEF", "verificatieMethode", lijst("MACHTIGING")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("vraagt ook")
        .hasMessageContaining("Kopie paspoort, rijbewijs of identiteitskaart van de betrokkene");
  }

  private Map<String, Object> brief(String ref) {
    List<Map<String, Object>> rijen = jdbc.queryForList("SELECT ontvanger_naam, ontvanger_email, status FROM avg_brief"
        + " WHERE referentie = ? AND brief_type = 'VERIFICATIE_NEGATIEF'", ref);
    assertThat(rijen).hasSize(1);
    return rijen.get(0);
  }

  @Test
  void negativeForABewindvoerderWarnsTheDataSubjectAtTheDossierAddressByPostNotTheRequester() {
    ProcessInstance pi = start(VerzoekerRol.BEWINDVOERDER);
    String ref = pi.getBusinessKey();
    assertThat((String) t.runtime.getVariable(pi.getId(), "betrokkeneAdresInVerzoek"))
        .contains("Dorpsstraat 1, Utrecht");
    // without the coordinator's confirmation of the address nothing happens
    assertThatThrownBy(() -> t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT",
        "verificatieResultaat", "NEGATIEF", "verificatieMethode", lijst("MACHTIGING")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("(waarschuwingAdres): kies een van de opties");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT",
        "verificatieResultaat", "NEGATIEF", "verificatieMethode", lijst("MACHTIGING"),
        "waarschuwingAdres", "ADRES_DOSSIER"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("uit het dossier in");
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "NEGATIEF",
        "verificatieMethode", lijst("MACHTIGING"), "waarschuwingAdres", "ADRES_DOSSIER",
        "dossierAdres", "Stationsweg 9, 3511 AA Utrecht");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("EndEvent_NegatiefAfgewezen");
    Map<String, Object> brief = brief(ref);
    assertThat(brief.get("ONTVANGER_NAAM")).isEqualTo("Pieter de Vries");
    assertThat(brief.get("ONTVANGER_EMAIL")).isNull(); // neither the requester's nor the address typed in the request
    assertThat(brief.get("STATUS")).isEqualTo("WACHT_OP_POST"); // until a person confirms posting it
    ProcesTestSteun.Brief pdf = t.brieven(ref).get(0);
    assertThat(pdf.tekst()).contains("Pieter de Vries").contains("Stationsweg 9").doesNotContain("Dorpsstraat")
        .doesNotContain("Jansen");
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
  }

  @Test
  void negativeForAGemachtigdeWithTheConfirmedRequestAddressMailsTheDataSubjectNotTheRequester() {
    ProcessInstance pi = start(VerzoekerRol.GEMACHTIGDE);
    String ref = pi.getBusinessKey();
    Verzoek v = t.register.haal(ref);
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "NEGATIEF",
        "verificatieMethode", lijst("MACHTIGING"), "waarschuwingAdres", "ADRES_VERZOEK");
    t.voerJobsUit(pi.getId());
    Map<String, Object> brief = brief(ref);
    assertThat(brief.get("ONTVANGER_EMAIL")).isEqualTo(v.betrokkene().email()).isNotEqualTo(v.verzoekerEmail());
    assertThat(brief.get("STATUS")).isEqualTo("VERZONDEN");
  }

  @Test
  void negativeForALawyerWithADossierEmailMailsThatAddressAndRefusesAnInvalidOne() {
    ProcessInstance pi = start(VerzoekerRol.ADVOCAAT);
    String ref = pi.getBusinessKey();
    assertThatThrownBy(() -> t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT",
        "verificatieResultaat", "NEGATIEF", "waarschuwingAdres", "ADRES_DOSSIER", "dossierEmail", "geen-adres"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("geen geldig e-mailadres");
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "NEGATIEF",
        "waarschuwingAdres", "ADRES_DOSSIER", "dossierEmail", "p.devries@dossier.example");
    t.voerJobsUit(pi.getId());
    Map<String, Object> brief = brief(ref);
    assertThat(brief.get("ONTVANGER_EMAIL")).isEqualTo("p.devries@dossier.example");
    assertThat(brief.get("STATUS")).isEqualTo("VERZONDEN");
  }
}
