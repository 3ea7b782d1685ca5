// The desk page's entry: defines the elements; index.html places <nb-desk-app>.
import { returnToKioskTab } from '../../ui/kiosk-tab.js';
import './components/nb-desk-app.js';

returnToKioskTab();
