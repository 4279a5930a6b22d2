-- Truthful sending (issue 12.4): a letter that must go by post is not sent until a person confirms posting it.
-- Status WACHT_OP_POST replaces PER_POST ("handed over for post" counted as sent although nobody posted anything).
-- The confirmation is kept with the letter: posting date, way (ordinary/registered post, writ), barcode or writ
-- number, who confirmed and when. See docs/brieven.md "Letters by post".
ALTER TABLE avg_brief ADD COLUMN gepost_op DATE;
ALTER TABLE avg_brief ADD COLUMN post_verzendwijze VARCHAR(30);
ALTER TABLE avg_brief ADD COLUMN post_kenmerk VARCHAR(100);
ALTER TABLE avg_brief ADD COLUMN post_bevestigd_door VARCHAR(64);
ALTER TABLE avg_brief ADD COLUMN post_bevestigd_op TIMESTAMP WITH TIME ZONE;

-- The access reply by registered post or writ was confirmed by a person in the former task "Verzending bevestigen"
-- (date in the register's verzonden_op): that letter was posted.
UPDATE avg_brief SET status = 'VERZONDEN',
    gepost_op = (SELECT CAST(v.verzonden_op AS DATE) FROM avg_verzoek v WHERE v.referentie = avg_brief.referentie),
    post_verzendwijze = (SELECT v.verzendwijze FROM avg_verzoek v WHERE v.referentie = avg_brief.referentie),
    verzonden_op = (SELECT v.verzonden_op FROM avg_verzoek v WHERE v.referentie = avg_brief.referentie)
  WHERE status = 'PER_POST' AND sleutel LIKE '%:Task_ReactieAanmaken'
    AND EXISTS (SELECT 1 FROM avg_verzoek v WHERE v.referentie = avg_brief.referentie AND v.verzonden_op IS NOT NULL);

-- Art. 19 recipients counted as informed by a letter nobody confirmed posting are not informed yet.
UPDATE avg_ontvanger SET status = 'TE_INFORMEREN', geinformeerd_op = NULL
  WHERE status = 'GEINFORMEERD' AND brief_sleutel IN (SELECT sleutel FROM avg_brief WHERE status = 'PER_POST');

-- Letters marked PER_POST were never confirmed as posted: they wait (a "Brief afdrukken en versturen" task is made
-- for each at start-up, brief.WachtendePostbrieven).
UPDATE avg_brief SET status = 'WACHT_OP_POST', verzonden_op = NULL WHERE status = 'PER_POST';
