// The display page's entry: defines the elements; index.html places <nb-display-app>.
import { returnToKioskTab } from '../../ui/kiosk-tab.js';
import './components/nb-display-app.js';

returnToKioskTab();
