import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Strict headers on every response. The pages load nothing from anywhere but this server: styles,
 * fonts and the one small script are served from /assets, charts are inline SVG without style
 * attributes, so no inline style or script is allowed. A handler that sets its own policy (the
 * downloadable report, which inlines its fonts) keeps it.
 */
export function securityHeaders(secureCookies: boolean): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      fontSrc: ["'self'"],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
    // HSTS only means something over HTTPS, which secure cookies imply.
    strictTransportSecurity: secureCookies ? 'max-age=31536000; includeSubDomains' : false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
    overwrite: false,
  });
}
