/*
 * Makes Dutch the default language of Camunda Tasklist 7.24, whatever the browser language.
 *
 * Loaded by scripts/config.js (requireJsConfig). Tasklist itself determines the language in a
 * config block of its 'cam.tasklist' module: the primary subtag of navigator.languages[0] when
 * it is one of locales.availableLocales, otherwise locales.fallbackLocale; it does not store a
 * choice and has no language switch. The module below is bootstrapped after 'cam.tasklist'
 * (via 'cam.tasklist.custom'), so its preferredLanguage() call is the one that counts.
 *
 * Language choice: open Tasklist once with ?taal=en (or ?taal=nl) in the URL, e.g.
 *   /camunda/app/tasklist/default/?taal=en
 * The choice is kept in localStorage ('avg.tasklist.taal') for this browser.
 *
 * When the language is Dutch, it also makes the date pickers and Camunda Forms Dutch
 * (datums-nl.js, formulieren-nl.js: dd-mm-jjjj, Monday first, Dutch form messages).
 *
 * It also replaces the one English word that angular-ui-bootstrap hard-codes in a template the webapps use:
 * the screen-reader text "Close" of the close button of every uib-alert (template
 * uib/template/alert/alert.html in lib/deps.js, e.g. the error alerts of Tasklist's "Proces starten" modal).
 * The replacement is the same markup with the webapp's own translation key CLOSE ("Sluiten"), so it follows
 * the chosen language.
 *
 * Used by Tasklist, Cockpit, Admin and the Welcome page alike (each app's scripts/config.js loads it
 * from this folder).
 *
 * Classic AMD module (RequireJS), not an ES module.
 */
define(['angular', 'avg-datums-nl', 'avg-formulieren-nl'], function (angular, datums, formulieren) {
  'use strict';

  var OPSLAGSLEUTEL = 'avg.tasklist.taal';
  var TALEN = ['nl', 'en'];
  var STANDAARD = 'nl';
  var ALERT_SJABLOON = 'uib/template/alert/alert.html';

  function uitUrl() {
    var match = /[?&]taal=([a-zA-Z]{2})(?:&|$)/.exec(window.location.search) ||
      /[?&]taal=([a-zA-Z]{2})(?:&|$)/.exec(window.location.hash);
    var taal = match ? match[1].toLowerCase() : null;
    return TALEN.indexOf(taal) > -1 ? taal : null;
  }

  function gekozenTaal() {
    var taal = uitUrl();
    try {
      if (taal) {
        window.localStorage.setItem(OPSLAGSLEUTEL, taal);
        return taal;
      }
      var opgeslagen = window.localStorage.getItem(OPSLAGSLEUTEL);
      if (TALEN.indexOf(opgeslagen) > -1) {
        return opgeslagen;
      }
    } catch (e) {
      // localStorage not available (privacy settings): no stored choice
    }
    return taal || STANDAARD;
  }

  var taal = gekozenTaal();

  return angular.module('avg.taalkeuze', ['pascalprecht.translate'])
    .config([
      '$translateProvider',
      function ($translateProvider) {
        $translateProvider.preferredLanguage(taal);
      }
    ])
    .run([
      '$templateCache',
      function ($templateCache) {
        // Same markup as angular-ui-bootstrap's alert template, with the translated label.
        $templateCache.put(ALERT_SJABLOON,
          '<button ng-show="closeable" type="button" class="close" ng-click="close({$event: $event})">\n' +
          '  <span aria-hidden="true">&times;</span>\n' +
          '  <span class="sr-only">{{ \'CLOSE\' | translate }}</span>\n' +
          '</button>\n' +
          '<div ng-transclude></div>\n');
      }
    ])
    .run([
      '$locale',
      function ($locale) {
        if (taal === 'nl') {
          datums.toepassen($locale);
          formulieren.toepassen();
        }
      }
    ]);
});
