/*
 * Dutch date entry and Dutch messages in Camunda Forms (form-js 1.8.7 as bundled in Tasklist 7.24).
 *
 * What the sources show (bpmn-io/form-js v1.8.7, camunda-bpm-platform webapps):
 * - Tasklist creates the viewer as `new Form({ container })` (cam-tasklist-form-camunda.js): no
 *   additional modules, no translate service, no locale option. form-js 1.8.7 has no i18n at all: its
 *   texts are literals (Validator.js "Field is required.", SearchableSelect "Search", SimpleSelect
 *   "Select", DropdownList "No results", Datetime "Date and time must both be entered.", ...).
 * - The date field (Datepicker.js) is a flatpickr instance with
 *   `dateFormat: getLocaleDateFlatpickrConfig()` and `placeholder={getLocaleReadableDateFormat()}`,
 *   both derived from `new Intl.DateTimeFormat('default')`, i.e. the *browser's* language
 *   (en-US: "m/d/Y" shown as 12/5/2026, placeholder mm/dd/yyyy), and flatpickr's default (English,
 *   Sunday first) calendar texts.
 * - The bundled flatpickr 4.6.13 puts itself on `window.flatpickr` (lib/deps.js); form-js uses that
 *   same function. Its public API lets us set the default calendar language (`flatpickr.localize`)
 *   and default plugins (`flatpickr.defaultConfig.plugins`); a plugin runs after the caller's options
 *   are read, so it can set the display format of each form-js date field.
 *
 * So, with no configuration hook in Tasklist or form-js, this module:
 * 1. gives flatpickr a Dutch calendar (month/day names, Monday first);
 * 2. makes every date field inside a form-js form show and read dd-mm-jjjj (flatpickr "d-m-Y"). Only
 *    the text in the box changes: form-js takes the Date object from flatpickr's onChange and
 *    serialises it itself, so the value submitted is the same ISO date (date fields "2026-12-05",
 *    date-time fields "2026-12-05T14:30+01:00") as before;
 * 3. replaces form-js' English messages, placeholders and button labels by Dutch ones, inside form-js
 *    forms only (a MutationObserver, because preact re-renders them).
 * Loaded by taalkeuze.js when the interface language is Dutch; see docs/tasklist-nl.md.
 * Classic AMD module (RequireJS).
 */
