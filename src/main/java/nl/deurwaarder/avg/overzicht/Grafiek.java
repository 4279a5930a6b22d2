package nl.deurwaarder.avg.overzicht;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A chart as a handful of shapes in a fixed coordinate space, drawn two ways from the same model: as inline SVG on the
 * overview page (no JavaScript, no CDN) and with Java2D onto a PDF page (openhtmltopdf hands a Graphics2D that writes
 * PDF vector graphics; it cannot render SVG without an extra library).
 */
public final class Grafiek {

  /** One shape. Colours are #rrggbb. */
  public sealed interface Vorm permits Rechthoek, Lijn, Tekst, Stip {
  }

  public record Rechthoek(double x, double y, double b, double h, String kleur) implements Vorm {
  }

  public record Lijn(double x1, double y1, double x2, double y2, String kleur, double dikte) implements Vorm {
  }

  /** Text with its baseline at y; anker = start, middle or end. */
  public record Tekst(double x, double y, String tekst, double grootte, String anker, String kleur, boolean vet)
      implements Vorm {
  }

  public record Stip(double x, double y, double r, String kleur) implements Vorm {
  }

  private final String titel;
  private final double breedte;
  private final double hoogte;
  private final List<Vorm> vormen = new ArrayList<>();

  public Grafiek(String titel, double breedte, double hoogte) {
    this.titel = titel;
    this.breedte = breedte;
    this.hoogte = hoogte;
  }

  public Grafiek voeg(Vorm vorm) {
    vormen.add(vorm);
    return this;
  }

  public String titel() {
    return titel;
  }

  public double breedte() {
    return breedte;
  }

  public double hoogte() {
    return hoogte;
  }

  public List<Vorm> vormen() {
    return List.copyOf(vormen);
  }

  /** Well-formed inline SVG (also valid XHTML), with the title for screen readers. */
  public String svg() {
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(g(breedte)).append(' ')
        .append(g(hoogte)).append("\" width=\"").append(g(breedte)).append("\" height=\"").append(g(hoogte))
        .append("\" aria-label=\"").append(esc(titel)).append("\"><title>").append(esc(titel)).append("</title>");
    for (Vorm v : vormen) {
      if (v instanceof Rechthoek r) {
        s.append("<rect x=\"").append(g(r.x())).append("\" y=\"").append(g(r.y())).append("\" width=\"")
            .append(g(r.b())).append("\" height=\"").append(g(r.h())).append("\" fill=\"").append(r.kleur())
            .append("\"/>");
      } else if (v instanceof Lijn l) {
        s.append("<line x1=\"").append(g(l.x1())).append("\" y1=\"").append(g(l.y1())).append("\" x2=\"")
            .append(g(l.x2())).append("\" y2=\"").append(g(l.y2())).append("\" stroke=\"").append(l.kleur())
            .append("\" stroke-width=\"").append(g(l.dikte())).append("\"/>");
      } else if (v instanceof Tekst t) {
        s.append("<text x=\"").append(g(t.x())).append("\" y=\"").append(g(t.y())).append("\" font-size=\"")
            .append(g(t.grootte())).append("\" text-anchor=\"").append(t.anker()).append("\" fill=\"")
            .append(t.kleur()).append("\" font-family=\"Liberation Sans, Arial, sans-serif\"")
            .append(t.vet() ? " font-weight=\"bold\"" : "").append('>').append(esc(t.tekst())).append("</text>");
      } else if (v instanceof Stip p) {
        s.append("<circle cx=\"").append(g(p.x())).append("\" cy=\"").append(g(p.y())).append("\" r=\"")
            .append(g(p.r())).append("\" fill=\"").append(p.kleur()).append("\"/>");
      }
    }
    return s.append("</svg>").toString();
  }

  /** Draws the chart scaled into a box of {@code b} × {@code h} at the graphics' origin. */
  public void teken(Graphics2D g2, double b, double h) {
    Graphics2D g = (Graphics2D) g2.create();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      double schaal = Math.min(b / breedte, h / hoogte);
      g.scale(schaal, schaal);
      for (Vorm v : vormen) {
        if (v instanceof Rechthoek r) {
          g.setColor(Color.decode(r.kleur()));
          g.fill(new Rectangle2D.Double(r.x(), r.y(), r.b(), r.h()));
        } else if (v instanceof Lijn l) {
          g.setColor(Color.decode(l.kleur()));
          g.setStroke(new BasicStroke((float) l.dikte()));
          g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
        } else if (v instanceof Tekst t) {
          g.setColor(Color.decode(t.kleur()));
          g.setFont(new Font(Font.SANS_SERIF, t.vet() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) t.grootte()));
          FontMetrics fm = g.getFontMetrics();
          double w = fm.getStringBounds(t.tekst(), g).getWidth();
          double x = switch (t.anker()) {
            case "middle" -> t.x() - w / 2;
            case "end" -> t.x() - w;
            default -> t.x();
          };
          g.drawString(t.tekst(), (float) x, (float) t.y());
        } else if (v instanceof Stip p) {
          g.setColor(Color.decode(p.kleur()));
          g.fill(new Ellipse2D.Double(p.x() - p.r(), p.y() - p.r(), 2 * p.r(), 2 * p.r()));
        }
      }
    } finally {
      g.dispose();
    }
  }

  private static String g(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
  }
}
