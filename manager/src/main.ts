// The manager page's entry: defines the elements; index.html places <nb-manager-app>.
import './components/nb-manager-app.js';
