/* Apogee Desk example site: menu, Zero Block, popup and footer behaviour (written for locpipe). */
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

  w.t702_onSuccess = function () {};
  w.t718_onSuccess = function () {};

  w.t389_scrollToTop = function () {
    w.scrollTo({top: 0, behavior: 'smooth'});
  };

  if (navigator.userAgent.toLowerCase().indexOf('android') > -1) {
    d.head.insertAdjacentHTML('beforeend', '<style>@media screen and (max-width: 560px) {.t-body_scrollable-fix-for-android {overflow: visible !important;}}</style>');
  }
})(window, document);
