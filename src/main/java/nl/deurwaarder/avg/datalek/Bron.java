package nl.deurwaarder.avg.datalek;

/** Who reported a (suspected) breach (spec/api.md). */
public enum Bron {
  /** An employee of the office (PH-PRO-04 §2.1). */
  MEDEWERKER,
  /** A processor, bound to report within 24 hours of its discovery (PH-ORG-05 §7). */
  VERWERKER,
  /** Anyone else: a data subject, a client, a chain partner. */
  EXTERN
}
