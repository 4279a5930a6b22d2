/*
 * Dutch calendar for the webapps' own date pickers (Tasklist "Opvolgdatum instellen", the due date,
 * date values in search and filter criteria; the same pickers in Cockpit).
 *
 * Those pickers are angular-ui-bootstrap's uib-datepicker/uib-timepicker inside Camunda's
 * cam-widget-inline-field. They take month and day names and the first day of the week from
 * AngularJS' $locale service, which Camunda 7.24 ships with en-US only (Sunday first). uib-datepicker
 * reads $locale.DATETIME_FORMATS.FIRSTDAYOFWEEK when it is created ((FIRSTDAYOFWEEK + 8) % 7 = start
 * column; 0 = Monday), so replacing the date formats in a run block, before any picker exists, is enough.
 * The value the widget submits is formatted with a fixed pattern ("yyyy-MM-dd'T'HH:mm:ss"), so it is
 * the same ISO date/time as before.
 *
 * Values as in AngularJS' own angular-locale_nl-nl.js. Loaded by taalkeuze.js; see docs/tasklist-nl.md.
 * Classic AMD module (RequireJS).
 */
define([], function () {
  'use strict';

  var NEDERLANDS = {
    AMPMS: ['a.m.', 'p.m.'],
    DAY: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
    ERANAMES: ['voor Christus', 'na Christus'],
    ERAS: ['v.Chr.', 'n.Chr.'],
    FIRSTDAYOFWEEK: 0,
    MONTH: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september',
      'oktober', 'november', 'december'],
    SHORTDAY: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    SHORTMONTH: ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.',
      'dec.'],
    STANDALONEMONTH: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
      'september', 'oktober', 'november', 'december'],
    WEEKENDRANGE: [5, 6],
    fullDate: 'EEEE d MMMM y',
    longDate: 'd MMMM y',
    medium: 'd MMM y HH:mm:ss',
    mediumDate: 'd MMM y',
    mediumTime: 'HH:mm:ss',
    'short': 'dd-MM-y HH:mm',
    shortDate: 'dd-MM-y',
    shortTime: 'HH:mm'
  };

  return {
    NEDERLANDS: NEDERLANDS,

    /** Puts the Dutch names and formats into the given AngularJS $locale (in place). */
    toepassen: function ($locale) {
      var formats = $locale.DATETIME_FORMATS;
      Object.keys(NEDERLANDS).forEach(function (sleutel) {
        formats[sleutel] = NEDERLANDS[sleutel];
      });
    }
  };
});
