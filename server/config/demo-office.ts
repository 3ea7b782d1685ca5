// The office `npm start` runs when no office file is given: a municipal service office with six
// services, four desks and full guidance, so that the kiosk, desk and display can be tried at once.
// Not a real office; the legal references name real laws only in general terms.
import type { OfficeInput } from './schema.js';

type HoursInput = NonNullable<OfficeInput['hours']>;

const everyPriorityGroup = ['elderly', 'disabled', 'veteran', 'pregnant'] as const;

/** The hours the office posts: Saturday to Wednesday 07:30–14:30, Thursday 07:30–12:00. */
export const officeHours = {
  alwaysOpen: false,
  week: {
    sat: [{ from: '07:30', to: '14:30' }],
    sun: [{ from: '07:30', to: '14:30' }],
    mon: [{ from: '07:30', to: '14:30' }],
    tue: [{ from: '07:30', to: '14:30' }],
    wed: [{ from: '07:30', to: '14:30' }],
    thu: [{ from: '07:30', to: '12:00' }],
  },
} satisfies HoursInput;

/**
 * The demo's hours: the posted week, for showing, but open at any hour, so that a demo started in
 * the evening or on a Friday still issues tickets. Use `officeHours` to try the real schedule.
 */
export const demoHours = { ...officeHours, alwaysOpen: true } satisfies HoursInput;

const charter = `منشور حقوق شهروندی در این اداره

هر مراجع حق دارد با احترام، ادب و بدون تبعیض پذیرفته شود و خدمت خود را به ترتیب نوبت دریافت کند. هیچ کارمندی حق ندارد خارج از نوبت کسی را بپذیرد؛ سالمندان، توان‌خواهان، ایثارگران و بانوان باردار از نوبت اولویت‌دار بهره‌مندند.

شما حق دارید پیش از شروع کار بدانید چه مدارکی لازم است، مراحل کار چیست، چه مدت طول می‌کشد و چه هزینه‌ای دارد و مبنای قانونی آن کدام است. این اطلاعات روی کیوسک نوبت‌دهی و تابلوی اعلانات اداره در دسترس است و هیچ مبلغی بیش از تعرفه مصوب و بدون رسید رسمی دریافت نمی‌شود.

نام و سمت کارمندی که به کار شما رسیدگی می‌کند باید برای شما روشن باشد. اطلاعات شخصی شما محرمانه است و جز برای انجام درخواست خودتان به کار نمی‌رود؛ روی تابلوی سالن انتظار فقط شماره نوبت و شماره باجه نمایش داده می‌شود.

اگر کار شما در این اداره انجام نشود، حق دارید دلیل آن را به صورت مکتوب بدانید و بدانید برای پیگیری به کجا مراجعه کنید. در صورت نارضایتی می‌توانید از خدمت «پاسخ به شکایات» نوبت بگیرید یا شکایت خود را در سامانه‌های رسمی رسیدگی به شکایات ثبت کنید؛ ثبت شکایت هیچ اثری بر رسیدگی به درخواست شما نخواهد داشت.

پس از پایان هر خدمت، لطفاً با دکمه‌های روی میز باجه میزان رضایت خود را ثبت کنید. نظر شما بی‌نام ثبت می‌شود و برای بهبود خدمات این اداره به کار می‌رود.`;

