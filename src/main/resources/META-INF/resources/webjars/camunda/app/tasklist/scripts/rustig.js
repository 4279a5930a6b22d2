/*
 * A calm Tasklist for the staff of the AVG process application (issue 13.4 and 13.5).
 *
 * Loaded by scripts/config.js (requireJsConfig.deps). Classic AMD module (RequireJS), plain DOM and
 * XMLHttpRequest, no AngularJS internals; it reads only Camunda's public REST API under /camunda/api/engine.
 *
 * 1. Own work first. Tasklist 7.24 opens the filter with the lowest priority ("Mijn taken": tasks assigned to
 *    me). When that is empty but a shared filter holds tasks for this user (e.g. "Groep: Functionaris
 *    Gegevensbescherming" with an open advice task), the start page opens that filter instead — once per login,
 *    and never when a filter was chosen in the address.
 * 2. Counts on every shared filter. Tasklist 7.24 shows the count of the selected filter only (its filter
 *    properties are description, priority, color, refresh, variables, showUndefinedVariable; none shows counts).
 *    The counts come from GET /filter?itemCount=true, refreshed every 30 s and after claiming, completing or
 *    starting.
 * 3. A clear confirmation with the reference after a start form ("Datalek melden", "AVG-verzoek registreren",
 *    "Termijn van een verzoek verlengen"): the answer of submit-form carries the business key the process gave
 *    itself (DL-..., AVG-...).
 * 4. Links to the archive (/archief/...) in task forms open in a new tab, so Tasklist stays where it was.
 */
