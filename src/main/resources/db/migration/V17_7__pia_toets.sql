-- Per processing the latest decision whether a PIA is needed (decision table pia-nodig): from a proposal of
-- "Verwerking wijzigen" (bron VOORSTEL) or from the one-time check of processings that existed before PIA screening
-- (bron EENMALIGE_TOETS, process avg-pia-toets-bestaand; a row without pia_nodig is a check still running).
CREATE TABLE avg_vwr_pia_toets (
  verwerking_code      VARCHAR(30)   NOT NULL,
  bron                 VARCHAR(20)   NOT NULL,
  aangemaakt_op        TIMESTAMP WITH TIME ZONE NOT NULL,
  pia_nodig            BOOLEAN,
  pia_grond            VARCHAR(300),
  getoetst_door        VARCHAR(64),
  getoetst_op          TIMESTAMP WITH TIME ZONE,
  process_instance_id  VARCHAR(64),
  CONSTRAINT pk_avg_vwr_pia_toets PRIMARY KEY (verwerking_code)
);
