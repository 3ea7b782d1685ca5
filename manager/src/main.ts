// The manager page's entry: defines the elements; index.html places <nb-manager-app>.
import { returnToKioskTab } from '../../ui/kiosk-tab.js';
import './components/nb-manager-app.js';

returnToKioskTab();
