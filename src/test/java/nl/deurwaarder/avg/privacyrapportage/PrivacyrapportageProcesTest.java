package nl.deurwaarder.avg.privacyrapportage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.afwijking.Afwijkingssoort;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.overzicht.Privacycijfers;
import nl.deurwaarder.avg.overzicht.Privacycijfers.Periodecijfers;
import nl.deurwaarder.avg.verwerker.Verwerkersrapportage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The half-yearly privacy report (PH-ORG-01 §7.3, bpmn/avg-privacyrapportage.bpmn): the timer start on 1 January
 * reports the second half of the past year, the FG's start form a chosen past half-year; the FG's conclusions and the
 * directie's decision end in the archived final PDF. The figures are checked against counts computed here,
 * independently, from the seed: 80 requests, 24 breaches, 6 deviations of all kinds and 3 processors with their
 * sub-processors, reviews and late reports from June 2019 to January 2020 (so both edges of the half-year
 * July–December 2019 are crossed).
 */
@AvgSpringTest
class PrivacyrapportageProcesTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final List<String> TYPES = List.of("INZAGE", "VERWIJDERING", "CORRECTIE", "BEPERKING");
  static final LocalDate VAN = LocalDate.of(2019, 7, 1);
  static final LocalDate TOT = LocalDate.of(2020, 1, 1);

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;
  @Autowired Privacycijfers privacycijfers;
  @Autowired Verwerkersrapportage verwerkersrapportage;
  @Autowired JdbcTemplate jdbc;

  record Verzoek(String ref, String type, String status, OffsetDateTime ontvangen, LocalDate uiterste,
      boolean verlengd, OffsetDateTime verzonden, OffsetDateTime afgesloten, String gronden, String verwerker,
      Boolean verwerkerTijdig) {
  }

  record Lek(String ref, OffsetDateTime ontdekt, String ernst, String categorieen, OffsetDateTime apOp,
      boolean apGemeld, String apBesluit, boolean betrokkenen, String verwerker, Boolean verwerkerTijdig) {
  }

  record Afwijking(OffsetDateTime tijdstip, Afwijkingssoort soort) {
  }

  /** A processor of the seed with the dates the report counts, and its review of 2019 (completed or not). */
  record Verwerker(String naam, LocalDate audit, LocalDate eindigt, LocalDate verklaring, OffsetDateTime reviewAf) {
  }

  record Sub(String verwerker, LocalDate gemeld, String besluit, LocalDate besluitOp) {
  }

  static final List<String> VERWERKERS = List.of("Rapportagetest Hosting BV", "Rapportagetest Print BV",
      "Rapportagetest Archief BV");

  final List<Verzoek> verzoeken = new ArrayList<>();
  final List<Lek> lekken = new ArrayList<>();
  final List<Afwijking> afwijkingen = new ArrayList<>();
  final List<Verwerker> verwerkers = new ArrayList<>();
  final List<Sub> subs = new ArrayList<>();

  @BeforeEach
  void zaai() {
    BpmnAwareTests.init(processEngine);
    bouwZaad();
    jdbc.update("DELETE FROM avg_privacyrapportage WHERE referentie LIKE 'RAP-2019-%'");
    jdbc.update("DELETE FROM avg_archiefstuk WHERE referentie LIKE 'RAP-2019-%'");
    if (jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek WHERE referentie = 'AVG-2019-9000'", Integer.class) > 0) {
      return;
    }
    int i = 0;
    for (Verzoek v : verzoeken) {
      jdbc.update("""
          INSERT INTO avg_verzoek (referentie, jaar, volgnummer, verzoek_type, kanaal, ontvangen_op, geregistreerd_op,
            verzoeker_rol, status, uiterste_reactiedatum, wettelijke_uiterste_datum, verlengd, verzonden_op,
            afgesloten_op, afwijzingsgronden, verwerker, verwerker_ontvangen_op, verwerker_tijdig)
          VALUES (?, ?, ?, ?, 'EMAIL', ?, ?, 'BETROKKENE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, v.ref(), v.ontvangen().getYear(), 9000 + i++, v.type(), v.ontvangen(), v.ontvangen(), v.status(),
          v.uiterste(), v.uiterste().plusMonths(3), v.verlengd(), v.verzonden(), v.afgesloten(), v.gronden(),
          v.verwerker(), v.verwerker() == null ? null : v.ontvangen().minusDays(2), v.verwerkerTijdig());
    }
    i = 0;
    for (Lek l : lekken) {
      jdbc.update("""
          INSERT INTO avg_datalek (referentie, jaar, volgnummer, ontdekt_op, gemeld_op, bron, status, ernst,
            inbreuk_categorieen, is_datalek, ap_gemeld, ap_melding_op, ap_melding_uiterlijk, ap_besluit,
            betrokkenen_geinformeerd, verwerker, verwerker_ontdekt_op, verwerker_tijdig)
          VALUES (?, ?, ?, ?, ?, ?, 'AFGESLOTEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, l.ref(), l.ontdekt().getYear(), 9000 + i++, l.ontdekt(), l.ontdekt().plusHours(1),
          l.verwerker() == null ? "MEDEWERKER" : "VERWERKER", l.ernst(), l.categorieen(),
          !"GEEN_DATALEK".equals(l.ernst()), l.apGemeld(), l.apOp(), l.ontdekt().plusHours(72), l.apBesluit(),
          l.betrokkenen(), l.verwerker(), l.verwerker() == null ? null : l.ontdekt().minusHours(30),
          l.verwerkerTijdig());
    }
    i = 0;
    for (Verwerker v : verwerkers) {
      jdbc.update("""
          INSERT INTO avg_verwerker (referentie, naam, dienst, overeenkomst_getekend_op, overeenkomst_eindigt_op,
            laatste_audit_op, verwijderverklaring_op) VALUES (?, ?, 'Dienst voor de rapportagetest', ?, ?, ?, ?)
          """, "VWR-RT" + i++, v.naam(), LocalDate.of(2015, 1, 1), v.eindigt(), v.audit(), v.verklaring());
      Long id = jdbc.queryForObject("SELECT id FROM avg_verwerker WHERE naam = ?", Long.class, v.naam());
      jdbc.update("""
          INSERT INTO avg_verwerker_review (verwerker_id, jaar, gestart_op, afgerond_op, process_instance_id)
          VALUES (?, 2019, ?, ?, ?)
          """, id, moment(2019, 6, 1, 9, 0), v.reviewAf(), "rapportagetest-verwerker-" + id);
    }
    for (Sub sub : subs) {
      jdbc.update("""
          INSERT INTO avg_subverwerker (verwerker_id, naam, dienst, gemeld_op, bezwaar_uiterlijk, besluit, besluit_op)
          VALUES ((SELECT id FROM avg_verwerker WHERE naam = ?), 'Subverwerker rapportagetest', 'Opslag', ?, ?, ?, ?)
          """, sub.verwerker(), sub.gemeld(), sub.gemeld().plusDays(30), sub.besluit(), sub.besluitOp());
    }
    for (Afwijking a : afwijkingen) {
      jdbc.update("""
          INSERT INTO avg_afwijking (soort, referentie, onderwerp, fg_advies, besluit, motivering, besloten_door,
            besloten_op, fg_bericht_op) VALUES (?, 'AVG-2019-9001', 'Onderwerp', 'NIET_AKKOORD', 'AFWIJZEN',
            'Motivering', 'directie', ?, ?)
          """, a.soort().name(), a.tijdstip(), a.tijdstip().plusDays(1));
    }
    jdbc.update("""
        INSERT INTO avg_vwr_review (jaar, gestart_op, afgerond_op, process_instance_id) VALUES
          (2019, ?, ?, 'rapportagetest-review-1'), (2019, ?, NULL, 'rapportagetest-review-2'),
          (2019, ?, ?, 'rapportagetest-review-3')
        """, moment(2019, 9, 2, 9, 0), moment(2019, 10, 1, 9, 0), moment(2019, 11, 5, 9, 0),
        moment(2019, 6, 3, 9, 0), moment(2019, 7, 3, 9, 0));
  }

  /** The seed, built the same way for every test (deterministic). */
  void bouwZaad() {
    verzoeken.clear();
    lekken.clear();
    afwijkingen.clear();
    verwerkers.clear();
    subs.clear();
    ZonedDateTime start = ZonedDateTime.of(2019, 6, 20, 10, 0, 0, 0, AMSTERDAM);
    for (int i = 0; i < 80; i++) {
      OffsetDateTime ontvangen = start.plusHours(i * 55L).toOffsetDateTime();
      String type = TYPES.get(i % 4);
      boolean verlengd = i % 5 == 0;
      LocalDate uiterste = ontvangen.atZoneSameInstant(AMSTERDAM).toLocalDate().plusDays(verlengd ? 28 : 14);
      String status;
      if (i % 6 == 0) {
        status = "IN_BEHANDELING";
      } else if (i % 6 == 1) {
        status = "AFGEWEZEN";
      } else if (i % 9 == 2) {
        status = "INGETROKKEN";
      } else {
        status = "AFGEHANDELD";
      }
      OffsetDateTime verzonden = null;
      OffsetDateTime afgesloten = null;
      if (!status.equals("IN_BEHANDELING")) {
        verzonden = ontvangen.atZoneSameInstant(AMSTERDAM).toLocalDate().plusDays(i * 3 % 20)
            .atTime(15, 0).atZone(AMSTERDAM).toOffsetDateTime();
        if (i == 10 || i == 22) {
          // just after midnight (Amsterdam) on the day after the deadline: late, although still the deadline in UTC
          verzonden = uiterste.plusDays(1).atTime(0, 30).atZone(AMSTERDAM).toOffsetDateTime();
        }
        afgesloten = verzonden.plusHours(1);
        if (i % 12 == 7) {
          verzonden = null; // closed without a reply sent: the closing day counts
        }
      }
      String gronden = status.equals("AFGEWEZEN")
          ? (i % 4 == 1 ? "HERHAALD_VERZOEK" : "ONDUIDELIJK,ONREDELIJK_BELASTEND") : null;
      // every seventh request was passed on by a processor; a third of those too late (PH-ORG-05 §8)
      String verwerker = i % 7 == 3 ? VERWERKERS.get(i % 2) : null;
      verzoeken.add(new Verzoek("AVG-2019-" + (9000 + i), type, status, ontvangen, uiterste, verlengd, verzonden,
          afgesloten, gronden, verwerker, verwerker == null ? null : i % 3 != 0));
    }
    ZonedDateTime lekStart = ZonedDateTime.of(2019, 6, 15, 22, 0, 0, 0, AMSTERDAM);
    List<String> ernsten = List.of("BEPERKT", "MATIG_TOT_ERNSTIG", "GEEN_DATALEK");
    List<String> categorieen = List.of("VERTROUWELIJKHEID", "BESCHIKBAARHEID,INTEGRITEIT", "INTEGRITEIT");
    for (int i = 0; i < 24; i++) {
      OffsetDateTime ontdekt = lekStart.plusHours(i * 200L).toOffsetDateTime();
      String ernst = ernsten.get(i % 3);
      boolean lek = !ernst.equals("GEEN_DATALEK");
      boolean gemeld = lek && i % 4 != 3;
      OffsetDateTime apOp = gemeld ? ontdekt.plusHours(i * 9 % 100) : null;
      String besluit = lek && !gemeld ? "NIET_MELDEN" : gemeld ? "MELDEN" : null;
      String verwerker = i % 5 == 1 ? VERWERKERS.get(i % 3) : null;
      lekken.add(new Lek("DL-2019-" + (9000 + i), ontdekt, ernst, lek ? categorieen.get(i % 3) : null, apOp, gemeld,
          besluit, lek && i % 2 == 0, verwerker, verwerker == null ? null : i % 2 == 0));
    }
    afwijkingen.add(new Afwijking(moment(2019, 6, 30, 23, 30), Afwijkingssoort.VERZOEK_BESLUIT)); // before
    afwijkingen.add(new Afwijking(moment(2019, 7, 1, 0, 30), Afwijkingssoort.VERZOEK_BESLUIT));
    afwijkingen.add(new Afwijking(moment(2019, 9, 12, 14, 0), Afwijkingssoort.DATALEK_AP_MELDING));
    afwijkingen.add(new Afwijking(moment(2019, 10, 2, 11, 0), Afwijkingssoort.PIA_UITKOMST));
    afwijkingen.add(new Afwijking(moment(2019, 12, 31, 23, 0), Afwijkingssoort.VERZOEK_BESLUIT));
    afwijkingen.add(new Afwijking(moment(2020, 1, 1, 0, 10), Afwijkingssoort.DATALEK_BETROKKENEN)); // after
    // edges: an audit on the last day before, an agreement ending on the last day of and on the day after the period
    verwerkers.add(new Verwerker(VERWERKERS.get(0), LocalDate.of(2019, 7, 1), LocalDate.of(2019, 12, 31), null,
        moment(2019, 10, 1, 9, 0)));
    verwerkers.add(new Verwerker(VERWERKERS.get(1), LocalDate.of(2019, 6, 30), LocalDate.of(2020, 1, 1), null, null));
    verwerkers.add(new Verwerker(VERWERKERS.get(2), null, LocalDate.of(2019, 9, 30), LocalDate.of(2019, 10, 10),
        moment(2020, 1, 1, 0, 30)));
    subs.add(new Sub(VERWERKERS.get(0), LocalDate.of(2019, 6, 20), "BEZWAAR", LocalDate.of(2019, 7, 2)));
    subs.add(new Sub(VERWERKERS.get(0), LocalDate.of(2019, 8, 1), "GEEN_BEZWAAR", LocalDate.of(2019, 8, 20)));
    subs.add(new Sub(VERWERKERS.get(1), LocalDate.of(2019, 12, 20), null, null));
    subs.add(new Sub(VERWERKERS.get(2), LocalDate.of(2019, 12, 28), "BEZWAAR", LocalDate.of(2020, 1, 5)));
  }

  static OffsetDateTime moment(int j, int m, int d, int u, int min) {
    return ZonedDateTime.of(j, m, d, u, min, 0, 0, AMSTERDAM).toOffsetDateTime();
  }

  static boolean inPeriode(OffsetDateTime t) {
    return t != null && inPeriode(t.atZoneSameInstant(AMSTERDAM).toLocalDate());
  }

  static boolean inPeriode(LocalDate d) {
    return d != null && !d.isBefore(VAN) && d.isBefore(TOT);
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  @Test
  void theFiguresOfTheHalfYearEqualCountsTakenFromTheSeed() {
    Map<String, Integer> ontvangen = new LinkedHashMap<>();
    Map<String, Integer> afgehandeld = new LinkedHashMap<>();
    Map<String, Integer> opTijd = new LinkedHashMap<>();
    List<Long> dagen = new ArrayList<>();
    int verlengd = 0;
    int afgewezen = 0;
    int herhaald = 0;
    int onduidelijk = 0;
    for (Verzoek v : verzoeken) {
      if (inPeriode(v.ontvangen())) {
        ontvangen.merge(v.type(), 1, Integer::sum);
        if (v.verlengd()) {
          verlengd++;
        }
      }
      boolean klaar = v.status().equals("AFGEHANDELD") || v.status().equals("AFGEWEZEN");
      if (klaar && inPeriode(v.afgesloten())) {
        afgehandeld.merge(v.type(), 1, Integer::sum);
        LocalDate antwoord = (v.verzonden() != null ? v.verzonden() : v.afgesloten()).atZoneSameInstant(AMSTERDAM)
            .toLocalDate();
        if (!antwoord.isAfter(v.uiterste())) {
          opTijd.merge(v.type(), 1, Integer::sum);
        }
        dagen.add(ChronoUnit.DAYS.between(v.ontvangen().atZoneSameInstant(AMSTERDAM).toLocalDate(), antwoord));
        if (v.status().equals("AFGEWEZEN")) {
          afgewezen++;
          herhaald += v.gronden().contains("HERHAALD_VERZOEK") ? 1 : 0;
          onduidelijk += v.gronden().contains("ONDUIDELIJK") ? 1 : 0;
        }
      }
    }
    dagen.sort(Long::compare);
    double mediaan = dagen.size() % 2 == 1 ? dagen.get(dagen.size() / 2)
        : (dagen.get(dagen.size() / 2 - 1) + dagen.get(dagen.size() / 2)) / 2.0;
    List<Lek> inPeriode = lekken.stream().filter(l -> inPeriode(l.ontdekt())).toList();
    int apOpTijd = (int) inPeriode.stream().filter(l -> l.apGemeld() && !l.apOp().isAfter(l.ontdekt().plusHours(72)))
        .count();

    Periodecijfers c = privacycijfers.periode(VAN, TOT);

    // the seed crosses both edges and has late and on-time replies, so these checks can fail
    assertThat(verzoeken.stream().filter(v -> inPeriode(v.ontvangen())).count()).isBetween(10L, 79L);
    assertThat(c.opTijd()).isBetween(1, c.afgehandeld() - 1);
    for (String t : TYPES) {
      assertThat(c.ontvangenPerType().get(t)).as("ontvangen " + t).isEqualTo(ontvangen.getOrDefault(t, 0));
      assertThat(c.afgehandeldPerType().get(t)).as("afgehandeld " + t).isEqualTo(afgehandeld.getOrDefault(t, 0));
      assertThat(c.opTijdPerType().get(t)).as("op tijd " + t).isEqualTo(opTijd.getOrDefault(t, 0));
    }
    assertThat(c.mediaanDagen()).isCloseTo(mediaan, within(1e-9));
    assertThat(c.verlengd()).isEqualTo(verlengd);
    assertThat(c.afgewezen()).isEqualTo(afgewezen);
    assertThat(c.afwijzingenPerGrond()).containsEntry("HERHAALD_VERZOEK", herhaald)
        .containsEntry("ONDUIDELIJK", onduidelijk).containsEntry("ONREDELIJK_BELASTEND", onduidelijk)
        .containsEntry("STRIJD_MET_BEWAARTERMIJN", 0);

    assertThat(c.datalekSignalen()).isEqualTo(inPeriode.size());
    assertThat(c.datalekken()).isEqualTo((int) inPeriode.stream().filter(l -> !l.ernst().equals("GEEN_DATALEK"))
        .count());
    for (String cat : List.of("BESCHIKBAARHEID", "VERTROUWELIJKHEID", "INTEGRITEIT")) {
      for (String ernst : List.of("BEPERKT", "MATIG_TOT_ERNSTIG")) {
        assertThat(c.datalekkenPerCategorieEnErnst().get(cat).get(ernst)).as(cat + "/" + ernst).isEqualTo(
            (int) inPeriode.stream().filter(l -> l.ernst().equals(ernst) && l.categorieen().contains(cat)).count());
      }
    }
    assertThat(c.apGemeld()).isEqualTo((int) inPeriode.stream().filter(Lek::apGemeld).count());
    assertThat(c.apOpTijd()).isEqualTo(apOpTijd).isBetween(1, c.apGemeld() - 1);
    assertThat(c.apNietGemeld()).isEqualTo((int) inPeriode.stream()
        .filter(l -> "NIET_MELDEN".equals(l.apBesluit())).count());
    assertThat(c.betrokkenenGeinformeerd()).isEqualTo((int) inPeriode.stream().filter(Lek::betrokkenen).count());
    assertThat(c.afwijkingenFgAdvies()).isEqualTo((int) afwijkingen.stream().filter(a -> inPeriode(a.tijdstip()))
        .count()).isEqualTo(4);
    for (Afwijkingssoort soort : Afwijkingssoort.values()) {
      assertThat(c.afwijkingenPerSoort().get(soort.omschrijving())).as("afwijkingen " + soort).isEqualTo(
          (int) afwijkingen.stream().filter(a -> a.soort() == soort && inPeriode(a.tijdstip())).count());
    }
    assertThat(c.afwijkingenPerSoort()).containsEntry(Afwijkingssoort.VERZOEK_BESLUIT.omschrijving(), 2)
        .containsEntry(Afwijkingssoort.DATALEK_BETROKKENEN.omschrijving(), 0);
    assertThat(c.reviewsGestart()).isEqualTo(2);
    assertThat(c.reviewsAfgerond()).isEqualTo(2);
    assertThat(c.perMaand()).hasSize(6);
    assertThat(c.perMaand().stream().mapToInt(Privacycijfers.Maandcijfer::ontvangen).sum()).isEqualTo(c.ontvangen());
  }

  @Test
  void theProcessorFiguresOfTheHalfYearEqualCountsTakenFromTheSeed() {
    List<Verzoek> viaVerwerker = verzoeken.stream().filter(v -> v.verwerker() != null && inPeriode(v.ontvangen()))
        .toList();
    List<Lek> lekViaVerwerker = lekken.stream().filter(l -> l.verwerker() != null && inPeriode(l.ontdekt())).toList();
    Map<String, Integer> teLaat = new java.util.TreeMap<>();
    viaVerwerker.stream().filter(v -> !v.verwerkerTijdig()).forEach(v -> teLaat.merge(v.verwerker(), 1, Integer::sum));
    lekViaVerwerker.stream().filter(l -> !l.verwerkerTijdig()).forEach(l -> teLaat.merge(l.verwerker(), 1,
        Integer::sum));

    Verwerkersrapportage.Cijfers c = verwerkersrapportage.cijfers(VAN, TOT);

    // the seed has on-time and late reports of both kinds in the period, so these checks can fail
    assertThat(c.verzoekenTeLaat()).isBetween(1, c.verzoekenViaVerwerker() - 1);
    assertThat(c.datalekkenTeLaat()).isBetween(1, c.datalekkenViaVerwerker() - 1);
    assertThat(c.verzoekenViaVerwerker()).isEqualTo(viaVerwerker.size());
    assertThat(c.verzoekenTeLaat()).isEqualTo((int) viaVerwerker.stream().filter(v -> !v.verwerkerTijdig()).count());
    assertThat(c.datalekkenViaVerwerker()).isEqualTo(lekViaVerwerker.size());
    assertThat(c.datalekkenTeLaat()).isEqualTo((int) lekViaVerwerker.stream().filter(l -> !l.verwerkerTijdig())
        .count());
    assertThat(c.teLaatPerVerwerker()).isEqualTo(teLaat);
    assertThat(c.subverwerkersGemeld()).isEqualTo((int) subs.stream().filter(s -> inPeriode(s.gemeld())).count())
        .isEqualTo(3);
    assertThat(c.bezwaren()).isEqualTo((int) subs.stream().filter(s -> "BEZWAAR".equals(s.besluit())
        && inPeriode(s.besluitOp())).count()).isEqualTo(1);
    assertThat(c.geenBezwaar()).isEqualTo((int) subs.stream().filter(s -> "GEEN_BEZWAAR".equals(s.besluit())
        && inPeriode(s.besluitOp())).count()).isEqualTo(1);
    assertThat(c.auditsUitgevoerd()).isEqualTo((int) verwerkers.stream().filter(v -> inPeriode(v.audit())).count())
        .isEqualTo(1);
    assertThat(c.reviewsAfgerond()).isEqualTo((int) verwerkers.stream().filter(v -> inPeriode(v.reviewAf()))
        .count()).isEqualTo(1);
    assertThat(c.overeenkomstenBeeindigd()).isEqualTo((int) verwerkers.stream().filter(v -> inPeriode(v.eindigt()))
        .count()).isEqualTo(2);
    assertThat(c.verklaringenOntbreken()).isEqualTo((int) verwerkers.stream().filter(v -> inPeriode(v.eindigt())
        && v.verklaring() == null).count()).isEqualTo(1);
    assertThat(verwerkersrapportage.samenvatting(VAN, TOT))
        .contains("Verzoeken doorgestuurd door een verwerker: " + c.verzoekenViaVerwerker() + ", waarvan later dan"
            + " 3 werkdagen na ontvangst door de verwerker: " + c.verzoekenTeLaat() + ".")
        .contains(VERWERKERS.get(0) + " (" + teLaat.get(VERWERKERS.get(0)) + ")");
  }

  @Test
  void timerOnTheFirstOfJanuaryDraftsTheSecondHalfYearThenFgAndDirectieCompleteIt() throws Exception {
    Job timer = managementService.createJobQuery().processDefinitionKey("avg-privacyrapportage-planning").timers()
        .singleResult();
    assertThat(timer).as("the cycle timer of the start event").isNotNull();
    ClockUtil.setCurrentTime(Date.from(moment(2020, 1, 1, 6, 0).toInstant()));
    managementService.executeJob(timer.getId());

    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("avg-privacyrapportage")
        .processInstanceBusinessKey("RAP-2019-H2").singleResult();
    assertThat(pi).isNotNull().isWaitingAt("Task_ConclusiesFg");
    Task fg = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(taskService.getIdentityLinksForTask(fg.getId())).extracting("groupId").containsExactly("fg");
    assertThat(fg.getDueDate()).isAfter(Date.from(moment(2020, 1, 20, 0, 0).toInstant()));
    assertThat((String) taskService.getVariable(fg.getId(), "rapportSamenvatting"))
        .contains("| Verzoeken ontvangen | " + privacycijfers.periode(VAN, TOT).ontvangen() + " |");
    assertThat(stukken("RAP-2019-H2")).containsExactly("Privacyrapportage 2e halfjaar 2019 (concept)");
    assertThat(status("RAP-2019-H2")).isEqualTo("CONCEPT");

    taskService.claim(fg.getId(), "fg");
    taskService.complete(fg.getId(), Map.of("rapportConclusies", "Termijnen bij verwijderverzoeken staan onder druk.",
        "rapportAanbevelingen", "Extra capaciteit in het privacyteam."));
    assertThat(pi).isWaitingAt("Task_BesluitDirectie");
    assertThat(status("RAP-2019-H2")).isEqualTo("BIJ_DIRECTIE");
    Task directie = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(taskService.getIdentityLinksForTask(directie.getId())).extracting("groupId")
        .containsExactly("directie");
    taskService.claim(directie.getId(), "directie");
    taskService.complete(directie.getId(), Map.of("rapportBesluit", "Aanbeveling overgenomen: vacature per 1 maart."));
    assertThat(pi).isEnded();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("avg-privacyrapportage-planning")
        .count()).as("the planning instance ends with the report").isZero();

    Map<String, Object> rij = jdbc.queryForMap("SELECT * FROM avg_privacyrapportage WHERE referentie = 'RAP-2019-H2'");
    assertThat(rij.get("STATUS")).isEqualTo("VASTGESTELD");
    assertThat(rij.get("FG_DOOR")).isEqualTo("fg");
    assertThat(rij.get("DIRECTIE_DOOR")).isEqualTo("directie");
    assertThat(stukken("RAP-2019-H2")).containsExactly("Privacyrapportage 2e halfjaar 2019 (concept)",
        "Privacyrapportage 2e halfjaar 2019 met conclusies en aanbevelingen FG",
        "Privacyrapportage 2e halfjaar 2019 (vastgesteld)");

    byte[] pdf = jdbc.queryForObject("SELECT inhoud FROM avg_archiefstuk WHERE referentie = 'RAP-2019-H2'"
        + " AND titel LIKE '%(vastgesteld)'", byte[].class);
    Path uit = Path.of("target", "privacyrapportage", "RAP-2019-H2.pdf");
    Files.createDirectories(uit.getParent());
    Files.write(uit, pdf);
    Periodecijfers c = privacycijfers.periode(VAN, TOT);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String tekst = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(tekst).contains("Privacyrapportage 2e halfjaar 2019")
          .contains("Termijnen bij verwijderverzoeken staan onder druk.")
          .contains("Aanbeveling overgenomen: vacature per 1 maart.")
          .contains("Totaal " + c.ontvangen() + " " + c.afgehandeld() + " " + c.opTijd())
          .contains("Datalekken gemeld door een verwerker: " + verwerkersrapportage.cijfers(VAN, TOT)
              .datalekkenViaVerwerker() + ", waarvan later dan 24 uur na ontdekking")
          .doesNotContain("Het register van verwerkers bestaat in deze versie nog niet")
          .doesNotContain("AVG-2019-9"); // figures only: no reference, no name
      // the grounds by their short label from bpmn/verzoekgronden.dmn
      assertThat(c.afwijzingenPerGrond().get("HERHAALD_VERZOEK")).isPositive();
      assertThat(tekst).contains("Herhaald verzoek " + c.afwijzingenPerGrond().get("HERHAALD_VERZOEK"))
          .doesNotContain("HERHAALD_VERZOEK");
    }
  }

  @Test
  void fgStartsAReportByHandForAChosenPastHalfYear() {
    ClockUtil.setCurrentTime(Date.from(moment(2020, 3, 2, 10, 0).toInstant()));
    String definitie = repositoryService.createProcessDefinitionQuery().processDefinitionKey("avg-privacyrapportage")
        .latestVersion().singleResult().getId();
    ProcessInstance pi = formService.submitStartForm(definitie, Map.of("rapportJaar", 2019L,
        "rapportHalfjaar", "H1"));
    assertThat(pi.getBusinessKey()).isEqualTo("RAP-2019-H1");
    assertThat(pi).isWaitingAt("Task_ConclusiesFg");
    assertThat(jdbc.queryForObject("SELECT van FROM avg_privacyrapportage WHERE referentie = 'RAP-2019-H1'",
        LocalDate.class)).isEqualTo(LocalDate.of(2019, 1, 1));

    // a second report for the same half-year, a half-year that has not ended, a wrong choice: refused in Dutch
    assertThatThrownBy(() -> formService.submitStartForm(definitie, Map.of("rapportJaar", 2019L,
        "rapportHalfjaar", "H1"))).isInstanceOf(OngeldigeInvoerException.class)
        .hasMessageContaining("Er is al een privacyrapportage over het 1e halfjaar 2019 (RAP-2019-H1)");
    assertThatThrownBy(() -> formService.submitStartForm(definitie, Map.of("rapportJaar", 2020L,
        "rapportHalfjaar", "H1"))).isInstanceOf(OngeldigeInvoerException.class)
        .hasMessageContaining("is nog niet voorbij");
    assertThatThrownBy(() -> formService.submitStartForm(definitie, Map.of("rapportJaar", 2019L,
        "rapportHalfjaar", "H3"))).isInstanceOf(OngeldigeInvoerException.class)
        .hasMessageContaining("Kies het eerste (H1) of het tweede halfjaar (H2)");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("avg-privacyrapportage")
        .processInstanceBusinessKeyLike("RAP-20%").count()).isEqualTo(1);

    // an empty conclusion (e.g. over REST) does not reach the archived report
    Task fg = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThatThrownBy(() -> taskService.complete(fg.getId(), Map.of("rapportConclusies", " ",
        "rapportAanbevelingen", "x"))).hasMessageContaining("rapportConclusies").hasMessageContaining("vul dit veld in"); // form contract
    assertThat(pi).isWaitingAt("Task_ConclusiesFg");
    runtimeService.deleteProcessInstance(pi.getId(), "test");
  }

  private List<String> stukken(String ref) {
    return jdbc.queryForList("SELECT titel FROM avg_archiefstuk WHERE referentie = ? ORDER BY id", String.class, ref);
  }

  private String status(String ref) {
    return jdbc.queryForObject("SELECT status FROM avg_privacyrapportage WHERE referentie = ?", String.class, ref);
  }
}
