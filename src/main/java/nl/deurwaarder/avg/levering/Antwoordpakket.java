package nl.deurwaarder.avg.levering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Archiefstuk;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import nl.deurwaarder.avg.brief.Postbevestiging;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The answer to a granted access request as one file (PH-PRO-01 §5.5): the cover letter first, then every archived
 * document of kind GESCREENDE_GEGEVENS in archive order. Screened PDFs are appended page by page; other screened
 * files (a spreadsheet, a photo, a mail) are embedded in the same PDF as attachments and listed on a closing page,
 * so the package stays one file that can be encrypted as a whole. Granting access without any screened document is
 * refused unless the coordinator recorded "geen gegevens gevonden".
 */
@Component("antwoordpakket")
public class Antwoordpakket {

  static final String GEEN_GEGEVENS = "geenGegevensGevonden";
  static final String VERZENDWIJZE = "verzendwijze";
  /** The way the coordinator chose when the answer had to go by post instead (no e-mail address). */
  public static final String GEKOZEN_VERZENDWIJZE = "gekozenVerzendwijze";
  private static final String LETTERTYPE = "/brieven/lettertype/LiberationSans-Regular.ttf";
  private static final String LETTERTYPE_VET = "/brieven/lettertype/LiberationSans-Bold.ttf";

  private final Archief archief;

  private final nl.deurwaarder.avg.verzoek.VerzoekRegister register;
  private final VerzoekregisterInProces inProces;

  public Antwoordpakket(Archief archief, nl.deurwaarder.avg.verzoek.VerzoekRegister register,
      VerzoekregisterInProces inProces) {
    this.register = register;
    this.inProces = inProces;
    this.archief = archief;
  }

  /** The screened documents of a request, in archive order. */
  public List<Archiefstuk> gescreendeStukken(String referentie) {
    return archief.stukken(referentie).stream().filter(s -> s.soort() == Stuksoort.GESCREENDE_GEGEVENS).toList();
  }

  /**
   * Complete-listener of "Reactie samenstellen": a reply without screened documents goes only with "geen gegevens
   * gevonden"; with that box ticked there must be none. "Beveiligde e-mail" or "Link" for a data subject without an
   * e-mail address becomes registered post ({@code verzendwijze} AANGETEKENDE_POST, the choice kept as
   * {@code gekozenVerzendwijze} and in the register's history): the package is then printed and posted
   * ({@link PakketPerPost}) and the request is AFGEHANDELD only after a person confirmed posting it.
   */
  public void controleer(DelegateTask task) {
    String referentie = task.getExecution().getProcessBusinessKey();
    Object geen = task.getVariable(GEEN_GEGEVENS);
    if (geen != null && !(geen instanceof Boolean)) {
      throw new OngeldigeInvoerException("Beantwoord 'Geen gegevens gevonden' met ja of nee.");
    }
    int aantal = gescreendeStukken(referentie).size();
    if (aantal == 0 && !Boolean.TRUE.equals(geen)) {
      throw new OngeldigeInvoerException("Er staan nog geen gescreende gegevens in het archief van " + referentie
          + ". Voeg de gescreende stukken toe (soort 'Gescreende gegevens'), of vink 'Geen gegevens gevonden' aan "
          + "als er over de betrokkene niets is gevonden.");
    }
    if (aantal > 0 && Boolean.TRUE.equals(geen)) {
      throw new OngeldigeInvoerException("U vinkte 'Geen gegevens gevonden' aan, maar in het archief van "
          + referentie + " staan " + aantal + " gescreende stuk(ken). Haal het vinkje weg, of verwijder de stukken "
          + "als ze niet over de betrokkene gaan.");
    }
    Object wijze = task.getVariable(VERZENDWIJZE);
    if (("BEVEILIGDE_EMAIL".equals(wijze) || "BEVEILIGDE_LINK".equals(wijze)) && zonderEmailadres(referentie)) {
      // no e-mail address: the answer goes on paper, by registered post (the form says so beforehand)
      task.setVariable(GEKOZEN_VERZENDWIJZE, wijze);
      task.setVariable(VERZENDWIJZE, Postbevestiging.AANGETEKENDE_POST);
      register.historie(referentie, inProces.gebruiker(task.getAssignee()), VERZENDWIJZE, String.valueOf(wijze),
          Postbevestiging.AANGETEKENDE_POST + " (" + ("BEVEILIGDE_EMAIL".equals(wijze) ? "beveiligde e-mail"
              : "link") + " gekozen, maar geen e-mailadres bekend: het antwoord gaat per aangetekende post)");
    }
  }

  /** Whether the data subject of the request has no e-mail address (the answer can then only go on paper). */
  public boolean zonderEmailadres(String referentie) {
    return register.vind(referentie).map(v -> v.briefadresEmail() == null || v.briefadresEmail().isBlank())
        .orElse(false);
  }

  /** The package of a reference: this letter and the screened documents of its archive. */
  public byte[] stelSamen(String referentie, byte[] briefPdf) {
    return stelSamen(referentie, briefPdf, false);
  }

