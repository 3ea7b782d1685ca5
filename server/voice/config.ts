// The office's settings for the citizens' voice, part of the office file (`voice:`): the topics a
// visitor files feedback under (staff behaviour, which indicator 12 counts, is always one of them),
// how soon each kind should be answered, and how long a visitor's mobile number is kept.
import { z } from 'zod';
import { BIDI_CONTROLS } from '../config/bidi.js';

export const FEEDBACK_KINDS = ['complaint', 'criticism', 'suggestion', 'appreciation'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** «رفتار و ادبیات کارکنان»: the topic indicator 12 counts complaints under. */
export const STAFF_BEHAVIOUR = 'staff_behaviour';

const label = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(BIDI_CONTROLS, ''))
    .pipe(z.string().trim().min(1).max(max));

const topicSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]{1,32}$/, 'lower-case Latin letters, digits and "_", 1 to 32 characters'),
  name: label(80),
  nameEn: label(80).optional(),
});
export type FeedbackTopic = z.infer<typeof topicSchema>;

const STAFF_BEHAVIOUR_TOPIC: FeedbackTopic = { id: STAFF_BEHAVIOUR, name: 'رفتار و ادبیات کارکنان', nameEn: 'Staff behaviour and language' };

export const DEFAULT_TOPICS: readonly FeedbackTopic[] = [
  STAFF_BEHAVIOUR_TOPIC,
  { id: 'waiting_time', name: 'زمان انتظار و نوبت‌دهی', nameEn: 'Waiting time and the queue' },
  { id: 'process', name: 'روند انجام کار و مدارک', nameEn: 'Procedure and documents' },
  { id: 'facilities', name: 'فضا و امکانات اداره', nameEn: 'Premises and facilities' },
  { id: 'information', name: 'اطلاع‌رسانی و راهنمایی', nameEn: 'Information and guidance' },
  { id: 'other', name: 'سایر', nameEn: 'Other' },
];

/** Hours within which each kind should be answered, unless the office sets its own. */
export const DEFAULT_ANSWER_TARGET_HOURS: Record<FeedbackKind, number> = { complaint: 72, criticism: 120, suggestion: 240, appreciation: 240 };

const hours = z.number().int().min(1).max(24 * 90);

export const voiceSchema = z
  .strictObject({
    topics: z.array(topicSchema).max(30).default([...DEFAULT_TOPICS]),
    answerTargetHours: z
      .strictObject({ complaint: hours.optional(), criticism: hours.optional(), suggestion: hours.optional(), appreciation: hours.optional() })
      .prefault({})
      .transform((targets) => ({ ...DEFAULT_ANSWER_TARGET_HOURS, ...targets })),
    /** Days after which a visitor's mobile number is erased, answered or not. */
    mobileRetentionDays: z.number().int().min(1).max(365).default(90),
  })
  .prefault({})
  .transform((voice) => ({
    ...voice,
    // Staff behaviour is always a topic, first, whatever the office lists.
    topics: [voice.topics.find((t) => t.id === STAFF_BEHAVIOUR) ?? STAFF_BEHAVIOUR_TOPIC, ...voice.topics.filter((t) => t.id !== STAFF_BEHAVIOUR)],
  }))
  .superRefine((voice, ctx) => {
    const seen = new Set<string>();
    voice.topics.forEach((topic, i) => {
      if (seen.has(topic.id)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `duplicate topic id "${topic.id}"`, params: { fa: `موضوع «${topic.id}» دو بار آمده است.` } });
      seen.add(topic.id);
    });
  });
export type VoiceConfig = z.infer<typeof voiceSchema>;
