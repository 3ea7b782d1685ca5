// The kiosk page's entry: defines the elements; index.html places <nb-kiosk-app>.
import './components/nb-kiosk-app.js';