define([], function () {
  'use strict';

  var FORMULIER = '.fjs-container';
  var DATUMFORMAAT = 'd-m-Y';
  var DATUMPLACEHOLDER = 'dd-mm-jjjj';

  /** flatpickr's Dutch locale (as flatpickr/dist/l10n/nl.js), Monday first. */
  var KALENDER = {
    weekdays: {
      shorthand: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
      longhand: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag']
    },
    months: {
      shorthand: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
      longhand: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september',
        'oktober', 'november', 'december']
    },
    firstDayOfWeek: 1,
    weekAbbreviation: 'wk',
    rangeSeparator: ' t/m ',
    scrollTitle: 'Scroll voor volgende / vorige',
    toggleTitle: 'Klik om te wisselen',
    yearAriaLabel: 'Jaar',
    monthAriaLabel: 'Maand',
    hourAriaLabel: 'Uur',
    minuteAriaLabel: 'Minuut',
    ordinal: function (n) {
      return n === 1 || n === 8 || n >= 20 ? 'ste' : 'de';
    }
  };

  /** Texts of form-js 1.8.7 (literal in its sources), shown as text in a form. */
  var TEKSTEN = {
    'Field is required.': 'Dit veld is verplicht.',
    'Field must be a valid email.': 'Vul een geldig e-mailadres in.',
    'Field must be a valid  international phone number. (e.g. +4930664040900)':
      'Vul een geldig internationaal telefoonnummer in (bijvoorbeeld +31701234567).',
    'Value is not a number.': 'Vul een getal in.',
    'Value is expected to be an integer.': 'Vul een geheel getal in.',
    'Date and time must both be entered.': 'Vul zowel de datum als de tijd in.',
    'No results': 'Geen resultaten',
    'All values selected': 'Alle waarden zijn gekozen',
    'Nothing to show.': 'Niets om te tonen.',
    'Select': 'Maak een keuze',
    'No options source defined in the form definition': 'Dit formulier geeft geen keuzemogelijkheden op'
  };

  /** Texts of form-js 1.8.7 with a value in them. */
  var PATRONEN = [
    [/^Field must have minimum value of (.+)\.$/, 'De waarde moet minstens $1 zijn.'],
    [/^Field must have maximum value of (.+)\.$/, 'De waarde mag hoogstens $1 zijn.'],
    [/^Field must have minimum length of (.+)\.$/, 'Vul minstens $1 tekens in.'],
    [/^Field must have maximum length of (.+)\.$/, 'Gebruik hoogstens $1 tekens.'],
    [/^Field must match pattern .+\.$/, 'De invoer heeft niet de vereiste vorm.'],
    [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'Gebruik hoogstens $1 cijfers achter de komma.'],
    [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
      'Kies een geldige waarde; de dichtstbijzijnde geldige waarden zijn $1 en $2.'],
    [/^Page (\d+) of (\d+)$/, 'Pagina $1 van $2']
  ];

  /** Placeholders, aria-labels and titles of form-js 1.8.7. */
  var ATTRIBUTEN = {
    placeholder: { 'Search': 'Zoeken', 'hh:mm': 'uu:mm', 'hh:mm ?m': 'uu:mm ?m' },
    'aria-label': { 'Increment': 'Verhogen', 'Decrement': 'Verlagen', 'Previous page': 'Vorige pagina',
      'Next page': 'Volgende pagina' },
    title: { 'Remove tag': 'Verwijderen', 'Click to remove sorting': 'Klik om de sortering op te heffen' }
  };

  function vertaal(tekst) {
    var kern = tekst.trim();
    if (!kern) {
      return null;
    }
    if (Object.prototype.hasOwnProperty.call(TEKSTEN, kern)) {
      return tekst.replace(kern, TEKSTEN[kern]);
    }
    for (var i = 0; i < PATRONEN.length; i++) {
      if (PATRONEN[i][0].test(kern)) {
        return tekst.replace(kern, kern.replace(PATRONEN[i][0], PATRONEN[i][1]));
      }
    }
    return null;
  }

  function inFormulier(node) {
    var element = node.nodeType === 1 ? node : node.parentElement;
    return !!(element && element.closest && element.closest(FORMULIER));
  }

  function vertaalTekstknoop(knoop) {
    // never touch what a user typed or what the form shows as data: only form-js' own texts
    var ouder = knoop.parentElement;
    if (!ouder || ouder.closest('textarea, [contenteditable]')) {
      return;
    }
    var vertaald = vertaal(knoop.data);
    if (vertaald !== null && vertaald !== knoop.data) {
      knoop.data = vertaald;
    }
  }

  function vertaalAttributen(element) {
    Object.keys(ATTRIBUTEN).forEach(function (naam) {
      var waarde = element.getAttribute(naam);
      if (waarde !== null && Object.prototype.hasOwnProperty.call(ATTRIBUTEN[naam], waarde)) {
        element.setAttribute(naam, ATTRIBUTEN[naam][waarde]);
      }
    });
  }

  function vertaalBoom(wortel) {
    if (wortel.nodeType === 3) {
      vertaalTekstknoop(wortel);
      return;
    }
    if (wortel.nodeType !== 1) {
      return;
    }
    vertaalAttributen(wortel);
    var elementen = wortel.querySelectorAll('[placeholder], [aria-label], [title]');
    for (var i = 0; i < elementen.length; i++) {
      vertaalAttributen(elementen[i]);
    }
    var wandelaar = document.createTreeWalker(wortel, NodeFilter.SHOW_TEXT);
    var knopen = [];
    while (wandelaar.nextNode()) {
      knopen.push(wandelaar.currentNode);
    }
    knopen.forEach(vertaalTekstknoop);
  }

  /** flatpickr plugin: form-js date fields show and read dd-mm-jjjj. */
  function nederlandsDatumveld(fp) {
    var invoer = fp.element;
    if (invoer && invoer.closest && invoer.closest(FORMULIER)) {
      fp.config.dateFormat = DATUMFORMAAT;
      invoer.setAttribute('placeholder', DATUMPLACEHOLDER);
    }
    return {};
  }

  function kalenderInstellen(flatpickr) {
    if (!flatpickr || typeof flatpickr.localize !== 'function' || !flatpickr.defaultConfig) {
      return false;
    }
    flatpickr.localize(KALENDER);
    // the date a screen reader reads out for a day of the calendar ("5 december 2026")
    flatpickr.defaultConfig.ariaDateFormat = 'j F Y';
    var plugins = flatpickr.defaultConfig.plugins || [];
    if (plugins.indexOf(nederlandsDatumveld) < 0) {
      flatpickr.defaultConfig.plugins = plugins.concat([nederlandsDatumveld]);
    }
    return true;
  }

  function tekstenVolgen() {
    var waarnemer = new MutationObserver(function (wijzigingen) {
      wijzigingen.forEach(function (wijziging) {
        if (!inFormulier(wijziging.target)) {
          return;
        }
        if (wijziging.type === 'childList') {
          for (var i = 0; i < wijziging.addedNodes.length; i++) {
            vertaalBoom(wijziging.addedNodes[i]);
          }
        } else if (wijziging.type === 'characterData') {
          vertaalTekstknoop(wijziging.target);
        } else if (wijziging.type === 'attributes') {
          vertaalAttributen(wijziging.target);
        }
      });
    });
    waarnemer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: Object.keys(ATTRIBUTEN)
    });
    // forms already on the page
    var formulieren = document.querySelectorAll(FORMULIER);
    for (var i = 0; i < formulieren.length; i++) {
      vertaalBoom(formulieren[i]);
    }
  }

  return {
    KALENDER: KALENDER,
    vertaal: vertaal,
    nederlandsDatumveld: nederlandsDatumveld,

    /** Dutch calendar, dd-mm-jjjj and Dutch texts for every form-js form on this page. */
    toepassen: function () {
      kalenderInstellen(window.flatpickr);
      tekstenVolgen();
    }
  };
});
