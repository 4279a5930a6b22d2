package nl.deurwaarder.avg.levering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.archief.ArchiefToegang;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.Brieven;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Preview of the reply to an access request for the coordinator, before it goes (task "Reactie samenstellen" links
 * here): {@code GET /archief/{referentie}/reactie-voorbeeld} renders the cover letter from the texts as they stand in
 * the process and appends the screened documents now in the archive — exactly the package that would be sent, or
 * printed when the data subject has no e-mail address. Every page carries a "VOORBEELD" line in its top margin
 * that says how the answer will travel (by registered post when no e-mail address is known, whatever way is chosen).
 * Nothing is archived or recorded. Staff only: the readers of the archive (privacycoordinator, fg, directie).
 */
@RestController
public class ReactieVoorbeeld {

  private static final Pattern REFERENTIE = Pattern.compile("AVG-\\d{4}-\\d{4,6}");
  /** The inputs of "Pakket klaarzetten en code verzenden" in bpmn/avg-inzageverzoek.bpmn: letter key → variable. */
  static final Map<String, String> BRIEFINVOER = Map.of(
      "bijlagen", "bijlagen",
      "legenda", "legenda",
      "verwerkingsdoeleinden", "informatieDoeleinden",
      "categorieenPersoonsgegevens", "informatieCategorieen",
      "ontvangers", "informatieOntvangers",
      "bewaartermijn", "informatieBewaartermijn",
      "bron", "informatieBron");

  private final ArchiefToegang toegang;
  private final RuntimeService runtimeService;
  private final Brieven brieven;
  private final Antwoordpakket antwoordpakket;

  public ReactieVoorbeeld(ArchiefToegang toegang, RuntimeService runtimeService, Brieven brieven,
      Antwoordpakket antwoordpakket) {
    this.toegang = toegang;
    this.runtimeService = runtimeService;
    this.brieven = brieven;
    this.antwoordpakket = antwoordpakket;
  }

  @GetMapping("/archief/{referentie}/reactie-voorbeeld")
  public ResponseEntity<?> voorbeeld(@PathVariable String referentie, Authentication gebruiker) {
    if (!REFERENTIE.matcher(referentie).matches()) {
      return tekst(HttpStatus.NOT_FOUND, "Er is geen inzageverzoek met dit referentienummer.");
    }
    if (!toegang.recht(gebruiker, referentie).magLezen()) {
      return tekst(HttpStatus.FORBIDDEN, "Alleen de privacycoördinator, de FG en de directie kunnen de reactie "
          + "bekijken.");
    }
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referentie)
        .processDefinitionKey("avg-inzageverzoek").active().singleResult();
    if (pi == null) {
      return tekst(HttpStatus.NOT_FOUND, "Voor " + referentie + " is geen lopend inzageverzoek. Een verzonden "
          + "reactie staat in het archief.");
    }
    Map<String, Object> variabelen = runtimeService.getVariables(pi.getId());
    Map<String, Object> invoer = new HashMap<>(variabelen);
    BRIEFINVOER.forEach((sleutel, variabele) -> invoer.put(sleutel, variabelen.get(variabele)));
    byte[] brief = brieven.stelOp(BriefType.REACTIE_INZAGE, referentie, invoer).pdf();
    boolean opPapier = antwoordpakket.zonderEmailadres(referentie) || OP_PAPIER.contains(
        String.valueOf(variabelen.get("verzendwijze")));
    byte[] pakket = stempel(antwoordpakket.stelSamen(referentie, brief, opPapier), regel(referentie, opPapier,
        variabelen.get("verzendwijze")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(ContentDisposition.inline()
        .filename("voorbeeld-" + referentie + "-antwoord.pdf", StandardCharsets.UTF_8).build());
    headers.setCacheControl(CacheControl.noStore());
    headers.set("X-Content-Type-Options", "nosniff");
    return new ResponseEntity<>(pakket, headers, HttpStatus.OK);
  }

  private static final java.util.Set<String> OP_PAPIER = java.util.Set.of("AANGETEKENDE_POST", "BETEKENING_EXPLOOT");

  /** How the answer will travel, in the words of the task form. */
  String regel(String referentie, boolean opPapier, Object verzendwijze) {
    if (antwoordpakket.zonderEmailadres(referentie)) {
      return "VOORBEELD, niet verzonden. Geen e-mailadres bekend: dit antwoord gaat per aangetekende post "
          + "(ook bij 'Beveiligde e-mail' of 'Link'); het verzoek is afgehandeld zodra de verzending is bevestigd.";
    }
    if (opPapier) {
      return "VOORBEELD, niet verzonden. Dit antwoord wordt afgedrukt en "
          + ("BETEKENING_EXPLOOT".equals(String.valueOf(verzendwijze)) ? "betekend per exploot." : "aangetekend verzonden.");
    }
    return "VOORBEELD, niet verzonden. Bij 'Link' haalt de betrokkene dit op in het portaal, bij 'Beveiligde e-mail' "
        + "komt het als versleutelde pdf; code of wachtwoord per sms, zonder mobiel nummer per post.";
  }

  /** The note on every page, in the top margin, so a printed preview is never taken for the answer. */
  static byte[] stempel(byte[] pdf, String regel) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      float grootte = 7.5f;
      for (PDPage pagina : doc.getPages()) {
        PDRectangle vak = pagina.getMediaBox();
        java.util.List<String> regels = afbreken(regel, font, grootte, vak.getWidth() - 48);
        float breedte = 0;
        for (String r : regels) {
          breedte = Math.max(breedte, font.getStringWidth(r) / 1000 * grootte);
        }
        float x = (vak.getWidth() - breedte) / 2;
        float boven = vak.getUpperRightY() - 12;
        float hoogte = regels.size() * (grootte + 2);
        try (PDPageContentStream s = new PDPageContentStream(doc, pagina, PDPageContentStream.AppendMode.APPEND,
            true, true)) {
          s.setNonStrokingColor(1f, 0.93f, 0.93f);
          s.addRect(x - 5, boven - hoogte, breedte + 10, hoogte + 4);
          s.fill();
          s.setNonStrokingColor(0.65f, 0.05f, 0.05f);
          s.setFont(font, grootte);
          float y = boven - grootte;
          for (String r : regels) {
            s.beginText();
            s.newLineAtOffset(x, y);
            s.showText(r);
            s.endText();
            y -= grootte + 2;
          }
        }
      }
      ByteArrayOutputStream uit = new ByteArrayOutputStream();
      doc.save(uit);
      return uit.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Voorbeeld kon niet worden gemarkeerd", e);
    }
  }

  private static java.util.List<String> afbreken(String tekst, PDType1Font font, float grootte, float maximaal)
      throws IOException {
    java.util.List<String> regels = new java.util.ArrayList<>();
    StringBuilder regel = new StringBuilder();
    for (String woord : tekst.split(" ")) {
      String proef = regel.isEmpty() ? woord : regel + " " + woord;
      if (!regel.isEmpty() && font.getStringWidth(proef) / 1000 * grootte > maximaal) {
        regels.add(regel.toString());
        regel = new StringBuilder(woord);
      } else {
        regel = new StringBuilder(proef);
      }
    }
    regels.add(regel.toString());
    return regels;
  }

  private static ResponseEntity<String> tekst(HttpStatus status, String melding) {
    return ResponseEntity.status(status).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(melding);
  }
}
