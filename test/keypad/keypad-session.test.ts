// The session's decisions on a virtual clock: acks, press identity, arming, expiry, the exit
// repeat filter and going offline after three missed heartbeats.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KeypadFrame } from '../../drivers/keypad/frame.js';
import { KeypadSession, type SessionStep } from '../../drivers/keypad/keypad-session.js';

const DEVICE = 'DESK1';
let seq = 0;
const hello = (boot = '100', buttons = 5): KeypadFrame => ({ type: 'H', device: DEVICE, seq: seq++, firmware: '1.0', buttons, boot });
const heartbeat = (): KeypadFrame => ({ type: 'K', device: DEVICE, seq: seq++, uptime: 1 });
const press = (button: number, token: string | null = null, pressSeq = seq++): KeypadFrame => ({
  type: 'B',
  device: DEVICE,
  seq: pressSeq,
  button,
  token,
});

/** A session that has heard the keypad's hello at t = 0. */
function deskSession(): KeypadSession {
  const session = new KeypadSession({ mode: 'desk' });
  session.lineOpened(0);
  session.receive(hello(), 0);
  return session;
}

const tokens = (step: SessionStep): (string | null)[] => step.ratings.map((rating) => rating.token);
const sentTypes = (step: SessionStep): string[] => step.send.map((frame) => frame.type);

describe('acknowledgements and press identity', () => {
  test('every valid frame is acknowledged with its own seq', () => {
    const session = deskSession();
    const frame = heartbeat();
    assert.deepEqual(session.receive(frame, 100).send, [{ type: 'A', device: DEVICE, seq: frame.seq }]);
  });

  test('a press resent with the same seq counts once, and every copy is acknowledged', () => {
    const session = deskSession();
    const original = press(4);
    const first = session.receive(original, 1000);
    assert.equal(first.ratings.length, 1);
    assert.deepEqual(first.ratings[0], { device: DEVICE, boot: '100', seq: original.seq, button: 4, buttons: 5, token: null, at: 1000 });
    for (let resend = 1; resend <= 10; resend++) {
      const step = session.receive({ ...original }, 1000 + resend * 300);
      assert.deepEqual(step.ratings, []);
      assert.deepEqual(step.send, [{ type: 'A', device: DEVICE, seq: original.seq }]);
    }
  });

  test('the same seq after a reboot is a new press', () => {
    const session = deskSession();
    assert.equal(session.receive(press(3, null, 7), 1000).ratings.length, 1);
    session.receive(hello('200'), 2000);
    assert.equal(session.receive(press(3, null, 7), 2100).ratings.length, 1);
  });

  test('the same seq long after, when the counter has wrapped, is a new press', () => {
    const session = deskSession();
    assert.equal(session.receive(press(3, null, 9), 1000).ratings.length, 1);
    assert.equal(session.receive(press(3, null, 9), 1000 + 36 * 3600_000).ratings.length, 1);
  });

  test('a press beyond the keypad\'s buttons is acknowledged but not counted', () => {
    const session = new KeypadSession({ mode: 'desk' });
    session.receive(hello('1', 3), 0);
    const step = session.receive(press(4), 10);
    assert.deepEqual(sentTypes(step), ['A']);
    assert.deepEqual(step.ratings, []);
    assert.deepEqual(session.errorCounts(), { bad_button: 1 });
  });

  test('a press before any hello is refused, not acknowledged: its copy after the hello counts once, under that boot', () => {
    const session = new KeypadSession({ mode: 'desk' });
    const early = press(2, null, 40);
    const refused = session.receive(early, 500);
    assert.deepEqual(refused.ratings, []);
    assert.deepEqual(refused.send, []);
    assert.deepEqual(session.errorCounts(), { press_before_hello: 1 });
    // The hello alone stores nothing: a press it might not belong to is not filed under its boot.
    assert.deepEqual(session.receive(hello('300', 3), 900).ratings, []);
    const resent = session.receive({ ...early }, 1000);
    assert.deepEqual(resent.ratings, [{ device: DEVICE, boot: '300', seq: 40, button: 2, buttons: 3, token: null, at: 1000 }]);
    assert.deepEqual(resent.send, [{ type: 'A', device: DEVICE, seq: 40 }]);
    assert.deepEqual(session.receive({ ...early }, 1300).ratings, []);
  });

  test('a press before the hello of a keypad swapped onto the line is refused too', () => {
    const session = deskSession();
    const stranger = { type: 'B', device: 'OTHER', seq: 3, button: 1, token: null } as const;
    assert.deepEqual(session.receive(stranger, 100).send, []);
    assert.deepEqual(session.receive(stranger, 100).ratings, []);
  });
});

