// The public booking page (/book): choose a service, a day and a time, confirm by a code sent to the
// mobile, and keep the booking code; or see, cancel or move a booking by its code.
import './components/nb-book-app.js';
