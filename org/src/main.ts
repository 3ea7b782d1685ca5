// The organisation's screens at central: sign-in, the live table of offices and the indicators report.
import './nb-org-app.js';
