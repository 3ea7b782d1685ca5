// Structured English log lines on stderr, one JSON object each. Never pass passwords or tokens here.
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(options: { quiet?: boolean } = {}): Logger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    if (options.quiet && level === 'info') return;
    process.stderr.write(JSON.stringify({ at: new Date().toISOString(), level, message, ...fields }) + '\n');
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
