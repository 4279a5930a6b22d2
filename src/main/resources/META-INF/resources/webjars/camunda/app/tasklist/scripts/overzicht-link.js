/*
 * Link to the privacy overview (/overzicht, issue 17.1) in the header of Tasklist and Cockpit.
 *
 * Loaded by scripts/config.js of Tasklist and of Cockpit (requireJsConfig.deps). Classic AMD module, plain DOM and
 * XMLHttpRequest, no AngularJS internals. Only users in a group that may open the page (fg, directie,
 * privacycoordinator) see the link: the user comes from the webapps' own authentication endpoint, the groups from
 * Camunda's public REST API (GET /group?member=...). The page itself checks the role again on the server.
 */
define([], function () {
  'use strict';

  var base = document.querySelector('base');
  var appRoot = base ? base.getAttribute('app-root') || '' : '';
  var GROEPEN = ['fg', 'directie', 'privacycoordinator'];
  var gebruiker = null;   // the user the decision below was made for
  var magZien = false;
  var bezig = false;

  function leesJson(url, klaar, mislukt) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = function () {
      if (xhr.status === 200) {
        try {
          klaar(JSON.parse(xhr.responseText));
          return;
        } catch (e) {
          // not JSON (e.g. a login page)
        }
      }
      mislukt();
    };
    xhr.onerror = mislukt;
    xhr.send();
  }

  function verwijderLink() {
    var oud = document.querySelector('.avg-overzicht-link');
    if (oud) {
      oud.parentNode.removeChild(oud);
    }
  }

  function plaatsLink() {
    if (!magZien || document.querySelector('.avg-overzicht-link')) {
      return;
    }
    var lijst = document.querySelector('[cam-widget-header] ul.nav') ||
      document.querySelector('[cam-widget-header] ul');
    if (!lijst) {
      return;
    }
    var li = document.createElement('li');
    li.className = 'avg-overzicht-link';
    var a = document.createElement('a');
    a.href = '/overzicht';
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = 'Privacyoverzicht';
    a.title = 'Verzoeken, termijnen, datalekken en rapportages (opent in een nieuw tabblad)';
    li.appendChild(a);
    lijst.appendChild(li);
  }

  // Tasklist and Cockpit render the user menu of the header (li.account, ng-if="authentication.name") only for a
  // logged-in user. Until then (start-up, the login screen, the moment of logging in) ask the server nothing: Camunda's
  // webapp filter gives every request without a valid login a new session, and such an answer arriving after the
  // login's replaces the fresh login cookie (the user is logged out again; see rustig.js).
  function aangemeld() {
    return !!document.querySelector('[cam-widget-header] li.account');
  }

  function vergeet() {
    gebruiker = null;
    magZien = false;
    verwijderLink();
  }

  function controleer() {
    if (bezig) {
      return;
    }
    if (!aangemeld()) {
      vergeet();
      return;
    }
    bezig = true;
    leesJson(appRoot + '/api/admin/auth/user/default', function (auth) {
      var id = auth && auth.userId;
      if (!id) {
        bezig = false;
        gebruiker = null;
        magZien = false;
        verwijderLink();
        return;
      }
      if (id === gebruiker) {
        bezig = false;
        plaatsLink();
        return;
      }
      leesJson(appRoot + '/api/engine/engine/default/group?member=' + encodeURIComponent(id), function (groepen) {
        gebruiker = id;
        magZien = groepen.some(function (g) { return GROEPEN.indexOf(g.id) >= 0; });
        bezig = false;
        verwijderLink();
        plaatsLink();
      }, function () {
        bezig = false;
      });
    }, function () {
      bezig = false;
      gebruiker = null;
      magZien = false;
      verwijderLink();
    });
  }

  var gepland = null;
  new MutationObserver(function () {
    if (gepland) {
      return;
    }
    gepland = setTimeout(function () {
      gepland = null;
      if (!aangemeld()) {
        if (gebruiker !== null || document.querySelector('.avg-overzicht-link')) {
          vergeet();
        }
        return;
      }
      if (!document.querySelector('.avg-overzicht-link') || gebruiker === null) {
        controleer();
      }
    }, 300);
  }).observe(document.body, {childList: true, subtree: true});
  controleer();
});
