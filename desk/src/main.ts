// The desk page's entry: defines the elements; index.html places <nb-desk-app>.
import './components/nb-desk-app.js';
