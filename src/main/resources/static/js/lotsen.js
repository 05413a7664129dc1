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
            focusSummary();
        }
    });

    document.addEventListener('DOMContentLoaded', function () {
        focusSummary();

        // Warn before leaving a form with unsaved changes.
        document.querySelectorAll('form[data-warn-unsaved]').forEach(function (form) {
            // A form sent back by a button that changed it (a row added) holds unsaved input from the start.
            var dirty = form.hasAttribute('data-dirty');
            form.addEventListener('input', function () { dirty = true; });
            form.addEventListener('submit', function () {
                dirty = false;
                // A second click on submit sends nothing twice.
                form.querySelectorAll('button[type="submit"]').forEach(function (b) {
                    setTimeout(function () { b.disabled = true; }, 0);
                });
            });
            window.addEventListener('beforeunload', function (e) {
                if (dirty) {
                    e.preventDefault();
                    e.returnValue = '';
                }
            });
        });
    });
})();