describe('arming a desk keypad', () => {
  test('arm sends R with the token and seconds; the first press with the token rates it and disarms', () => {
    const session = deskSession();
    const armed = session.arm('T1042', 30, 1000);
    assert.equal(armed.send.length, 1);
    assert.deepEqual({ ...armed.send[0], seq: 0 }, { type: 'R', device: DEVICE, seq: 0, token: 'T1042', seconds: 30 });
    const rated = session.receive(press(5, 'T1042'), 5000);
    assert.deepEqual(tokens(rated), ['T1042']);
    assert.deepEqual(sentTypes(rated), ['A', 'D']);
    assert.equal(session.isArmed(5000), false);
    // A second press, even carrying the same token, is no longer that ticket's.
    assert.deepEqual(tokens(session.receive(press(1, 'T1042'), 6000)), [null]);
  });

  test('the server numbers its own frames, one more each time', () => {
    const session = deskSession();
    const seqs = [session.arm('A1', 30, 0), session.disarm(), session.arm('A2', 30, 0)].map((step) => step.send[0]?.seq);
    assert.deepEqual(seqs, [0, 1, 2]);
  });

  test('a press for a ticket the desk has moved on from never lands on the new ticket', () => {
    const session = deskSession();
    session.arm('OLD1', 30, 1000);
    session.arm('NEW2', 30, 2000);
    const late = session.receive(press(2, 'OLD1'), 2100);
    assert.deepEqual(tokens(late), [null]);
    assert.equal(session.isArmed(2100), true, 'the new ticket can still be rated');
    assert.deepEqual(tokens(session.receive(press(4, 'NEW2'), 2200)), ['NEW2']);
  });

  test('a press without a token while armed is unattributed and leaves the arming in place', () => {
    const session = deskSession();
    session.arm('T7', 30, 0);
    assert.deepEqual(tokens(session.receive(press(3, null), 100)), [null]);
    assert.deepEqual(tokens(session.receive(press(3, 'T7'), 200)), ['T7']);
  });

  test('an arming expires after its seconds: a late press is unattributed and D is sent', () => {
    const session = deskSession();
    session.arm('T9', 10, 1000);
    assert.deepEqual(sentTypes(session.tick(10_999)), []);
    assert.equal(session.isArmed(10_999), true);
    assert.deepEqual(sentTypes(session.tick(11_000)), ['D']);
    assert.deepEqual(tokens(session.receive(press(5, 'T9'), 11_100)), [null]);
  });

  test('disarm sends D and a later press with the old token is unattributed', () => {
    const session = deskSession();
    session.arm('T3', 30, 0);
    assert.deepEqual(sentTypes(session.disarm()), ['D']);
    assert.deepEqual(tokens(session.receive(press(5, 'T3'), 100)), [null]);
  });

  test('a keypad back from offline or rebooted is armed again with the time that is left', () => {
    const session = deskSession();
    session.arm('T5', 30, 0);
    session.tick(6000); // silent: offline
    const back = session.receive(heartbeat(), 10_000);
    assert.deepEqual(sentTypes(back), ['A', 'R']);
    assert.deepEqual({ ...back.send[1], seq: 0 }, { type: 'R', device: DEVICE, seq: 0, token: 'T5', seconds: 20 });
    const rebooted = session.receive(hello('999'), 12_000);
    assert.deepEqual(sentTypes(rebooted), ['A', 'R']);
  });

  test('an arm before the keypad has spoken is sent with its first frame', () => {
    const session = new KeypadSession({ mode: 'desk' });
    assert.deepEqual(session.arm('T8', 30, 0).send, []);
    assert.deepEqual(sentTypes(session.receive(hello(), 1000)), ['A', 'R']);
  });

  test('arming refuses a token the protocol cannot carry', () => {
    assert.throws(() => deskSession().arm('no spaces', 30, 0), RangeError);
    assert.throws(() => deskSession().arm('T1', 0, 0), RangeError);
  });
});

