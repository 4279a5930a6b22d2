-- Issue 17.2: the half-yearly privacy report of the FG to the directie (PH-ORG-01 §7.3). One row per half-year,
-- reference RAP-<jaar>-H1 / RAP-<jaar>-H2 (also the archive reference of its PDFs). Only figures and the texts of the
-- FG and the directie: no personal data. Portable SQL: runs on PostgreSQL and H2.
CREATE TABLE avg_privacyrapportage (
  referentie           VARCHAR(20)    NOT NULL,
  van                  DATE           NOT NULL,
  tot                  DATE           NOT NULL,
  periode              VARCHAR(60)    NOT NULL,
  status               VARCHAR(20)    NOT NULL,   -- CONCEPT, BIJ_DIRECTIE, VASTGESTELD
  opgesteld_op         TIMESTAMP WITH TIME ZONE NOT NULL,
  conclusies           VARCHAR(10000),
  aanbevelingen        VARCHAR(10000),
  fg_door              VARCHAR(64),
  fg_op                TIMESTAMP WITH TIME ZONE,
  besluit_directie     VARCHAR(10000),
  directie_door        VARCHAR(64),
  directie_op          TIMESTAMP WITH TIME ZONE,
  process_instance_id  VARCHAR(64),
  CONSTRAINT pk_avg_privacyrapportage PRIMARY KEY (referentie)
);
