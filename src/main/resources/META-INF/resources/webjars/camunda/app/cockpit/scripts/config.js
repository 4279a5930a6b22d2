/*
 * Cockpit configuration of the AVG process application: Dutch by default.
 *
 * Replaces the config.js of camunda-webapp-webjar 7.24.0 (Apache License 2.0, Copyright Camunda
 * Services GmbH), whose settings are all commented-out examples; every default not set here stays
 * Camunda's. See docs/tasklist-nl.md.
 */

// Context path of the webapps (e.g. "/camunda"), from the <base app-root="..."> tag of index.html.
const appRoot =
  typeof document !== 'undefined' && document.querySelector('base')
    ? document.querySelector('base').getAttribute('app-root') || ''
    : '';

export default {
  // Dutch first, English still available (?taal=en). The webapp itself would pick the browser's
  // language; taalkeuze.js (shared with Tasklist, loaded below) makes Dutch the default for every
  // browser, and the date pickers Dutch (dd-mm-jjjj, Monday first).
  locales: {
    availableLocales: ['nl', 'en'],
    fallbackLocale: 'nl'
  },

  requireJsConfig: {
    ngDeps: ['avg.taalkeuze'],
    deps: ['avg-taalkeuze', 'avg-aanmeldroute', 'avg-overzicht-link'],
    paths: {
      'avg-overzicht-link': appRoot + '/app/tasklist/scripts/overzicht-link',
      'avg-taalkeuze': appRoot + '/app/tasklist/scripts/taalkeuze',
      'avg-aanmeldroute': appRoot + '/app/tasklist/scripts/aanmeldroute',
      'avg-datums-nl': appRoot + '/app/tasklist/scripts/datums-nl',
      'avg-formulieren-nl': appRoot + '/app/tasklist/scripts/formulieren-nl'
    }
  }
};
