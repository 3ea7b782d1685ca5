// A desk PC can be paired as a device bound to one desk (`nobat device add --kind desk --desk <id>`):
// open /desk?device=<token> once, and this machine keeps the token and offers only its own desk.
import { storedDeviceToken } from '../../../ui/device-token.js';

export function deskDeviceToken(): string | null {
  return storedDeviceToken('nobat.desk.device', 'device');
}
