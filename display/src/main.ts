// The display page's entry: defines the elements; index.html places <nb-display-app>.
import './components/nb-display-app.js';