describe('a rating that could not be stored', () => {
  test('goes unacknowledged; the resent press counts as new and still answers its arming', () => {
    const session = deskSession();
    session.arm('T9', 30, 0);
    const first = session.receive(press(4, 'T9', 500), 100);
    assert.deepEqual(tokens(first), ['T9']);
    session.refuse(first.ratings[0]!, first);
    assert.deepEqual(sentTypes(first), ['D'], 'no ack for the press');
    const again = session.receive(press(4, 'T9', 500), 400);
    assert.deepEqual(tokens(again), ['T9']);
    assert.deepEqual(sentTypes(again), ['A', 'D']);
    assert.deepEqual(tokens(session.receive(press(4, 'T9', 500), 700)), [], 'once kept, a further copy is a repeat');
  });

  test('an arming that ran out meanwhile is not brought back', () => {
    const session = deskSession();
    session.arm('T9', 5, 0);
    const first = session.receive(press(4, 'T9', 600), 4_900);
    session.refuse(first.ratings[0]!, first);
    assert.deepEqual(tokens(session.receive(press(4, 'T9', 600), 5_200)), [null]);
  });

  test('on an exit keypad, the resent press is not taken for a quick repeat', () => {
    const session = new KeypadSession({ mode: 'exit' });
    session.receive(hello(), 0);
    const first = session.receive(press(5, null, 700), 1_000);
    session.refuse(first.ratings[0]!, first);
    assert.deepEqual(sentTypes(first), []);
    assert.equal(session.receive(press(5, null, 700), 1_300).ratings.length, 1);
  });
});

describe('exit keypads', () => {
  function exitSession(exitRepeatSeconds?: number): KeypadSession {
    const session = new KeypadSession({ mode: 'exit', exitRepeatSeconds });
    session.receive(hello(), 0);
    return session;
  }

  test('are never armed', () => {
    const session = exitSession();
    assert.deepEqual(session.arm('T1', 30, 0).send, []);
    assert.equal(session.isArmed(0), false);
  });

  test('presses closer together than 3 s count once; the next after that counts again', () => {
    const session = exitSession();
    const counted = [1000, 2000, 3999, 4000, 4500, 9000].map((at) => session.receive(press(5), at).ratings.length);
    assert.deepEqual(counted, [1, 0, 0, 1, 0, 1]);
  });

  test('the repeat window is configurable', () => {
    const session = exitSession(1);
    const counted = [1000, 1500, 2000].map((at) => session.receive(press(4), at).ratings.length);
    assert.deepEqual(counted, [1, 0, 1]);
  });

  test('a press carrying a token is still only a rating for the hour', () => {
    assert.deepEqual(tokens(exitSession().receive(press(5, 'T1'), 1000)), [null]);
  });
});

describe('health', () => {
  test('the first frame brings the keypad online; the hello names boot and firmware', () => {
    const session = new KeypadSession({ mode: 'desk' });
    assert.equal(session.current().online, false);
    assert.equal(session.receive(heartbeat(), 100).healthChanged, true);
    assert.equal(session.receive(heartbeat(), 2100).healthChanged, false);
    assert.equal(session.receive(hello('4242'), 2200).healthChanged, true);
    assert.deepEqual(session.current(), { device: DEVICE, online: true, lastHeartbeatAt: 2200, bootId: '4242', firmware: '1.0' });
  });

  test('three missed heartbeats make the keypad offline and the line silent, once', () => {
    const session = deskSession();
    session.receive(heartbeat(), 10_000);
    assert.equal(session.tick(12_000).healthChanged, false);
    assert.equal(session.tick(15_999).silent, false);
    const silent = session.tick(16_000);
    assert.equal(silent.silent, true);
    assert.equal(silent.healthChanged, true);
    assert.equal(session.current().online, false);
    assert.equal(session.tick(30_000).silent, false, 'reported once until the line is reopened');
  });

  test('a reopened line that stays silent is reported again', () => {
    const session = new KeypadSession({ mode: 'desk' });
    session.lineOpened(0);
    assert.equal(session.tick(5_999).silent, false);
    assert.equal(session.tick(6_000).silent, true);
    session.lineOpened(7_000);
    assert.equal(session.tick(13_000).silent, true);
  });

  test('losing the line makes an online keypad offline', () => {
    const session = deskSession();
    const lost = session.lineLost();
    assert.equal(lost.healthChanged, true);
    assert.equal(session.current().online, false);
  });
});