/** The demo office, as the office file would give it (defaults not yet filled in). */
export const demoOffice: OfficeInput = {
  name: 'اداره خدمات شهری منطقه ۳',
  nameEn: 'Urban Services Office, District 3',
  timeZone: 'Asia/Tehran',
  hours: demoHours,
  charter,
  announcements: [
    'پرداخت عوارض فقط با کارت بانکی و از طریق کارتخوان باجه انجام می‌شود؛ وجه نقد دریافت نمی‌شود.',
    'سالمندان، توان‌خواهان، ایثارگران و بانوان باردار هنگام گرفتن نوبت می‌توانند نوبت اولویت‌دار انتخاب کنند.',
    'پیش از مراجعه به باجه، فهرست مدارک لازم را روی کیوسک ببینید و اصل و تصویر مدارک را همراه داشته باشید.',
    'پس از پایان کار، لطفاً با دکمه‌های روی میز باجه میزان رضایت خود را ثبت کنید.',
  ],
  policy: { maxPriorityStreak: 3, normalWaitLimitMinutes: 30, noShowGraceSeconds: 60, counterDigits: 3 },
  services: [
    {
      id: 'certificate',
      code: 'CERT',
      name: 'صدور گواهی',
      nameEn: 'Certificates',
      prefix: '1',
      targetWaitMinutes: 15,
      priorityGroups: [...everyPriorityGroup],
      guidance: {
        description:
          'صدور گواهی‌های مربوط به املاک و ساختمان‌ها: گواهی عدم بدهی عوارض نوسازی، گواهی عدم خلاف و گواهی پایان کار. این گواهی‌ها برای نقل و انتقال ملک در دفاتر اسناد رسمی، دریافت انشعاب‌ها و ارائه به بانک‌ها لازم است.',
        descriptionEn:
          'Certificates for properties and buildings: clearance of urban renewal duties, certificate of no building violation and certificate of completion. Notary offices, utility companies and banks ask for them when a property is sold, connected or mortgaged.',
        documents: [
          'اصل و تصویر کارت ملی مالک',
          'اصل و تصویر سند مالکیت یا آخرین سند انتقال',
          'کد نوسازی ملک (روی قبض عوارض نوسازی درج شده است)',
          'آخرین فیش پرداخت عوارض نوسازی',
          'وکالت‌نامه رسمی، اگر به جای مالک مراجعه می‌کنید',
        ],
        documentsEn: [
          "The owner's national ID card, original and a copy",
          'The title deed or the latest transfer deed, original and a copy',
          "The property's renewal code (printed on the renewal-duty bill)",
          'The latest renewal-duty payment receipt',
          "A notarised power of attorney, if you come on the owner's behalf",
        ],
        steps: [
          'نوبت بگیرید و هنگام اعلام شماره به باجه مراجعه کنید.',
          'کارشناس مدارک را بررسی و پرونده ملک را در سامانه جست‌وجو می‌کند.',
          'اگر ملک بدهی عوارض داشته باشد، مبلغ آن اعلام می‌شود و پس از پرداخت، کار ادامه می‌یابد.',
          'گواهی عدم بدهی همان روز صادر می‌شود؛ گواهی عدم خلاف و پایان کار پس از بازدید کارشناس، حداکثر ظرف ۷ روز کاری آماده می‌شود.',
          'کد رهگیری را نگه دارید؛ گواهی با همین کد به شما یا دفتر اسناد رسمی تحویل می‌شود.',
        ],
        stepsEn: [
          'Take a ticket and go to the desk when your number is called.',
          "The officer checks your documents and looks up the property's file.",
          'If duties are owed on the property, you are told the amount; the work goes on once it is paid.',
          'A duty clearance is issued the same day; a no-violation or completion certificate needs an inspection and is ready within 7 working days.',
          'Keep the tracking code: the certificate is handed to you or to the notary office against it.',
        ],
        legalBasis:
          'قانون شهرداری، ماده ۱۰۰ و تبصره‌های آن (پروانه، پایان کار و عدم خلاف ساختمان)؛ قانون نوسازی و عمران شهری (عوارض نوسازی).',
        legalBasisEn:
          'Municipalities Act, Article 100 and its notes (building permits, completion and no-violation certificates); Urban Renewal and Development Act (renewal duties).',
        fees: 'هزینه صدور طبق تعرفه مصوب شورای اسلامی شهر؛ مبلغ پیش از صدور به شما اعلام می‌شود.',
        feesEn: "The fee set by the city council's approved tariff; you are told the amount before anything is issued.",
        expectedMinutes: 8,
      },
    },
    {
      id: 'payment',
      code: 'PAY',
      name: 'پرداخت عوارض',
      nameEn: 'Paying municipal duties',
      prefix: '2',
      targetWaitMinutes: 10,
      priorityGroups: [...everyPriorityGroup],
      guidance: {
        description:
          'محاسبه و پرداخت عوارض شهری: عوارض نوسازی املاک، عوارض کسب و پیشه و سایر عوارض محلی. می‌توانید صورت‌حساب خود را در باجه دریافت و همان‌جا با کارت بانکی پرداخت کنید.',
        descriptionEn:
          'Working out and paying municipal duties: property renewal duties, business duties and other local duties. You can get your bill at the desk and pay it there by bank card.',
        documents: [
          'کارت ملی',
          'کد نوسازی ملک یا شماره پرونده کسب',
          'قبض یا صورت‌حساب عوارض، اگر در دست دارید',
          'کارت بانکی برای پرداخت',
        ],
        documentsEn: [
          'National ID card',
          "The property's renewal code or the business file number",
          'The duty bill, if you have one',
          'A bank card to pay with',
        ],
        steps: [
          'نوبت بگیرید و هنگام اعلام شماره به باجه مراجعه کنید.',
          'کارشناس بدهی شما را محاسبه و صورت‌حساب را چاپ می‌کند.',
          'مبلغ را با کارتخوان باجه پرداخت کنید.',
          'رسید پرداخت مهر و امضا شده را دریافت کنید و نگه دارید.',
        ],
        stepsEn: [
          'Take a ticket and go to the desk when your number is called.',
          'The officer works out what you owe and prints the bill.',
          "Pay the amount with the desk's card reader.",
          'Take the stamped and signed receipt and keep it.',
        ],
        legalBasis: 'قانون نوسازی و عمران شهری؛ تعرفه عوارض محلی مصوب شورای اسلامی شهر برای سال جاری.',
        legalBasisEn: "Urban Renewal and Development Act; the city council's approved tariff of local duties for the current year.",
        fees: 'مبلغ عوارض طبق تعرفه؛ خود خدمت هزینه‌ای ندارد. وجه نقد دریافت نمی‌شود.',
        feesEn: 'The duty itself as per the tariff; the service costs nothing. Cash is not accepted.',
        expectedMinutes: 4,
      },
    },
    {
      id: 'request',
      code: 'REQ',
      name: 'ثبت درخواست',
      nameEn: 'Filing a request',
      prefix: '3',
      targetWaitMinutes: 15,
      priorityGroups: [...everyPriorityGroup],
      guidance: {
        description:
          'ثبت درخواست‌های شهروندان برای خدمات شهری، مانند مجوز حفاری و تعمیر معبر، قطع یا جابه‌جایی درخت، نصب تابلو و رفع مشکلات معابر و روشنایی. برای هر درخواست کد رهگیری و زمان رسیدگی اعلام می‌شود.',
        descriptionEn:
          'Filing requests for municipal services, such as permits to dig up or repair a street, to fell or move a tree, or to put up a sign, and reports of problems with streets and lighting. Each request gets a tracking code and a date by which it will be handled.',
        documents: [
          'اصل کارت ملی',
          'نشانی دقیق محل و در صورت امکان عکس آن',
          'سند یا اجاره‌نامه، اگر درخواست مربوط به ملک شماست',
          'مدارک فنی یا نقشه، برای درخواست‌های حفاری و نصب تابلو',
        ],
        documentsEn: [
          'National ID card',
          'The exact address of the place and, if possible, a photo of it',
          'The deed or lease, if the request concerns your property',
          'Technical documents or a plan, for digging and sign permits',
        ],
        steps: [
          'نوبت بگیرید و هنگام اعلام شماره به باجه مراجعه کنید.',
          'کارشناس درخواست شما را در سامانه ثبت و مدارک را دریافت می‌کند.',
          'کد رهگیری و زمان تقریبی رسیدگی به شما داده می‌شود.',
          'در صورت نیاز، کارشناس برای بازدید از محل با شما هماهنگ می‌کند.',
          'نتیجه با پیامک اعلام می‌شود و با کد رهگیری قابل پیگیری است.',
        ],
        stepsEn: [
          'Take a ticket and go to the desk when your number is called.',
          'The officer files your request and takes your documents.',
          'You are given a tracking code and the expected time to handle it.',
          'If a site visit is needed, an inspector arranges it with you.',
          'The result is sent by text message and can be followed with the tracking code.',
        ],
        legalBasis: 'قانون شهرداری، ماده ۵۵ (وظایف شهرداری)؛ دستورالعمل‌های طرح میز خدمت درباره ثبت درخواست و اعلام زمان رسیدگی.',
        legalBasisEn:
          "Municipalities Act, Article 55 (the municipality's duties); the service-desk programme's instructions on filing requests and stating handling times.",
        fees: 'ثبت درخواست رایگان است؛ هزینه کارشناسی یا مجوز، در صورت وجود، جداگانه و طبق تعرفه اعلام می‌شود.',
        feesEn: 'Filing is free; any inspection or permit fee is stated separately, as per the tariff.',
        expectedMinutes: 10,
      },
    },
    {
      id: 'complaint',
      code: 'CMPL',
      name: 'پاسخ به شکایات',
      nameEn: 'Complaints',
      prefix: '4',
      targetWaitMinutes: 20,
      priorityGroups: [...everyPriorityGroup],
      guidance: {
        description:
          'ثبت و پیگیری شکایت از خدمات اداره، رفتار کارکنان یا تأخیر در رسیدگی، و دریافت پاسخ شکایت‌های قبلی. شکایت شما محرمانه می‌ماند و بر رسیدگی به درخواست‌های دیگرتان اثری ندارد.',
        descriptionEn:
          "Filing and following up complaints about this office's services, its staff or delays, and getting the answer to an earlier complaint. Your complaint stays confidential and does not affect how your other requests are handled.",
        documents: [
          'کارت ملی',
          'کد رهگیری درخواست یا شکایت قبلی، اگر دارید',
          'هر مدرکی که شکایت شما را روشن می‌کند (رسید، نامه، عکس)',
        ],
        documentsEn: [
          'National ID card',
          'The tracking code of the request or earlier complaint, if you have one',
          'Anything that supports your complaint (a receipt, a letter, a photo)',
        ],
        steps: [
          'نوبت بگیرید و هنگام اعلام شماره به باجه مراجعه کنید.',
          'شکایت خود را شرح دهید؛ کارشناس آن را ثبت و کد رهگیری به شما می‌دهد.',
          'شکایت به واحد مسئول ارجاع و حداکثر ظرف ۱۰ روز کاری بررسی می‌شود.',
          'پاسخ به صورت مکتوب یا پیامک به شما اعلام می‌شود؛ اگر قانع نشدید، مرجع بالاتر به شما معرفی می‌شود.',
        ],
        stepsEn: [
          'Take a ticket and go to the desk when your number is called.',
          'Explain your complaint; the officer files it and gives you a tracking code.',
          'The complaint goes to the unit responsible and is looked into within 10 working days.',
          'You get the answer in writing or by text message; if it does not satisfy you, you are told where to take it next.',
        ],
        legalBasis:
          'قانون ارتقای سلامت نظام اداری و مقابله با فساد (۱۳۹۰)؛ منشور حقوق شهروندی (۱۳۹۵)؛ مصوبه حقوق شهروندی در نظام اداری.',
        legalBasisEn:
          "Act on Promoting Administrative Integrity and Fighting Corruption (2011); Charter of Citizens' Rights (2016); the resolution on citizens' rights in the administrative system.",
        fees: 'رایگان',
        feesEn: 'Free',
        expectedMinutes: 12,
      },
    },
    {
      id: 'documents',
      code: 'DOC',
      name: 'تحویل مدارک',
      nameEn: 'Handing in and collecting documents',
      prefix: '5',
      targetWaitMinutes: 10,
      priorityGroups: [...everyPriorityGroup],
      guidance: {
        description:
          'تحویل مدارک تکمیلی پرونده‌هایی که قبلاً ثبت شده‌اند، و دریافت گواهی‌ها، مجوزها و نامه‌های آماده. برای این خدمت به کد رهگیری پرونده نیاز دارید.',
        descriptionEn:
          'Handing in further documents for a case already on file, and collecting certificates, permits and letters that are ready. You need the tracking code of your case.',
        documents: [
          'کد رهگیری پرونده',
          'کارت ملی',
          'مدارکی که از شما خواسته شده است (اصل و تصویر)',
          'وکالت‌نامه یا معرفی‌نامه، اگر به جای صاحب پرونده مراجعه می‌کنید',
        ],
        documentsEn: [
          'The tracking code of your case',
          'National ID card',
          'The documents you were asked for (originals and copies)',
          'A power of attorney or letter of introduction, if you come on behalf of the case holder',
        ],
        steps: [
          'نوبت بگیرید و هنگام اعلام شماره به باجه مراجعه کنید.',
          'کد رهگیری را اعلام کنید تا پرونده شما باز شود.',
          'مدارک را تحویل دهید و رسید دریافت کنید، یا مدرک آماده را پس از امضای دفتر تحویل بگیرید.',
        ],
        stepsEn: [
          'Take a ticket and go to the desk when your number is called.',
          'Give your tracking code so that your case is opened.',
          'Hand in the documents and take a receipt, or sign for and collect the finished document.',
        ],
        legalBasis: 'دستورالعمل‌های طرح میز خدمت درباره دریافت مدارک با رسید و تحویل نتیجه به مراجع.',
        legalBasisEn: "The service-desk programme's instructions on taking documents against a receipt and handing results to visitors.",
        fees: 'رایگان',
        feesEn: 'Free',
        expectedMinutes: 3,
      },
    },
    {
      id: 'contractor',
      code: 'CONTR',
      name: 'امور پیمانکاران و اشخاص حقوقی',
      nameEn: 'Contractors and companies',
      prefix: '6',
      targetWaitMinutes: 20,
      // Visitors here act for a company, not for themselves, so personal priority does not apply.
      priorityGroups: [],
      guidance: {
        description:
          'خدمات پیمانکاران و شرکت‌ها: دریافت اسناد مناقصه، تحویل پاکت پیشنهاد، پیگیری صورت‌وضعیت‌ها و تسویه حساب قراردادها. مراجعه‌کننده باید نماینده رسمی شرکت باشد.',
        descriptionEn:
          "Services for contractors and companies: tender documents, handing in bids, following up progress invoices and settling contracts. The visitor must be the company's authorised representative.",
        documents: [
          'معرفی‌نامه رسمی شرکت با مهر و امضای صاحبان امضای مجاز',
          'کارت ملی نماینده',
          'شماره قرارداد یا شماره آگهی مناقصه',
          'صورت‌وضعیت یا نامه مربوط، برای پیگیری پرداخت',
        ],
        documentsEn: [
          "The company's letter of introduction, stamped and signed by its authorised signatories",
          "The representative's national ID card",
          'The contract number or the tender notice number',
          'The progress invoice or related letter, to follow up a payment',
        ],
        steps: [
          'نوبت بگیرید و هنگام اعلام شماره به باجه مراجعه کنید.',
          'معرفی‌نامه و کارت ملی خود را ارائه دهید.',
          'کارشناس اسناد را تحویل می‌دهد، پاکت را با رسید و ساعت دریافت ثبت می‌کند، یا وضعیت پرداخت را اعلام می‌کند.',
          'برای تسویه حساب، فهرست مدارک باقی‌مانده به صورت مکتوب به شما داده می‌شود.',
        ],
        stepsEn: [
          'Take a ticket and go to the desk when your number is called.',
          'Show the letter of introduction and your national ID card.',
          'The officer hands over the documents, records your bid with a receipt and the time it was received, or tells you where a payment stands.',
          'To settle a contract, you are given the list of documents still needed, in writing.',
        ],
        legalBasis: 'قانون برگزاری مناقصات (۱۳۸۳)؛ آیین‌نامه مالی شهرداری‌ها.',
        legalBasisEn: 'Public Tenders Act (2004); the Financial Regulations of Municipalities.',
        fees: 'خدمت رایگان است؛ بهای اسناد مناقصه طبق آگهی همان مناقصه.',
        feesEn: 'The service is free; tender documents cost what the tender notice says.',
        expectedMinutes: 15,
      },
    },
  ],
  desks: [
    // Desk 1 serves everything, so no visitor is stuck when a specialised desk is on a break.
    { id: 'desk-1', name: 'باجه ۱', nameEn: 'Desk 1', number: 1, services: ['certificate', 'payment', 'request', 'complaint', 'documents', 'contractor'] },
    { id: 'desk-2', name: 'باجه ۲', nameEn: 'Desk 2', number: 2, services: ['payment', 'certificate'] },
    { id: 'desk-3', name: 'باجه ۳', nameEn: 'Desk 3', number: 3, services: ['request', 'documents', 'certificate'] },
    { id: 'desk-4', name: 'باجه ۴', nameEn: 'Desk 4', number: 4, services: ['complaint', 'contractor', 'documents'] },
  ],
  users: [],
  // The demo's messages go to <data>/messages.jsonl instead of a provider.
  sms: { gateway: { kind: 'file' } },
  // Appointments on the posted working days: certificates take 40% of what their desks can do,
  // contractors two visits an hour; closed on the solar-calendar holidays.
  booking: {
    services: [
      { serviceId: 'certificate', capacity: { share: 0.4 } },
      { serviceId: 'contractor', capacity: { visits: 2 }, slotMinutes: 30 },
    ],
    closedDays: ['01-01', '01-02', '01-03', '01-04', '01-12', '01-13', '03-14', '03-15', '11-22', '12-29'],
  },
};
