/* Apogee Desk example site: menu, Zero Block, table, popup and footer behaviour (written for locpipe). */
(function (w, d) {
  'use strict';

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  w.t228_init = function (recid) {
    var rec = d.getElementById('rec' + recid);
    if (!rec) { return; }
    var menu = rec.querySelector('.t228');
    var burger = rec.querySelector('.t-menuburger');
    var page = w.location.pathname.split('/').pop() || 'index.html';
    if (burger) {
      burger.addEventListener('click', function () {
        var opened = menu.classList.toggle('t228_opened');
        burger.setAttribute('aria-expanded', opened ? 'true' : 'false');
      });
    }
    each(rec.querySelectorAll('.t-menu__link-item'), function (link) {
      if (link.getAttribute('href') === page) { link.classList.add('t-active'); }
      link.addEventListener('click', function () { menu.classList.remove('t228_opened'); });
    });
  };

  w.t396_init = function (recid) {
    var rec = d.getElementById('rec' + recid);
    if (!rec) { return; }
    rec.querySelector('.t396__artboard').classList.add('rendered');
    if (rec.querySelector('.tn-atom__inputs-textarea')) {
      w.t_onFuncLoad('t_zeroForms__init', function () { w.t_zeroForms__init(recid); });
    }
  };

  function openPopup(popup) {
    popup.classList.add('t-popup_show');
    d.body.classList.add('t-body_popupshowed');
    popup.focus();
  }

  function closePopup(popup) {
    popup.classList.remove('t-popup_show');
    d.body.classList.remove('t-body_popupshowed');
  }

  w.t702_initPopup = function (recid) {
    var rec = d.getElementById('rec' + recid);
    var popup = rec && rec.querySelector('.t-popup');
    if (!popup) { return; }
    var hook = popup.getAttribute('data-tooltip-hook');
    each(d.querySelectorAll('a[href="' + hook + '"]'), function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        openPopup(popup);
      });
    });
    popup.querySelector('.t-popup__close').addEventListener('click', function () { closePopup(popup); });
    popup.addEventListener('click', function (event) {
      if (event.target === popup) { closePopup(popup); }
    });
    d.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { closePopup(popup); }
    });
    if (w.location.hash === hook) { openPopup(popup); }
  };

  // T431: the table is the text of two hidden divs, whose decoded text is HTML. A line is a
  // row; a ";" starts a cell unless it ends a character reference; " link=URL" (or
  // " button=URL") at the end of a cell makes its content a link.
  var CELL_BREAK = /(?<!&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+));/;

  function tableSection(data, sectionName, cellName) {
    var section = d.createElement(sectionName);
    (data ? data.textContent : '').split(/\r\n|\r|\n/).forEach(function (line) {
      if (!line.trim()) { return; }
      var row = d.createElement('tr');
      line.split(CELL_BREAK).forEach(function (text) {
        var cell = d.createElement(cellName);
        var link = text.match(/ ?(?:link|button)=(.*)$/);
        var target = cell;
        if (link) {
          target = d.createElement('a');
          target.setAttribute('href', link[1]);
          cell.appendChild(target);
        }
        target.innerHTML = link ? text.slice(0, link.index) : text;
        row.appendChild(cell);
      });
      section.appendChild(row);
    });
    return section;
  }

  w.t431_init = function (recid) {
    var rec = d.getElementById('rec' + recid);
    var table = rec && rec.querySelector('.t431__table');
    if (!table) { return; }
    table.appendChild(tableSection(rec.querySelector('.t431__data-part1'), 'thead', 'th'));
    table.appendChild(tableSection(rec.querySelector('.t431__data-part2'), 'tbody', 'td'));
  };

  w.t702_onSuccess = function () {};
  w.t718_onSuccess = function () {};

  w.t389_scrollToTop = function () {
    w.scrollTo({top: 0, behavior: 'smooth'});
  };

  if (navigator.userAgent.toLowerCase().indexOf('android') > -1) {
    d.head.insertAdjacentHTML('beforeend', '<style>@media screen and (max-width: 560px) {.t-body_scrollable-fix-for-android {overflow: visible !important;}}</style>');
  }
})(window, document);
