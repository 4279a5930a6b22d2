-- PIA with consequences (PH-PRO-08, PH-FOR-02, AVG art. 35/36) on a proposal of "Verwerking wijzigen":
-- whether a PIA is needed (decision table pia-nodig) and why, the FG's advice on the PIA and the directie's decision,
-- and a prior consultation of the AP (art. 36) with its deadline (8 weeks, extendable once by 6).
ALTER TABLE avg_vwr_voorstel ADD COLUMN pia_nodig BOOLEAN;
ALTER TABLE avg_vwr_voorstel ADD COLUMN pia_grond VARCHAR(300);
ALTER TABLE avg_vwr_voorstel ADD COLUMN fg_pia_advies VARCHAR(20);
ALTER TABLE avg_vwr_voorstel ADD COLUMN fg_pia_toelichting VARCHAR(4000);
ALTER TABLE avg_vwr_voorstel ADD COLUMN pia_besluit VARCHAR(20);
ALTER TABLE avg_vwr_voorstel ADD COLUMN pia_besluit_motivering VARCHAR(4000);
ALTER TABLE avg_vwr_voorstel ADD COLUMN pia_besluit_door VARCHAR(64);
ALTER TABLE avg_vwr_voorstel ADD COLUMN raadpleging_inhoud VARCHAR(4000);
ALTER TABLE avg_vwr_voorstel ADD COLUMN raadpleging_ingediend_op DATE;
ALTER TABLE avg_vwr_voorstel ADD COLUMN ap_antwoord_uiterlijk DATE;
ALTER TABLE avg_vwr_voorstel ADD COLUMN ap_termijn_verlengd BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE avg_vwr_voorstel ADD COLUMN ap_antwoord VARCHAR(30);
ALTER TABLE avg_vwr_voorstel ADD COLUMN ap_antwoord_op DATE;
ALTER TABLE avg_vwr_voorstel ADD COLUMN ap_antwoord_toelichting VARCHAR(4000);
