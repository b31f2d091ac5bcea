import { createHash } from 'node:crypto';

/**
 * WCAG 1.4.13 asks that content shown on hover or focus can be dismissed without moving the pointer or
 * the focus: Escape hides the formulas shown, until the pointer or the focus leaves their figure. CSS
 * alone shows the formulas, so the report still works where scripts are off.
 */
export const REPORT_SCRIPT = `(function () {
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    document.querySelectorAll('.calc:hover, .calc:focus-within').forEach(function (figure) {
      figure.classList.add('dismissed');
    });
  });
  function restore(event) {
    if (event.target instanceof Element && event.target.classList.contains('calc')) {
      event.target.classList.remove('dismissed');
    }
  }
  document.addEventListener('mouseleave', restore, true);
  document.addEventListener('focusout', function (event) {
    var figure = event.target instanceof Element ? event.target.closest('.calc') : null;
    if (figure) figure.classList.remove('dismissed');
  });
})();`;

const scriptHash = createHash('sha256').update(REPORT_SCRIPT).digest('base64');

/**
 * Nothing may be fetched, and no script run but the report's own: fonts and charts are inline, and a
 * `<script>` smuggled into plan text would be refused even if escaping ever failed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'font-src data:',
  'img-src data:',
  `script-src 'sha256-${scriptHash}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
