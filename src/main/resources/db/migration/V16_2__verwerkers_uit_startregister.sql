-- The starting verwerkingsregister (V7_1) named its processors as free text in avg_vwr_gegevenstype.verwerkers.
-- Each processor named there becomes an entry of the register of processors, and the text is replaced by the exact
-- names of those entries (separated by '; ', as before), so that every processing links to a processor of the
-- register (verwerker.Verwerkersregister, checked by verwerkingsregister.Registervalidatie on every publication).
-- The agreement dates are unknown at this point: the entries start without them (status "Overeenkomst vastleggen").
-- "Arbodienst (eigen verwerkingsverantwoordelijke ...)" is no processor (own controller, already named as a
-- recipient of 60.4.1): it is removed from the processors of 60.4.1.
INSERT INTO avg_verwerker (referentie, naam, dienst) VALUES ('VWR-TMP-01', 'Leverancier dossierapplicatie', 'Levering, onderhoud en support van de dossierapplicatie (incasso- en ambtelijke dossiers)');
INSERT INTO avg_verwerker (referentie, naam, dienst) VALUES ('VWR-TMP-02', 'Hostingpartij dossierapplicatie', 'Hosting en technisch beheer van de dossierapplicatie');
INSERT INTO avg_verwerker (referentie, naam, dienst) VALUES ('VWR-TMP-03', 'Print- en verzendhuis', 'Printen, kuverteren en verzenden van brieven aan debiteuren');
INSERT INTO avg_verwerker (referentie, naam, dienst) VALUES ('VWR-TMP-04', 'Beveiligingsbedrijf', 'Cameratoezicht en toegangsbeveiliging van het kantoor');
INSERT INTO avg_verwerker (referentie, naam, dienst) VALUES ('VWR-TMP-05', 'Hostingpartij AVG-procesapplicatie', 'Hosting van de AVG-procesapplicatie (registers AVG-verzoeken en datalekken, verwerkingsregister)');
INSERT INTO avg_verwerker (referentie, naam, dienst) VALUES ('VWR-TMP-06', 'Salarisverwerker', 'Salarisadministratie');
INSERT INTO avg_verwerker (referentie, naam, dienst) VALUES ('VWR-TMP-07', 'Leverancier ritregistratie', 'Ritregistratie van dienstvoertuigen');
INSERT INTO avg_verwerker (referentie, naam, dienst) VALUES ('VWR-TMP-08', 'Leverancier HR-systeem', 'Personeelsadministratie (HR-systeem)');
INSERT INTO avg_verwerker (referentie, naam, dienst) VALUES ('VWR-TMP-09', 'Leverancier CRM/relatiebeheer', 'Relatiebeheer (CRM) voor opdrachtgevers');
INSERT INTO avg_verwerker (referentie, naam, dienst) VALUES ('VWR-TMP-10', 'ICT-dienstverlener', 'Beheer van werkplekken, accounts en netwerk');
INSERT INTO avg_verwerker (referentie, naam, dienst) VALUES ('VWR-TMP-11', 'Leverancier boekhoudpakket', 'Boekhoudpakket (financiële administratie)');
UPDATE avg_verwerker SET referentie = CONCAT('VWR-', CAST(id AS VARCHAR(20))) WHERE referentie LIKE 'VWR-TMP-%';

UPDATE avg_vwr_gegevenstype SET verwerkers = 'Leverancier dossierapplicatie; Hostingpartij dossierapplicatie; Print- en verzendhuis'
  WHERE verwerkers = 'Leverancier dossierapplicatie (verwerkersovereenkomst, PH-ORG-05); hostingpartij; print- en verzendhuis';
UPDATE avg_vwr_gegevenstype SET verwerkers = 'Leverancier dossierapplicatie; Hostingpartij dossierapplicatie'
  WHERE verwerkers = 'Leverancier dossierapplicatie (verwerkersovereenkomst, PH-ORG-05); hostingpartij';
UPDATE avg_vwr_gegevenstype SET verwerkers = 'Beveiligingsbedrijf' WHERE verwerkers = 'Beveiligingsbedrijf (verwerkersovereenkomst)';
UPDATE avg_vwr_gegevenstype SET verwerkers = 'Salarisverwerker' WHERE verwerkers = 'Salarisverwerker (verwerkersovereenkomst)';
UPDATE avg_vwr_gegevenstype SET verwerkers = 'Leverancier ritregistratie' WHERE verwerkers = 'Leverancier ritregistratie (verwerkersovereenkomst)';
UPDATE avg_vwr_gegevenstype SET verwerkers = 'Leverancier HR-systeem' WHERE verwerkers = 'Leverancier HR-systeem (verwerkersovereenkomst)';
UPDATE avg_vwr_gegevenstype SET verwerkers = 'Leverancier CRM/relatiebeheer' WHERE verwerkers = 'Leverancier CRM/relatiebeheer (verwerkersovereenkomst)';
UPDATE avg_vwr_gegevenstype SET verwerkers = 'ICT-dienstverlener' WHERE verwerkers = 'ICT-dienstverlener (verwerkersovereenkomst)';
UPDATE avg_vwr_gegevenstype SET verwerkers = 'Leverancier boekhoudpakket' WHERE verwerkers = 'Leverancier boekhoudpakket (verwerkersovereenkomst)';
UPDATE avg_vwr_gegevenstype SET verwerkers = NULL WHERE verwerkers = 'Arbodienst (eigen verwerkingsverantwoordelijke voor medische gegevens)';
