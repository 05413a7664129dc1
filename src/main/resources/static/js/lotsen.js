// Lotsen's only script. Everything works without it; it adds conveniences.
(function () {
    'use strict';

    // htmx requests carry the CSRF token from the page's meta tags.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="csrf-token"]');
        var header = document.querySelector('meta[name="csrf-header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // Move focus to an error summary, so that keyboard and screen-reader users hear it first.
    function focusSummary() {
        var summary = document.querySelector('[data-autofocus]');
        if (summary) {
            summary.focus();
        }
    }

    // Once more when the page has loaded, if the focus was lost meanwhile: going to the address's #fragment (the
    // form's section) drops it.
    window.addEventListener('load', function () {
        var current = document.activeElement;
        if (!current || current === document.body) {
            if (document.querySelector('[data-autofocus]') || !location.hash) {
                focusSummary();
            } else {
                focusField(decodeURIComponent(location.hash.substring(1)));
            }
        }
    });

    // The field an address's #fragment names (an error summary's link, a check page's "Ändra"): focus it, so that
    // typing goes there at once. A radio or checkbox group is named by its first input.
    function focusField(id) {
        var field = id ? document.getElementById(id) : null;
        if (field && /^(INPUT|SELECT|TEXTAREA)$/.test(field.tagName)) {
            field.focus();
            var label = document.querySelector('label[for="' + id + '"]');
            (field.closest('fieldset') || label || field).scrollIntoView();
            return true;
        }
        return false;
    }

    document.addEventListener('DOMContentLoaded', function () {
        if (!document.querySelector('[data-autofocus]') && location.hash) {
            focusField(decodeURIComponent(location.hash.substring(1)));
        }
        focusSummary();

        // A link of the error summary moves the focus to its field.
        document.querySelectorAll('.error-summary a[href^="#"]').forEach(function (link) {
            link.addEventListener('click', function (e) {
                if (focusField(decodeURIComponent(link.getAttribute('href').substring(1)))) {
                    e.preventDefault();
                }
            });
        });

        // A form that posts is sent once: after the first submit its buttons are disabled, so a second click sends
        // nothing (a courtesy; the guarantee is the form's one-time token, checked by the server). Disabled after the
        // submit event, so the pressed button's name and value are still sent. Enabled again when the page is shown
        // from the back/forward cache, or after a while should the answer be a download that leaves the page as it is.
        function sendOnce(form) {
            form.addEventListener('submit', function (e) {
                if (e.defaultPrevented) {
                    return;
                }
                var buttons = form.querySelectorAll('button[type="submit"], button:not([type]), input[type="submit"]');
                setTimeout(function () {
                    buttons.forEach(function (b) { b.disabled = true; });
                    setTimeout(function () { buttons.forEach(function (b) { b.disabled = false; }); }, 15000);
                }, 0);
            });
        }
        document.querySelectorAll('form').forEach(function (form) {
            if ((form.getAttribute('method') || 'get').toLowerCase() === 'post' && !form.hasAttribute('target')) {
                sendOnce(form);
            }
        });
        window.addEventListener('pageshow', function (e) {
            if (e.persisted) {
                document.querySelectorAll('form button[disabled], form input[type="submit"][disabled]')
                    .forEach(function (b) { b.disabled = false; });
            }
        });

        // Warn before leaving a form with unsaved changes: a form marked data-warn-unsaved whose fields differ from
        // what the page was loaded with (typing and deleting it again is no change). Submitting it never warns.
        function snapshot(form) {
            return Array.prototype.map.call(form.elements, function (el) {
                if (!el.name || el.type === 'hidden' || el.type === 'submit' || el.type === 'button') {
                    return '';
                }
                if (el.type === 'checkbox' || el.type === 'radio') {
                    return el.name + '=' + el.checked;
                }
                if (el.tagName === 'SELECT' && el.multiple) {
                    return el.name + '=' + Array.prototype.filter.call(el.options, function (o) { return o.selected; })
                        .map(function (o) { return o.value; }).join(',');
                }
                return el.name + '=' + el.value;
            }).join('&');
        }
        var watched = [];
        document.querySelectorAll('form[data-warn-unsaved]').forEach(function (form) {
            // A form sent back by a button that changed it (a row added) holds unsaved input from the start.
            var entry = { form: form, initial: form.hasAttribute('data-dirty') ? null : snapshot(form),
                submitting: false };
            watched.push(entry);
            form.addEventListener('submit', function () {
                entry.submitting = true;
            });
        });
        if (watched.length) {
            window.addEventListener('beforeunload', function (e) {
                var changed = watched.some(function (w) {
                    return !w.submitting && document.contains(w.form) && snapshot(w.form) !== w.initial;
                });
                if (changed) {
                    e.preventDefault();
                    e.returnValue = '';
                }
            });
        }

        // The case page's navigation marks the section the worker went to as current (the server marks the one a
        // change was made in; without this script that stays as it was).
        var nav = document.querySelector('.case-nav');
        if (nav) {
            var follow = function () {
                var hash = window.location.hash;
                var target = hash && nav.querySelector('a[href="' + hash.replace(/"/g, '') + '"]');
                if (!target) {
                    return;
                }
                nav.querySelectorAll('a[aria-current]').forEach(function (a) { a.removeAttribute('aria-current'); });
                target.setAttribute('aria-current', 'location');
            };
            window.addEventListener('hashchange', follow);
            follow();
        }
    });
})();
