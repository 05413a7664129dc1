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

        // A form that must not be sent twice (opening a case): the second click sends nothing.
        document.querySelectorAll('form [data-prevent-double-submit]').forEach(function (button) {
            button.form.addEventListener('submit', function () {
                setTimeout(function () { button.disabled = true; }, 0);
            });
        });

        // Warn before leaving a form with unsaved changes.
        document.querySelectorAll('form[data-warn-unsaved]').forEach(function (form) {
            var dirty = false;
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
