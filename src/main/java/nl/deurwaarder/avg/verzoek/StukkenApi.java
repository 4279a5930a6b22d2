package nl.deurwaarder.avg.verzoek;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.api.ApiFoutafhandeling;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.ArchiefPagina;
import nl.deurwaarder.avg.archief.Archiefstuk;
import nl.deurwaarder.avg.archief.Bestandscontrole;
import nl.deurwaarder.avg.archief.Bestandscontrole.Bestandstype;
import nl.deurwaarder.avg.archief.Stuksoort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A request's archive over the product API (spec/api.md "Documents"): the dossier application adds screened
 * documents ({@code POST /api/verzoeken/{referentie}/stukken}, multipart {@code stuksoort} + {@code bestand}, with the
 * same file checks as the archive page) and lists them. Who may call it is set in the security configuration
 * (adding: privacycoordinator; listing: the register readers).
 */
@RestController
public class StukkenApi {

  private static final Logger LOG = LoggerFactory.getLogger(StukkenApi.class);

  /** An archive entry as the API shows it (no content). */
  public record Stuk(long id, Stuksoort stuksoort, String titel, String bestandsnaam, String sha256,
      OffsetDateTime toegevoegdOp, String toegevoegdDoor) {
    static Stuk van(Archiefstuk s) {
      return new Stuk(s.id(), s.soort(), s.titel(), s.bestandsnaam(), s.sha256(), s.toegevoegdOp(),
          s.toegevoegdDoor());
    }
  }

  private final Archief archief;
  private final VerzoekRegister register;
  private final TransactionTemplate transactie;

  public StukkenApi(Archief archief, VerzoekRegister register, TransactionTemplate transactie) {
    this.archief = archief;
    this.register = register;
    this.transactie = transactie;
  }

  @GetMapping("/api/verzoeken/{referentie}/stukken")
  public List<Stuk> lijst(@PathVariable String referentie) {
    register.haal(referentie);
    return archief.stukken(referentie).stream().map(Stuk::van).toList();
  }

  @PostMapping(value = "/api/verzoeken/{referentie}/stukken", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<?> voegToe(@PathVariable String referentie,
      @RequestParam(name = "stuksoort", required = false) String stuksoortNaam,
      @RequestParam(name = "titel", required = false) String titel,
      @RequestParam(name = "bestand", required = false) MultipartFile bestand, Principal gebruiker)
      throws IOException {
    Verzoek verzoek = register.vind(referentie).orElseThrow(() -> new OnbekendVerzoekException(referentie));
    Map<String, String> fouten = new LinkedHashMap<>();
    Stuksoort soort = Arrays.stream(Stuksoort.values()).filter(s -> s.name().equals(stuksoortNaam)).findFirst()
        .orElse(null);
    if (soort == null || soort == Stuksoort.BRIEF || soort == Stuksoort.DATALEKDOSSIER) {
      fouten.put("stuksoort", stuksoortNaam == null || stuksoortNaam.isBlank() ? "Ontbreekt"
          : "Onbekende of hier niet toegestane stuksoort '" + stuksoortNaam + "'; toegestaan: " + toegestaan());
    }
    String schoneTitel = titel == null ? "" : titel.replaceAll("\\p{Cntrl}", " ").strip();
    if (schoneTitel.length() > 300) {
      fouten.put("titel", "De titel is te lang (ten hoogste 300 tekens).");
    }
    Bestandstype type = null;
    byte[] inhoud = null;
    if (bestand == null || bestand.isEmpty()) {
      fouten.put("bestand", "Ontbreekt of is leeg");
    } else if (bestand.getSize() > Bestandscontrole.MAX_GROOTTE) {
      fouten.put("bestand", ArchiefPagina.teGroot());
    } else {
      inhoud = bestand.getBytes();
      type = Bestandscontrole.herken(inhoud).orElse(null);
      if (type == null) {
        fouten.put("bestand", "Dit soort bestand kan niet in het archief. Toegestaan zijn PDF, JPEG, PNG, Word "
            + "(.docx), Excel (.xlsx), platte tekst (UTF-8) en e-mailberichten (.eml); geen programma's, HTML of SVG.");
      }
    }
    if (!fouten.isEmpty()) {
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(ApiFoutafhandeling.ongeldig(fouten));
    }
    if (verzoek.geanonimiseerdOp() != null) {
      ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "De bewaartermijn van verzoek "
          + referentie + " is verstreken; er kunnen geen stukken meer aan het archief worden toegevoegd.");
      p.setTitle("Bewaartermijn verstreken");
      return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
    String naam = Bestandscontrole.veiligeBestandsnaam(bestand.getOriginalFilename(), type);
    String titelVanStuk = schoneTitel.isEmpty() ? naam : schoneTitel;
    Bestandstype gevonden = type;
    byte[] bytes = inhoud;
    Archiefstuk stuk = transactie.execute(status -> {
      Archiefstuk s = archief.bewaar(referentie, soort, titelVanStuk, naam, gevonden.contentType(), bytes,
          gebruiker.getName());
      register.historie(referentie, gebruiker.getName(), "archief", null, soort.omschrijving() + ": "
          + titelVanStuk + " toegevoegd (API)");
      return s;
    });
    LOG.info("Archiefstuk {} ({}, {} bytes) via de API toegevoegd aan {}", stuk.id(), gevonden, bytes.length,
        referentie);
    return ResponseEntity.created(URI.create("/api/verzoeken/" + referentie + "/stukken/" + stuk.id()))
        .body(Stuk.van(stuk));
  }

  private static String toegestaan() {
    return String.join(", ", Arrays.stream(Stuksoort.values())
        .filter(s -> s != Stuksoort.BRIEF && s != Stuksoort.DATALEKDOSSIER).map(Enum::name).toList());
  }
}
