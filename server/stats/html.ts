// The building blocks of the server-rendered pages (the printable indicators report, the open
// statistics page): a whole page linking only our own style sheet (no inline script or style, for
// the strict Content-Security-Policy), a titled section, and text escaped for HTML.
export const REPORT_CSS_PATH = '/manager/report.css';

export function page(title: string, body: string, lang: 'fa' | 'en' = 'fa'): string {
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="${REPORT_CSS_PATH}">
</head>
<body>
${body}
</body>
</html>
`;
}

export function section(title: string, body: string): string {
  return `<section>\n<h2>${escape(title)}</h2>\n${body}\n</section>`;
}

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}
