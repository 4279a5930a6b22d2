/*
 * Logging in always goes through /aanmelden when two factors are required (issue 15).
 *
 * Loaded by the config.js of Tasklist, Cockpit and Admin (requireJsConfig.deps). A page load without a webapp login is
 * already sent to /aanmelden by the server (WebappAanmeldomleiding). But "Uitloggen", and a session that ended,
 * do not load a page: the webapp itself switches to its own password-only login screen (#/login), where a staff
 * member cannot log in. This script asks the server once whether two factors are required
 * (GET /aanmelden/beleid) and, if so, replaces that screen by /aanmelden, which brings the user back to this webapp
 * afterwards. On the embedded default (no second factor required) nothing changes.
 */
define([], function () {
  'use strict';

  var base = document.querySelector('base');
  var appRoot = base ? base.getAttribute('app-root') || '' : '';
  // the servlet context path: the webapps live under <context>/camunda
  var context = appRoot.replace(/\/[^/]*$/, '');
  var verplicht = null;

  function opLoginscherm() {
    return /^#!?\/login/.test(window.location.hash);
  }

  function naarAanmelden() {
    var pad = window.location.pathname.substring(context.length);
    // back to this webapp's start page afterwards (never to the login screen itself)
    window.location.replace(context + '/aanmelden?doel=' + encodeURIComponent(pad));
  }

  function controleer() {
    if (verplicht === true && opLoginscherm()) {
      naarAanmelden();
    }
  }

  var xhr = new XMLHttpRequest();
  xhr.open('GET', context + '/aanmelden/beleid');
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.onload = function () {
    if (xhr.status === 200) {
      try {
        verplicht = JSON.parse(xhr.responseText).tweedeFactorVerplicht === true;
      } catch (e) {
        verplicht = false;
      }
      controleer();
    }
  };
  xhr.send();

  window.addEventListener('hashchange', controleer);

  return {naarAanmelden: naarAanmelden};
});