  /**
   * As above; {@code opPapier}: the package is printed and posted, so the closing page says that the non-PDF files
   * were printed and enclosed (whoever posts it prints them from the archive) instead of pointing at the paperclip.
   */
  public byte[] stelSamen(String referentie, byte[] briefPdf, boolean opPapier) {
    List<Archiefstuk> stukken = gescreendeStukken(referentie);
    Map<Archiefstuk, byte[]> inhoud = new LinkedHashMap<>();
    stukken.forEach(s -> inhoud.put(s, archief.inhoud(s.id())));
    return stelSamen(briefPdf, inhoud, opPapier);
  }

  static byte[] stelSamen(byte[] briefPdf, Map<Archiefstuk, byte[]> stukken) {
    return stelSamen(briefPdf, stukken, false);
  }

  static byte[] stelSamen(byte[] briefPdf, Map<Archiefstuk, byte[]> stukken, boolean opPapier) {
    try (PDDocument pakket = Loader.loadPDF(briefPdf)) {
      PDFMergerUtility samenvoegen = new PDFMergerUtility();
      List<Archiefstuk> overig = new ArrayList<>();
      for (Map.Entry<Archiefstuk, byte[]> e : stukken.entrySet()) {
        if (isPdf(e.getKey(), e.getValue())) {
          try (PDDocument stuk = Loader.loadPDF(new RandomAccessReadBuffer(e.getValue()))) {
            samenvoegen.appendDocument(pakket, stuk);
          }
        } else {
          overig.add(e.getKey());
        }
      }
      if (!overig.isEmpty()) {
        voegBijlagenToe(pakket, overig, stukken, opPapier);
      }
      pakket.getDocumentInformation().setTitle("Antwoord op uw inzageverzoek");
      ByteArrayOutputStream uit = new ByteArrayOutputStream();
      pakket.save(uit);
      return uit.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Pakket kan niet worden samengesteld", e);
    }
  }

  private static boolean isPdf(Archiefstuk stuk, byte[] inhoud) {
    return "application/pdf".equals(stuk.contentType()) || (inhoud.length > 4 && inhoud[0] == '%'
        && inhoud[1] == 'P' && inhoud[2] == 'D' && inhoud[3] == 'F');
  }

  /** Embeds the non-PDF files and adds a page that names them and says where to find them. */
  private static void voegBijlagenToe(PDDocument pakket, List<Archiefstuk> overig, Map<Archiefstuk, byte[]> inhoud,
      boolean opPapier) throws IOException {
    Map<String, PDComplexFileSpecification> bestanden = new LinkedHashMap<>();
    for (Archiefstuk s : overig) {
      PDEmbeddedFile ingebed = new PDEmbeddedFile(pakket, new java.io.ByteArrayInputStream(inhoud.get(s)));
      ingebed.setSubtype(s.contentType());
      ingebed.setSize(inhoud.get(s).length);
      ingebed.setCreationDate(new GregorianCalendar());
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile(s.bestandsnaam());
      spec.setFileUnicode(s.bestandsnaam());
      spec.setEmbeddedFile(ingebed);
      spec.setEmbeddedFileUnicode(ingebed);
      spec.setFileDescription(s.titel());
      bestanden.put(s.bestandsnaam(), spec);
    }
    PDEmbeddedFilesNameTreeNode boom = new PDEmbeddedFilesNameTreeNode();
    boom.setNames(bestanden);
    PDDocumentNameDictionary namen = new PDDocumentNameDictionary(pakket.getDocumentCatalog());
    namen.setEmbeddedFiles(boom);
    pakket.getDocumentCatalog().setNames(namen);

    PDPage pagina = new PDPage(PDRectangle.A4);
    pakket.addPage(pagina);
    PDFont gewoon = lettertype(pakket, LETTERTYPE);
    PDFont vet = lettertype(pakket, LETTERTYPE_VET);
    try (PDPageContentStream tekst = new PDPageContentStream(pakket, pagina)) {
      float y = 780;
      y = regel(tekst, vet, 14, y, "Bijgevoegde bestanden");
      y -= 6;
      List<String> uitleg = opPapier
          ? List.of("Deze gescreende gegevens zijn geen PDF-bestand. Wij hebben ze afgedrukt en bij deze",
              "brief gevoegd.")
          : List.of("Deze gescreende gegevens zijn geen PDF-bestand. Ze zitten als bijlage in dit",
              "PDF-bestand. U opent ze via het paperclip- of bijlagenpictogram van uw PDF-lezer.");
      for (String r : uitleg) {
        y = regel(tekst, gewoon, 11, y, r);
      }
      y -= 8;
      for (Archiefstuk s : overig) {
        y = regel(tekst, gewoon, 11, y, "- " + s.bestandsnaam() + " (" + s.titel() + ")");
      }
    }
  }

  private static PDFont lettertype(PDDocument doc, String pad) throws IOException {
    try (InputStream in = Antwoordpakket.class.getResourceAsStream(pad)) {
      return PDType0Font.load(doc, in);
    }
  }

  private static float regel(PDPageContentStream tekst, PDFont font, float grootte, float y, String regel)
      throws IOException {
    tekst.beginText();
    tekst.setFont(font, grootte);
    tekst.newLineAtOffset(60, y);
    tekst.showText(regel.length() > 95 ? regel.substring(0, 92) + "..." : regel);
    tekst.endText();
    return y - grootte * 1.5f;
  }
}
