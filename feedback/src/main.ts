// The public feedback pages: /feedback files a complaint, criticism, suggestion or appreciation from
// a phone (from a ticket's page it concerns that ticket); /feedback/<code> shows its status and the
// office's answer, and nothing else.
import './components/nb-feedback-app.js';
