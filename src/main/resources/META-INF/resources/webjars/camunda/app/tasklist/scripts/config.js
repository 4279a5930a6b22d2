/*
 * Tasklist configuration of the AVG process application.
 *
 * Based on the config.js shipped in camunda-webapp-webjar 7.24.0 (Apache License 2.0,
 * Copyright Camunda Services GmbH); this file replaces it on the classpath.
 * See docs/tasklist-nl.md for the reasons behind every setting.
 */

// Context path of the webapps (e.g. "/camunda"), taken from the <base app-root="..."> tag
// of Tasklist's index.html. Guarded so the module can also be evaluated outside a browser.
const appRoot =
  typeof document !== 'undefined' && document.querySelector('base')
    ? document.querySelector('base').getAttribute('app-root') || ''
    : '';

export default {
  // Dutch first. Tasklist 7.24 takes the primary subtag of the browser's first language
  // (navigator.languages[0]) if it is listed here, otherwise the fallback locale.
  // Tasklist has no language switch of its own, so scripts/taalkeuze.js (loaded below)
  // makes Dutch the default for every browser; English stays available via ?taal=en.
  locales: {
    availableLocales: ['nl', 'en'],
    fallbackLocale: 'nl'
  },

  // Loads the AMD module scripts/taalkeuze.js and adds its AngularJS module
  // 'avg.taalkeuze' to the custom module that Tasklist bootstraps last. taalkeuze.js
  // loads datums-nl.js and formulieren-nl.js (Dutch date pickers and Camunda Forms);
  // scripts/rustig.js (start filter, counts on every filter, confirmation with the
  // reference, archive links in a new tab) and scripts/overzicht-link.js (the header link to /overzicht for
  // fg, directie and privacycoordinator) are plain JavaScript and need no AngularJS module.
  requireJsConfig: {
    ngDeps: ['avg.taalkeuze'],
    deps: ['avg-taalkeuze', 'avg-aanmeldroute', 'avg-rustig', 'avg-overzicht-link'],
    paths: {
      'avg-overzicht-link': appRoot + '/app/tasklist/scripts/overzicht-link',
      'avg-taalkeuze': appRoot + '/app/tasklist/scripts/taalkeuze',
      'avg-aanmeldroute': appRoot + '/app/tasklist/scripts/aanmeldroute',
      'avg-rustig': appRoot + '/app/tasklist/scripts/rustig',
      'avg-datums-nl': appRoot + '/app/tasklist/scripts/datums-nl',
      'avg-formulieren-nl': appRoot + '/app/tasklist/scripts/formulieren-nl'
    }
  },

  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // Same key bindings as the Camunda default; descriptions (shown in the
  // "Sneltoetsen" help dialog) in Dutch.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claimt de geselecteerde taak'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'zet de focus op het eerste filter in de lijst'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'zet de focus op de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'zet de focus op het eerste invoerveld van een taakformulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opent het venster om een proces te starten'
    }
  }
};
