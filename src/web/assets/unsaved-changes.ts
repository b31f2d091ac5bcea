/**
 * A form marked `data-unsaved` warns before the page is left with changes not yet sent: typing into a
 * field marks it, submitting it clears the mark. The browser shows its own wording (the attribute's text
 * is kept for browsers that still show a page's); without scripts the form works the same, unwarned.
 * Served from /assets, since the CSP allows no inline script.
 */
export const UNSAVED_CHANGES_SCRIPT = `(function () {
  var changed = null;
  function mark(event) {
    var form = event.target instanceof Element ? event.target.closest('form[data-unsaved]') : null;
    if (form) changed = form;
  }
  document.addEventListener('input', mark, true);
  document.addEventListener('change', mark, true);
  document.addEventListener('submit', function (event) {
    if (event.target === changed) changed = null;
  }, true);
  window.addEventListener('beforeunload', function (event) {
    if (!changed) return;
    event.preventDefault();
    event.returnValue = changed.getAttribute('data-unsaved') || '';
    return event.returnValue;
  });
})();`;
