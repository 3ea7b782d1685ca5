// Whether a connection comes from the server's own machine: in the demo office only, such a kiosk or
// display needs no pairing. The address is the socket's, never a header a client could forge.
export function isLoopbackAddress(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