define([], function () {
  'use strict';

  var base = document.querySelector('base');
  var appRoot = base ? base.getAttribute('app-root') || '' : '';
  var ENGINE = appRoot + '/api/engine/engine/default';
  var VLAG = 'avg.tasklist.startfilter';
  var filters = [];
  var bijwerkenGepland = null;
  var wachtrondes = 0;

  function leesJson(url, klaar) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = function () {
      if (xhr.status === 200) {
        try {
          klaar(JSON.parse(xhr.responseText));
        } catch (e) {
          // not JSON (e.g. the login page): nothing to show
        }
      }
    };
    xhr.send();
  }

  function hashParam(naam) {
    var m = new RegExp('[?&]' + naam + '=([^&]*)').exec(window.location.hash);
    return m ? decodeURIComponent(m[1]) : null;
  }

  function opLoginPagina() {
    return /^#\/login/.test(window.location.hash)
      || !!document.querySelector("input[ng-model='username']");
  }

  // ---------------------------------------------------------------- 1 and 2: counts and the start filter

  function haalAantallen() {
    if (opLoginPagina()) {
      try { window.sessionStorage.removeItem(VLAG); } catch (e) { /* no storage */ }
      return;
    }
    if (!document.querySelector('.task-filters')) {
      // Tasklist shows its filter list only to a logged-in user. Until then (start-up, or the moment of logging in)
      // ask the server nothing: Camunda's webapp filter gives every request without a valid login a new session, and
      // such an answer arriving after the login's would replace the fresh login cookie (the user is logged out).
      if (wachtrondes++ < 240) {
        planAantallen(500);
      }
      return;
    }
    wachtrondes = 0;
    leesJson(ENGINE + '/filter?resourceType=Task&itemCount=true', function (lijst) {
      filters = lijst.slice().sort(function (a, b) {
        return ((a.properties || {}).priority || 0) - ((b.properties || {}).priority || 0);
      });
      kiesStartfilter();
      toonAantallen();
    });
  }

  function planAantallen(wacht) {
    if (bijwerkenGepland) {
      window.clearTimeout(bijwerkenGepland);
    }
    bijwerkenGepland = window.setTimeout(function () {
      bijwerkenGepland = null;
      haalAantallen();
    }, wacht);
  }

  function kiesStartfilter() {
    var gekozen;
    try { gekozen = window.sessionStorage.getItem(VLAG); } catch (e) { gekozen = 'geen opslag'; }
    if (gekozen || !filters.length || hashParam('task')) {
      return;
    }
    var huidig = hashParam('filter');
    var standaard = filters[0];
    if (huidig && huidig !== standaard.id) {
      markeer(); // the user (or a link) chose a filter: leave it
      return;
    }
    if (standaard.itemCount > 0) {
      markeer();
      return;
    }
    for (var i = 1; i < filters.length; i++) {
      if (filters[i].itemCount > 0) {
        markeer();
        var hash = window.location.hash || '#/';
        hash = /[?&]filter=/.test(hash)
          ? hash.replace(/([?&]filter=)[^&]*/, '$1' + encodeURIComponent(filters[i].id))
          : hash + (hash.indexOf('?') > -1 ? '&' : '?') + 'filter=' + encodeURIComponent(filters[i].id);
        window.location.hash = hash;
        return;
      }
    }
    markeer();
  }

  function markeer() {
    try { window.sessionStorage.setItem(VLAG, 'ja'); } catch (e) { /* no storage */ }
  }

  function toonAantallen() {
    var elementen = document.querySelectorAll('.task-filters .task-filter');
    for (var i = 0; i < elementen.length; i++) {
      var el = elementen[i];
      var link = el.querySelector('h4.name a');
      if (!link) {
        continue;
      }
      var naam = '';
      for (var n = link.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) {
          naam += n.textContent;
        }
      }
      naam = naam.trim();
      var filter = null;
      for (var j = 0; j < filters.length; j++) {
        if (filters[j].name === naam) {
          filter = filters[j];
        }
      }
      var aantal = link.querySelector('.avg-aantal');
      var actief = el.classList.contains('active');
      if (!filter || actief) {
        if (aantal) {
          aantal.parentNode.removeChild(aantal); // the selected filter shows Tasklist's own counter
        }
        continue;
      }
      if (!aantal) {
        aantal = document.createElement('span');
        aantal.className = 'counter avg-aantal';
        link.appendChild(aantal);
      }
      var tekst = String(filter.itemCount);
      if (aantal.textContent !== tekst) {
        aantal.textContent = tekst;
      }
      aantal.title = filter.itemCount === 1 ? '1 taak' : filter.itemCount + ' taken';
    }
  }

  // ---------------------------------------------------------------- 3: confirmation after a start form

  var BEVESTIGINGEN = {
    'avg-datalek': {
      titel: 'Datalek gemeld',
      tekst: 'Uw melding is geregistreerd in het register datalekken onder kenmerk',
      na: 'Noteer dit kenmerk en vermeld het bij alles wat u later over dit incident meldt. De privacycoördinator '
        + 'beoordeelt de melding; de termijn van 72 uur voor een melding bij de Autoriteit Persoonsgegevens loopt '
        + 'vanaf het moment van ontdekken.',
      archief: false // the reporter is mostly not one of the privacy staff who may open it
    },
    'avg-verzoek-registreren': {
      titel: 'Verzoek geregistreerd',
      tekst: 'Het verzoek is geregistreerd in het Register AVG-verzoeken onder referentienummer',
      na: 'De procedure is gestart; de ontvangstbevestiging gaat naar de verzoeker.',
      archief: true
    },
    'avg-termijn-verlengen': {
      titel: 'Termijn verlengd',
      tekst: 'De termijn is verlengd van verzoek',
      na: 'De nieuwe uiterste reactiedatum staat in het register en bij de taken; de verlengingsbrief wordt verzonden.',
      archief: true
    }
  };

  function toonBevestiging(antwoord) {
    var sleutel = String(antwoord.definitionId || '').split(':')[0];
    var soort = BEVESTIGINGEN[sleutel] || {
      titel: 'Gestart', tekst: 'Het proces is gestart onder kenmerk', na: '', archief: false
    };
    var oud = document.getElementById('avg-bevestiging');
    if (oud) {
      oud.parentNode.removeChild(oud);
    }
    var kader = document.createElement('div');
    kader.id = 'avg-bevestiging';
    kader.setAttribute('role', 'alertdialog');
    kader.setAttribute('aria-labelledby', 'avg-bevestiging-titel');
    var ref = antwoord.businessKey;
    var archief = soort.archief && /^(AVG|DL)-\d{4}-\d+$/.test(ref)
      ? '<p><a href="' + encodeURI('/archief/' + ref) + '" target="_blank" rel="noopener">Archief van ' + ref
        + ' openen</a> (nieuw tabblad)</p>'
      : '';
    kader.innerHTML = '<div class="avg-bevestiging-inhoud"><h3 id="avg-bevestiging-titel"></h3>'
      + '<p class="avg-bevestiging-tekst"></p><p class="avg-kenmerk"></p><p class="avg-bevestiging-na"></p>'
      + archief + '<button type="button" class="btn btn-primary">Sluiten</button></div>';
    kader.querySelector('h3').textContent = soort.titel;
    kader.querySelector('.avg-bevestiging-tekst').textContent = soort.tekst + ':';
    kader.querySelector('.avg-kenmerk').textContent = ref;
    kader.querySelector('.avg-bevestiging-na').textContent = soort.na;
    kader.querySelector('button').addEventListener('click', function () {
      kader.parentNode.removeChild(kader);
    });
    document.body.appendChild(kader);
    kader.querySelector('button').focus();
  }

  // every answer of the REST API Tasklist calls passes here; only successful changes are looked at
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (methode, url) {
    this.avgMethode = String(methode).toUpperCase();
    this.avgUrl = String(url);
    return open.apply(this, arguments);
  };
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    if (xhr.avgMethode === 'POST' || xhr.avgMethode === 'PUT' || xhr.avgMethode === 'DELETE') {
      xhr.addEventListener('load', function () {
        if (xhr.status < 200 || xhr.status >= 300) {
          return;
        }
        if (/\/process-definition\/.+\/submit-form$/.test(xhr.avgUrl)) {
          try {
            var antwoord = JSON.parse(xhr.responseText);
            if (antwoord && antwoord.businessKey) {
              toonBevestiging(antwoord);
            }
          } catch (e) {
            // no JSON body: Tasklist's own notification stays
          }
        }
        if (/\/(task|process-definition)\//.test(xhr.avgUrl)) {
          planAantallen(500);
        }
      });
    }
    return send.apply(this, arguments);
  };

  // ---------------------------------------------------------------- 4: archive links in a new tab

  function archiefInNieuwTabblad() {
    var links = document.querySelectorAll('a[href*="/archief/"]:not([target])');
    for (var i = 0; i < links.length; i++) {
      links[i].setAttribute('target', '_blank');
      links[i].setAttribute('rel', 'noopener');
      links[i].setAttribute('title', 'Opent in een nieuw tabblad');
    }
  }

  // ---------------------------------------------------------------- wiring

  var tekenen = null;
  new MutationObserver(function () {
    if (tekenen) {
      return;
    }
    tekenen = window.requestAnimationFrame(function () {
      tekenen = null;
      archiefInNieuwTabblad();
      toonAantallen();
    });
  }).observe(document.documentElement, {childList: true, subtree: true, attributes: true,
    attributeFilter: ['class']});
  window.addEventListener('hashchange', function () {
    wachtrondes = 0;
    planAantallen(300);
  });
  window.setInterval(function () {
    if (!document.hidden) {
      haalAantallen();
    }
  }, 30000);
  planAantallen(0);

  return {};
});
